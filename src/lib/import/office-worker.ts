/**
 * exceljs or mammoth on one xlsx/docx, in a worker thread that read.ts starts with a heap
 * limit and terminates at the read deadline. Both libraries parse synchronously for as long
 * as a file makes them (the fuzz test found a docx whose repeated [Content_Types].xml keeps
 * mammoth's XML parser busy for minutes), and nothing in the main thread could stop them.
 * The worker hands back plain data: a docx's HTML, or each sheet's non-empty cells.
 */
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';

export interface OfficeTask {
  format: 'xlsx' | 'docx';
  bytes: Uint8Array;
}

export interface SheetData {
  name: string;
  /** Rows with at least one cell: the row number and its non-empty cells as [column, text]. */
  rows: { line: number; cells: [number, string][] }[];
}

export type OfficeResult = { html: string } | { sheets: SheetData[] } | { error: string };

/** Cell text as shown: rich text joined, numbers and dates as written, formulas by result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return Array.isArray(value.richText) ? value.richText.map((r) => String(r.text ?? '')).join('') : '';
  if ('result' in value) return cellText(value.result);
  if ('text' in value) return String(value.text);
  return '';
}

async function readSheets(bytes: Uint8Array): Promise<SheetData[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: SheetData['rows'] = [];
    // Only the cells the sheet has: a stray cell in column XFD must not make every row 16,384 wide.
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: [number, string][] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const text = cellText((cell.isMerged ? cell.master : cell).value).trim();
        if (text) cells.push([column, text]);
      });
      rows.push({ line, cells });
    });
    return { name: sheet.name, rows };
  });
}

/** What the worker does, callable in-process too (the tests do). */
export async function readOffice(task: OfficeTask): Promise<OfficeResult> {
  try {
    if (task.format === 'docx') return { html: (await mammoth.convertToHtml({ buffer: Buffer.from(task.bytes) })).value };
    return { sheets: await readSheets(task.bytes) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

// Started by read.ts with { officeTask }; imported anywhere else (a test runner's own worker), it does nothing.
const data = workerData as { officeTask?: OfficeTask } | null;
if (parentPort && data?.officeTask) parentPort.postMessage(await readOffice(data.officeTask));
