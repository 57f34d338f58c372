/** What record view models share. */

/** A file (and line, for CSV rows) behind a record: for "last changed" and "edit this". */
export interface RecordFile {
  file: string;
  line?: number;
}
