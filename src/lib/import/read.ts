/**
 * Readers, one per format, each turning a file into the common model (model.ts).
 * The formats are the libraries' business (papaparse, exceljs, mammoth, htmlparser2);
 * only the list logic is ours. exceljs and mammoth run in a worker (office-worker.ts). Every reader checks the limits in limits.ts before the
 * work they bound, and throws only InputError.
 */
import { Worker } from 'node:worker_threads';
import { Parser } from 'htmlparser2';
import { eachCsvRecord } from '../csv/records.ts';
import { inspectArchive } from './archive.ts';
import {
  checkCell,
  checkColumnCount,
  checkFileSize,
  checkLine,
  checkRowCount,
  Deadline,
  importLimits,
  InputError,
  type ImportLimits,
} from './limits.ts';
import type { InputDocument, Place, Table, TextLine } from './model.ts';
import type { OfficeResult, OfficeTask } from './office-worker.ts';
import { lineIndex } from '../text/line-index.ts';

export { InputError } from './limits.ts';

/** A read document, with what the reader decided on the way (encoding, format), for the preview. */
interface ReadDocument extends InputDocument {
  notes: string[];
}

export type InputFormat = 'xlsx' | 'csv' | 'docx' | 'html' | 'text';

export const inputFormats: readonly InputFormat[] = ['xlsx', 'csv', 'docx', 'html', 'text'];

/** The format a file name implies; anything unknown (and `-`, pasted text) is prose. */
export function formatOf(file: string): InputFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  if (ext === 'docx') return 'docx';
  if (ext === 'html' || ext === 'htm') return 'html';
  return 'text';
}

/**
 * Characters that text in a Chinese list does not contain but a wrong legacy decoding
 * produces: replacement and private-use characters, kana, bopomofo, Greek, Cyrillic, box
 * drawing, rare ideographs (extension A and beyond, compatibility forms). Big5 read as
 * GBK lands in GBK's kana and symbol rows; GBK read as Big5 turns its commas into bopomofo.
 */
const IMPLAUSIBLE =
  /[\uFFFD\uE000-\uF8FF\u3040-\u30FF\u3100-\u312F\u0370-\u04FF\u2500-\u259F\u3400-\u4DBF\uF900-\uFAFF\u{20000}-\u{3FFFF}]/gu;
const HAN = /\p{Script=Han}/gu;

function implausibleShare(text: string): number {
  const bad = text.match(IMPLAUSIBLE)?.length ?? 0;
  const han = text.match(HAN)?.length ?? 0;
  return bad / Math.max(1, han + bad);
}

/** Text that is not UTF-8 is GBK (Chinese Windows) or Big5 (Taiwan, Hong Kong): the one that reads as Chinese. */
function decodeText(file: string, bytes: Uint8Array): { text: string; notes: string[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), notes: [] };
  } catch {
    // Not UTF-8: try both legacy encodings and keep the plausible one.
  }
  const readings = (['gbk', 'big5'] as const).map((encoding) => {
    const text = new TextDecoder(encoding).decode(bytes);
    return { encoding, text, share: implausibleShare(text), bad: text.match(IMPLAUSIBLE)?.length ?? 0 };
  });
  // UTF-8 with a few damaged bytes reads worse as either legacy encoding: say where the damage is.
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const damaged = utf8.match(/\uFFFD/g)?.length ?? 0;
  if (readings.every((r) => damaged <= r.bad)) {
    const at = utf8.indexOf('\uFFFD');
    const line = utf8.slice(0, at).split('\n').length;
    const column = at - utf8.lastIndexOf('\n', at - 1);
    throw new InputError(
      `${file}:${line}:${column}: 文件是 UTF-8 编码，但这里（共 ${damaged} 处）有不是 UTF-8 的字节，文件可能损坏或拼接了别的编码的内容。用编辑器改正或重新另存为 UTF-8 再导入`,
    );
  }
  readings.sort((a, b) => a.share - b.share);
  const [best, other] = readings as [(typeof readings)[number], (typeof readings)[number]];
  const names = { gbk: 'GBK', big5: 'Big5' };
  if (best.share > 0.02 || other.share - best.share < 0.01)
    throw new InputError(
      `${file}: 文件不是 UTF-8 编码，按 GBK 和 Big5 读都不像中文（${names.gbk} 有 ${(readings.find((r) => r.encoding === 'gbk')!.share * 100).toFixed(1)}% 的字不像，Big5 有 ${(readings.find((r) => r.encoding === 'big5')!.share * 100).toFixed(1)}%），无法确定编码。请用记事本或 WPS 另存为 UTF-8 再导入`,
    );
  return {
    text: best.text,
    notes: [`${file}: 文件不是 UTF-8，按 ${names[best.encoding]} 编码读取（另一种读法有 ${(other.share * 100).toFixed(0)}% 的字不像中文）`],
  };
}

