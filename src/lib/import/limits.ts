/**
 * The importer's limits, in one place (the table in README.md lists them). Every one is
 * checked before the work it bounds: file size before decoding, an archive's declared and
 * real entry sizes before exceljs or mammoth sees it, a sheet's rows, columns and merged
 * areas before exceljs builds cells for them, cell and paragraph lengths before the
 * name and prose readers run. A bureau's list is a few hundred rows of short names; the
 * limits are far above that and far below what exhausts memory or time on a CI runner.
 */
import { formatPlace, type Place } from './model.ts';

export const importLimits = {
  /** Bytes of the input file, any format. */
  fileBytes: 32 * 2 ** 20,
  /** Characters in one table cell. */
  cellChars: 10_000,
  /** Characters in one line of prose (a paragraph). */
  lineChars: 20_000,
  /** Characters in a run without punctuation or space: no school or group name is near it. */
  unpunctuatedChars: 1_000,
  /** Rows in one table or worksheet (and lines of prose). */
  rows: 200_000,
  /** Columns in one table or worksheet, counted to the last one with text. */
  columns: 256,
  /** Cells in an xlsx workbook, empty styled ones included: exceljs takes about 1.5 kB for each. */
  sheetCells: 200_000,
  /** Cells a workbook's merged areas cover, together (exceljs makes an object for each). */
  mergedCells: 200_000,
  /** Uncompressed bytes of one entry of an xlsx or docx archive. */
  entryBytes: 16 * 2 ** 20,
  /** Uncompressed bytes of all entries of an archive. */
  archiveBytes: 48 * 2 ** 20,
  /** Entries in an archive. */
  archiveEntries: 10_000,
  /** Seconds to read a file (checked between rows, lines and archive entries; exceljs and mammoth are stopped). */
  readSeconds: 60,
  /** Heap of the worker thread exceljs and mammoth run in, in MB. */
  officeHeapMB: 512,
} as const;

export type ImportLimits = { readonly [K in keyof typeof importLimits]: number };

/** The one error the importer throws for input it will not read: a Chinese message with file (and sheet:row). */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Bytes as the messages give them. */
export const describeBytes = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
const mb = describeBytes;

/** Throws past the deadline; readers call it between rows, lines and entries. */
export class Deadline {
  private readonly end: number;
  private readonly file: string;
  private readonly seconds: number;
  constructor(file: string, seconds: number = importLimits.readSeconds) {
    this.file = file;
    this.seconds = seconds;
    this.end = performance.now() + seconds * 1000;
  }
  /** Milliseconds left, at least 1. */
  remaining(): number {
    return Math.max(1, this.end - performance.now());
  }
  check(at?: Place): void {
    if (performance.now() > this.end) throw this.error(at);
  }
  error(at?: Place): InputError {
    return new InputError(
      `${at ? formatPlace(at) : this.file}: 读了 ${this.seconds} 秒还没读完，停止读取（上限 ${this.seconds} 秒）。把名单拆成几个小文件，或另存为 CSV 再导入`,
    );
  }
}

const PUNCTUATION = /[\s\p{P}\p{S}]/u;

/** The longest run of characters without punctuation, symbols or space. */
export function longestUnpunctuated(text: string): number {
  let run = 0;
  let longest = 0;
  for (const ch of text) {
    if (PUNCTUATION.test(ch)) run = 0;
    else if (++run > longest) longest = run;
  }
  return longest;
}

/** Checks one cell's text; `column` is 1-based. */
export function checkCell(text: string, at: Place, column: number, limits: ImportLimits = importLimits): void {
  if (text.length > limits.cellChars)
    throw new InputError(
      `${formatPlace(at)}: 第 ${column} 列的单元格有 ${text.length} 个字符，超过上限 ${limits.cellChars}。名单的一格不会这么长：检查是不是把整篇文字粘进了一格`,
    );
  if (text.length > limits.unpunctuatedChars && longestUnpunctuated(text) > limits.unpunctuatedChars)
    throw new InputError(
      `${formatPlace(at)}: 第 ${column} 列有一段超过 ${limits.unpunctuatedChars} 个字符没有标点或空格，不像名单。请用 、，；或换行把学校名分开`,
    );
}

/** Checks one line of prose. */
export function checkLine(text: string, at: Place, limits: ImportLimits = importLimits): void {
  if (text.length > limits.lineChars)
    throw new InputError(
      `${formatPlace(at)}: 这一段有 ${text.length} 个字符，超过上限 ${limits.lineChars}。请分段（每个集团一段）后再导入`,
    );
  if (text.length > limits.unpunctuatedChars && longestUnpunctuated(text) > limits.unpunctuatedChars)
    throw new InputError(
      `${formatPlace(at)}: 这一段有超过 ${limits.unpunctuatedChars} 个字符没有标点或空格，不像名单。请用 、，；或换行把学校名分开`,
    );
}

/** Checks a table's row count, as soon as it passes the limit. */
export function checkRowCount(count: number, at: Place, limits: ImportLimits = importLimits): void {
  if (count > limits.rows) throw new InputError(`${formatPlace(at)}: 超过 ${limits.rows} 行（上限）。把名单拆成几个文件再分别导入`);
}

/** A 1-based column number as a spreadsheet names it: 1 → A, 16384 → XFD. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Checks a row's width (1-based index of its last non-empty cell). */
export function checkColumnCount(width: number, at: Place, limits: ImportLimits = importLimits): void {
  if (width > limits.columns)
    throw new InputError(
      `${formatPlace(at)}: 第 ${width} 列（${columnLetters(width)} 列）有内容，超过 ${limits.columns} 列的上限。删掉名单右边多余的内容（或另存一份只含名单的表）再导入`,
    );
}

export function checkFileSize(file: string, bytes: number, limits: ImportLimits = importLimits): void {
  if (bytes > limits.fileBytes)
    throw new InputError(`${file}: 文件有 ${mb(bytes)}，超过 ${mb(limits.fileBytes)} 的上限。把名单拆成几个文件再分别导入`);
}
