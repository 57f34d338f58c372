/**
 * Readers, one per format, each turning a file into the common model (model.ts).
 * The formats are the libraries' business (papaparse, exceljs, mammoth, htmlparser2);
 * only the list logic is ours.
 */
import ExcelJS from 'exceljs';
import { Parser } from 'htmlparser2';
import mammoth from 'mammoth';
import { eachCsvRecord } from '../csv/records.ts';
import type { InputDocument, Table, TextLine } from './model.ts';
import { lineIndex } from '../text/line-index.ts';

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

export class InputError extends Error {}

function decodeText(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Chinese Windows saves text as GBK; read it rather than refuse it.
    try {
      return new TextDecoder('gbk', { fatal: true }).decode(bytes);
    } catch {
      throw new InputError(`${file}: 文件既不是 UTF-8 也不是 GBK 编码，请另存为 UTF-8`);
    }
  }
}

export function readText(file: string, text: string): InputDocument {
  const lines: TextLine[] = text.split(/\r?\n/).map((t, i) => ({ at: { file, line: i + 1 }, text: t }));
  return { file, tables: [], lines };
}

export function readCsv(file: string, text: string): InputDocument {
  const table: Table = { rows: [] };
  eachCsvRecord(text, (values, line) => {
    const cells = values.map((c) => c.trim());
    if (cells.some((c) => c !== '')) table.rows.push({ at: { file, line }, cells });
  });
  return { file, tables: [table], lines: [] };
}

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'section', 'article', 'blockquote', 'pre']);

/**
 * HTML: every <table> becomes a table (a cell's <br> and <p> become line breaks, so
 * "one member per line" survives); text outside tables becomes prose lines.
 */
export function readHtml(file: string, html: string): InputDocument {
  const lineOf = lineIndex(html);
  const tables: Table[] = [];
  const lines: TextLine[] = [];
  const stack: Table[] = [];
  let row: { line: number; cells: string[] } | undefined;
  let cell: string | undefined;
  let prose = '';
  let proseLine = 1;
  let skip = 0;
  const flushProse = () => {
    for (const t of prose.split('\n')) if (t.trim()) lines.push({ at: { file, line: proseLine }, text: t.trim() });
    prose = '';
  };
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        const at = lineOf(parser.startIndex);
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
        if (cell !== undefined) cell += t;
        else if (stack.length === 0) {
          if (!prose.trim()) proseLine = lineOf(parser.startIndex);
          prose += t;
        }
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') skip = Math.max(0, skip - 1);
        else if ((name === 'td' || name === 'th') && row && cell !== undefined) {
          row.cells.push(
            cell
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean)
              .join('\n'),
          );
          cell = undefined;
        } else if (name === 'tr' && row) {
          stack.at(-1)?.rows.push({ at: { file, line: row.line }, cells: row.cells });
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

/** DOCX through mammoth's HTML: its tables and paragraphs, numbered by paragraph. */
async function readDocx(file: string, bytes: Uint8Array): Promise<InputDocument> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (err) {
    throw new InputError(`${file}: 不是能读的 Word（.docx）文件：${(err as Error).message}`);
  }
  // mammoth writes one line; put each block on its own line so "line" means paragraph.
  const doc = readHtml(file, html.replace(/<(p|tr|h[1-6]|li)\b/g, '\n<$1'));
  return doc;
}

/** Cell text as shown: rich text joined, numbers and dates as written, formulas by result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText(value.result);
  if ('text' in value) return String(value.text);
  return '';
}

/** XLSX: every worksheet a table; a merged cell's value is repeated over the cells it spans. */
async function readXlsx(file: string, bytes: Uint8Array): Promise<InputDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    throw new InputError(`${file}: 不是能读的 Excel（.xlsx）文件：${(err as Error).message}。旧的 .xls 请先另存为 .xlsx`);
  }
  const tables: Table[] = [];
  const several = workbook.worksheets.length > 1;
  for (const sheet of workbook.worksheets) {
    const table: Table = { rows: [] };
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: false }, (r, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = r.getCell(c);
        const master = cell.isMerged ? cell.master : cell;
        cells.push(cellText(master.value).trim());
      }
      table.rows.push({ at: { file, line: n, ...(several ? { sheet: sheet.name } : {}) }, cells });
    });
    tables.push(table);
  }
  return { file, tables, lines: [] };
}

export async function readInput(file: string, bytes: Uint8Array, format: InputFormat = formatOf(file)): Promise<InputDocument> {
  switch (format) {
    case 'xlsx':
      return readXlsx(file, bytes);
    case 'docx':
      return readDocx(file, bytes);
    case 'csv':
      return readCsv(file, decodeText(file, bytes));
    case 'html':
      return readHtml(file, decodeText(file, bytes));
    case 'text':
      return readText(file, decodeText(file, bytes));
  }
}