/** Markup in a file read as text: a saved web page whose tags would otherwise become "names". */
function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) return true;
  const tags = text
    .slice(0, 200_000)
    .match(/<\/?(?:html|head|body|p|div|span|a|br|table|tr|td|th|li|ul|ol|h[1-6]|font|b|strong|meta|script|style)\b[^<>]{0,500}>/gi);
  return (tags?.length ?? 0) >= 3;
}

export function readText(file: string, text: string, deadline = new Deadline(file), limits: ImportLimits = importLimits): InputDocument {
  const lines: TextLine[] = [];
  let start = 0;
  for (let n = 1; start <= text.length; n++) {
    const end = text.indexOf('\n', start);
    const t = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
    const at = { file, line: n };
    checkRowCount(n, at, limits);
    checkLine(t, at, limits);
    if (n % 1000 === 0) deadline.check(at);
    lines.push({ at, text: t });
    if (end < 0) break;
    start = end + 1;
  }
  return { file, tables: [], lines };
}

export function readCsv(file: string, text: string, deadline = new Deadline(file), limits: ImportLimits = importLimits): InputDocument {
  const table: Table = { rows: [] };
  eachCsvRecord(text, (values, line) => {
    const at = { file, line };
    checkRowCount(table.rows.length + 1, at, limits);
    if (line % 1000 === 0) deadline.check(at);
    const cells = values.map((c) => c.trim());
    let width = 0;
    cells.forEach((c, i) => {
      if (c === '') return;
      checkCell(c, at, i + 1, limits);
      width = i + 1;
    });
    checkColumnCount(width, at, limits);
    if (width > 0) table.rows.push({ at, cells: cells.slice(0, width) });
  });
  return { file, tables: [table], lines: [] };
}

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'section', 'article', 'blockquote', 'pre']);

/**
 * HTML: every <table> becomes a table (a cell's <br> and <p> become line breaks, so
 * "one member per line" survives); text outside tables becomes prose lines.
 */
export function readHtml(file: string, html: string, deadline = new Deadline(file), limits: ImportLimits = importLimits): InputDocument {
  const lineOf = lineIndex(html);
  const tables: Table[] = [];
  const lines: TextLine[] = [];
  const stack: Table[] = [];
  let row: { line: number; cells: string[] } | undefined;
  let cell: string | undefined;
  let prose = '';
  let proseLine = 1;
  let skip = 0;
  let events = 0;
  const flushProse = () => {
    for (const t of prose.split('\n')) {
      if (!t.trim()) continue;
      const at = { file, line: proseLine };
      checkLine(t.trim(), at, limits);
      checkRowCount(lines.length + 1, at, limits);
      lines.push({ at, text: t.trim() });
    }
    prose = '';
  };
  // Text is appended cell by cell: refuse a runaway cell or paragraph as it grows, not after.
  const checkGrowing = (text: string, at: Place, column: number) => {
    if (text.length > limits.cellChars) checkCell(text, at, column, limits);
  };
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        const at = lineOf(parser.startIndex);
        if (++events % 1000 === 0) deadline.check({ file, line: at });
        if (name === 'script' || name === 'style') skip++;
        else if (name === 'table') {
          flushProse();
          stack.push({ rows: [] });
        } else if (name === 'tr' && stack.length > 0) row = { line: at, cells: [] };
        else if ((name === 'td' || name === 'th') && row) cell = '';
        else if (name === 'br' || BLOCK_TAGS.has(name)) {
          if (cell !== undefined) cell += '\n';
          else if (stack.length === 0) {
            flushProse();
            proseLine = at;
          }
        }
      },
      ontext(text) {
        if (skip > 0) return;
        const t = text.replace(/[ \t\r\n]+/g, ' ');
        if (cell !== undefined && row) {
          cell += t;
          checkGrowing(cell, { file, line: row.line }, row.cells.length + 1);
        } else if (stack.length === 0) {
          if (!prose.trim()) proseLine = lineOf(parser.startIndex);
          prose += t;
          if (prose.length > limits.lineChars) checkLine(prose, { file, line: proseLine }, limits);
        }
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') skip = Math.max(0, skip - 1);
        else if ((name === 'td' || name === 'th') && row && cell !== undefined) {
          const text = cell
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean)
            .join('\n');
          const at = { file, line: row.line };
          row.cells.push(text);
          if (text) {
            checkCell(text, at, row.cells.length, limits);
            checkColumnCount(row.cells.length, at, limits);
          }
          cell = undefined;
        } else if (name === 'tr' && row) {
          const table = stack.at(-1);
          if (table) {
            checkRowCount(table.rows.length + 1, { file, line: row.line }, limits);
            table.rows.push({ at: { file, line: row.line }, cells: row.cells });
          }
          row = undefined;
        } else if (name === 'table') {
          const t = stack.pop();
          if (t) tables.push(t);
        } else if (BLOCK_TAGS.has(name) && stack.length === 0) flushProse();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flushProse();
  return { file, tables, lines };
}

