/** One thing wrong with the data, located so an editor can go straight to it. */
export interface Problem {
  /** Path relative to the project root, e.g. data/memberships.csv. */
  file: string;
  line: number;
  /** 1-based column: the field number in a CSV row, the character in other files. */
  column: number;
  message: string;
  fix?: string;
}

/** `data/memberships.csv:17:2: 错误：… 修改建议：…` — the format CI annotations and editors read. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: 错误：${p.message}${p.fix ? `。修改建议：${p.fix}` : ''}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
}
