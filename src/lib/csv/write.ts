/**
 * CSV out, one way for every file the project writes: chart downloads, a new
 * record appended by `npm run new`, generated country data and test fixtures.
 * papaparse does the quoting (RFC 4180: a field with a comma, a quote or a line
 * break is quoted, quotes doubled); a field with leading or trailing whitespace
 * (a full-width space too) is also quoted, so a spreadsheet keeps it.
 */
import Papa from 'papaparse';

const edgeSpace = (value: unknown) => typeof value === 'string' && /^\s|\s$/.test(value);

/** One record, without a line end. */
export function csvLine(values: readonly string[]): string {
  return Papa.unparse([[...values]], { quotes: edgeSpace, newline: '\n' });
}

/** Records as CSV text, every one (the last too) ending in `newline`. */
export function csvText(rows: readonly (readonly string[])[], newline: '\n' | '\r\n' = '\n'): string {
  if (rows.length === 0) return '';
  return (
    Papa.unparse(
      rows.map((r) => [...r]),
      { quotes: edgeSpace, newline },
    ) + newline
  );
}
