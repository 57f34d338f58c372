/**
 * The importer's pipeline: a read document (read.ts) → listed groups from its tables
 * (columns.ts) and prose (prose.ts) → a plan against the dataset (plan.ts) → a preview
 * (preview.ts) or a write (write.ts).
 */
import { columnRoleLabels, readTable, type ColumnRole, type TableReading } from './columns.ts';
import { formatPlace, type InputDocument, type ListedGroup, type Warning } from './model.ts';
import { readProse } from './prose.ts';

export interface Listing {
  groups: ListedGroup[];
  /** One line per table: which column was taken for what. */
  columnReports: string[];
  warnings: Warning[];
  /** Tables that could not be read, and why (with the fix). */
  errors: string[];
}

export function listGroups(doc: InputDocument, forcedColumns: Map<ColumnRole, string> = new Map()): Listing {
  const listing: Listing = { groups: [], columnReports: [], warnings: [], errors: [] };
  doc.tables.forEach((table, i) => {
    if (table.rows.length === 0) return;
    const reading: TableReading = readTable(table, forcedColumns);
    const where = table.rows[0] ? formatPlace(table.rows[0].at) : doc.file;
    if (reading.error) {
      listing.errors.push(`${where}: 第 ${i + 1} 个表格：${reading.error}`);
      return;
    }
    // One at a time: a spread of a million rows overflows the call stack.
    for (const g of reading.groups) listing.groups.push(g);
    for (const w of reading.warnings) listing.warnings.push(w);
    listing.columnReports.push(
      `${reading.headerAt ? formatPlace(reading.headerAt) : where}: 表头 ` +
        reading.columns
          .sort((a, b) => a.index - b.index)
          .map((c) => `“${c.header}”→${columnRoleLabels[c.role]}${c.forced ? '（--columns）' : ''}`)
          .join('，'),
    );
  });
  const prose = readProse(doc.lines);
  for (const g of prose.groups) listing.groups.push(g);
  for (const w of prose.warnings) listing.warnings.push(w);
  // A table with no list in it (a letterhead, a signature block) is only an error when nothing was found.
  if (listing.groups.length > 0) {
    for (const message of listing.errors) listing.warnings.push({ message });
    listing.errors = [];
  }
  return listing;
}

export { makePlan, type Plan, type PlanOptions } from './plan.ts';
export { formatPreview } from './preview.ts';
export { readInput, formatOf, InputError, type InputFormat } from './read.ts';
export { parseColumnsFlag } from './columns.ts';
export { writePlan } from './write.ts';