/**
 * exceljs or mammoth in a worker thread (office-worker.ts) with a heap limit, terminated at
 * the deadline: either library can spin or swell on a crafted file where no check reaches.
 */
function inWorker(file: string, task: OfficeTask, deadline: Deadline, limits: ImportLimits): Promise<OfficeResult> {
  const kind = task.format === 'xlsx' ? 'Excel（.xlsx）' : 'Word（.docx）';
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./office-worker.ts', import.meta.url), {
      workerData: { officeTask: task },
      resourceLimits: { maxOldGenerationSizeMb: limits.officeHeapMB },
      // xmldom's warnings are not the editor's business; the outcome is reported below.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(() => settle(() => reject(deadline.error())), deadline.remaining());
    worker.once('message', (result: OfficeResult) => settle(() => resolve(result)));
    worker.once('error', (err: NodeJS.ErrnoException) =>
      settle(() =>
        reject(
          new InputError(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `${file}: 读这个 ${kind} 文件用了超过 ${limits.officeHeapMB} MB 内存（上限），停止读取。删掉名单以外的内容，或另存为 CSV 再导入`
              : `${file}: 读不了这个 ${kind} 文件（${err.message}）。用原来的软件打开后重新另存一份再导入`,
          ),
        ),
      ),
    );
    worker.once('exit', () => settle(() => reject(new InputError(`${file}: 读这个 ${kind} 文件时读取程序意外退出。重新另存一份再导入`))));
  });
}

/** DOCX through mammoth's HTML: its tables and paragraphs, numbered by paragraph. */
async function readDocx(file: string, bytes: Uint8Array, deadline: Deadline, limits: ImportLimits): Promise<InputDocument> {
  inspectArchive(file, bytes, () => false, deadline, limits);
  const result = await inWorker(file, { format: 'docx', bytes }, deadline, limits);
  if (!('html' in result)) throw new InputError(`${file}: 不是能读的 Word（.docx）文件：${'error' in result ? result.error : '没有内容'}`);
  // mammoth writes one line; put each block on its own line so "line" means paragraph.
  return readHtml(file, result.html.replace(/<(p|tr|h[1-6]|li)\b/g, '\n<$1'), deadline, limits);
}

const XLSX_MAX_ROW = 1_048_576;
const XLSX_MAX_COLUMN = 16_384;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * A worksheet's XML, scanned before exceljs builds it: exceljs makes an object for every
 * cell listed, every cell a merged area covers and every column a <col> range spans, so
 * the counts are checked here, on the text, before exceljs reads it.
 */
function scanSheetXml(file: string, entry: string, xml: string, totals: { cells: number; merged: number }, limits: ImportLimits): void {
  const where = `${file}（${entry}）`;
  let rows = 0;
  for (const m of xml.matchAll(/<(c|row|mergeCell|col)\b([^>]*)>/g)) {
    const [, tag, attrs] = m as unknown as [string, string, string];
    if (tag === 'c') {
      if (++totals.cells > limits.sheetCells)
        throw new InputError(
          `${where}: 工作簿超过 ${limits.sheetCells} 个单元格（上限，含空的带格式单元格）。删掉名单以外的内容，或把名单另存为 CSV 再导入`,
        );
      const ref = /\br="([A-Z]{1,3})(\d{1,7})"/.exec(attrs);
      if (ref && (columnNumber(ref[1]!) > XLSX_MAX_COLUMN || Number(ref[2]) > XLSX_MAX_ROW))
        throw new InputError(`${where}: 单元格 ${ref[1]}${ref[2]} 超出 Excel 的范围，文件已损坏`);
    } else if (tag === 'row') {
      const r = Number(/\br="(\d+)"/.exec(attrs)?.[1] ?? 0);
      if (r > XLSX_MAX_ROW) throw new InputError(`${where}: 第 ${r} 行超出 Excel 的范围，文件已损坏`);
      checkRowCount(++rows, { file, line: r || rows }, limits);
    } else if (tag === 'col') {
      const max = Number(/\bmax="(\d+)"/.exec(attrs)?.[1] ?? 0);
      const min = Number(/\bmin="(\d+)"/.exec(attrs)?.[1] ?? 0);
      if (max > XLSX_MAX_COLUMN || min > XLSX_MAX_COLUMN) throw new InputError(`${where}: 列的设置超出 Excel 的范围，文件已损坏`);
    } else {
      const ref = /\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"/.exec(attrs);
      if (!ref) continue;
      const area = (Math.abs(Number(ref[4]) - Number(ref[2])) + 1) * (Math.abs(columnNumber(ref[3]!) - columnNumber(ref[1]!)) + 1);
      totals.merged += area;
      if (totals.merged > limits.mergedCells)
        throw new InputError(
          `${where}: 合并单元格 ${ref[1]}${ref[2]}:${ref[3]}${ref[4]} 等一共覆盖超过 ${limits.mergedCells} 格（上限）。取消整行整列的合并后再导入`,
        );
    }
  }
}

