/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`) with their
 * escaping: the runner reads a command from any line of stdout or stderr, so text from
 * data must never start a line of its own. Data: % CR LF → %25 %0D %0A; properties
 * also : and , → %3A %2C (the runner's own escapeData/escapeProperty rules).
 */

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface Annotation {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One `::error` line that shows the message on file:line:col in a pull request's "Files changed". */
export function errorCommand(a: Annotation): string {
  return `::error file=${escapeProperty(a.file)},line=${a.line},col=${a.column}::${escapeData(a.message)}`;
}

/**
 * A message for a log on one line: line breaks and other control characters (a terminal's
 * escape sequences among them) spelled out as \n, \r, \x1b, so data cannot start a line.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
