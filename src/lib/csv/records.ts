/**
 * CSV records with the line each starts on, from papaparse's streaming parser: the one
 * place that turns Papa's cursor (after a record's newline) into the record's first line.
 */
import Papa, { type ParseError } from 'papaparse';
import { lineIndex } from '../text/line-index.ts';

/** Calls `onRecord` for every record of `text`, blank ones included, in order. */
export function eachCsvRecord(text: string, onRecord: (values: string[], line: number, errors: ParseError[]) => void): void {
  const lineOf = lineIndex(text);
  let offset = 0;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      // Papa reports the cursor after the record's newline; the record starts where the last one ended.
      const start = offset;
      offset = result.meta.cursor;
      onRecord(result.data, lineOf(start), result.errors);
    },
  });
}