/** XLSX: every worksheet a table; a merged cell's value is repeated over the cells it spans. */
async function readXlsx(file: string, bytes: Uint8Array, deadline: Deadline, limits: ImportLimits): Promise<InputDocument> {
  const isSheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/.test(name);
  const totals = { cells: 0, merged: 0 };
  for (const e of inspectArchive(file, bytes, isSheet, deadline, limits))
    if (e.data) scanSheetXml(file, e.name, e.data.toString('utf8'), totals, limits);
  const result = await inWorker(file, { format: 'xlsx', bytes }, deadline, limits);
  if (!('sheets' in result))
    throw new InputError(
      `${file}: 不是能读的 Excel（.xlsx）文件：${'error' in result ? result.error : '没有工作表'}。旧的 .xls 请先另存为 .xlsx`,
    );
  const tables: Table[] = [];
  const several = result.sheets.length > 1;
  for (const sheet of result.sheets) {
    const table: Table = { rows: [] };
    let tableWidth = 0;
    for (const { line, cells: used } of sheet.rows) {
      const at = { file, line, ...(several ? { sheet: sheet.name } : {}) };
      if (line % 1000 === 0) deadline.check(at);
      for (const [c, text] of used) {
        checkCell(text, at, c, limits);
        checkColumnCount(c, at, limits);
      }
      const width = used.at(-1)?.[0] ?? 0;
      const cells = Array.from({ length: width }, () => '');
      for (const [c, text] of used) cells[c - 1] = text;
      tableWidth = Math.max(tableWidth, width);
      table.rows.push({ at, cells });
    }
    // Rows as wide as the table, as the column reader expects of a sheet.
    for (const row of table.rows) while (row.cells.length < tableWidth) row.cells.push('');
    tables.push(table);
  }
  return { file, tables, lines: [] };
}

/** Reads a file in the given format, within the limits (limits.ts); throws only InputError. */
export async function readInput(
  file: string,
  bytes: Uint8Array,
  format: InputFormat = formatOf(file),
  limits: ImportLimits = importLimits,
): Promise<ReadDocument> {
  checkFileSize(file, bytes.byteLength, limits);
  const deadline = new Deadline(file, limits.readSeconds);
  try {
    switch (format) {
      case 'xlsx':
        return { ...(await readXlsx(file, bytes, deadline, limits)), notes: [] };
      case 'docx':
        return { ...(await readDocx(file, bytes, deadline, limits)), notes: [] };
      case 'csv': {
        const { text, notes } = decodeText(file, bytes);
        return { ...readCsv(file, text, deadline, limits), notes };
      }
      case 'html': {
        const { text, notes } = decodeText(file, bytes);
        return { ...readHtml(file, text, deadline, limits), notes };
      }
      case 'text': {
        const { text, notes } = decodeText(file, bytes);
        // A web page saved as .txt: its tags would become school names (`a>`, `p>`).
        if (looksLikeHtml(text))
          return { ...readHtml(file, text, deadline, limits), notes: [...notes, `${file}: 内容是网页（HTML），按网页读取表格和段落`] };
        return { ...readText(file, text, deadline, limits), notes };
      }
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    // A library's own failure on a broken file is the file's problem, not a crash.
    throw new InputError(`${file}: 读不了这个文件（${(err as Error).message}）。用原来的软件打开后重新另存一份再导入`);
  }
}
