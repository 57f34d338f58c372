/**
 * Writing a plan: each data file gets its new rows appended in the file's own column
 * order, line ending and BOM (papaparse unparse). The validator runs on the result in
 * memory first; only if it adds no problem are the files replaced, all through temp
 * files renamed into place, and put back if any rename fails.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { csvDatasets, type CsvDatasetName } from '../schemas/index.ts';
import { formatProblem } from '../problem.ts';
import { readProjectFiles } from '../validate/read-project.ts';
import type { ProjectFiles } from '../validate/types.ts';
import { validateProject } from '../validate/validate.ts';
import type { Plan } from './plan.ts';

/** The file's text with rows appended, keeping its header order, line ending and BOM. */
export function appendRows(existing: Uint8Array | undefined, dataset: CsvDatasetName, rows: Record<string, string>[]): Uint8Array {
  const schemaHeader = Object.keys(csvDatasets[dataset].schema.shape);
  let text = existing ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(existing) : '';
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  let order = schemaHeader;
  if (body.trim() === '') text = `${bom}${schemaHeader.join(',')}${eol}`;
  else {
    const fileHeader = (Papa.parse<string[]>(body, { preview: 1 }).data[0] ?? []).map((h) => h.trim());
    if (fileHeader.length === schemaHeader.length && schemaHeader.every((h) => fileHeader.includes(h))) order = fileHeader;
    if (!text.endsWith('\n')) text += eol;
  }
  if (rows.length === 0) return new TextEncoder().encode(text);
  const out = Papa.unparse(
    { fields: order, data: rows.map((r) => order.map((h) => r[h] ?? '')) },
    { header: false, newline: eol, quotes: false },
  );
  return new TextEncoder().encode(`${text}${out}${eol}`);
}

/** The project's files with the plan's rows appended (nothing on disk changes). */
function applyToFiles(files: ProjectFiles, plan: Plan): { files: ProjectFiles; changed: string[] } {
  const out = new Map(files);
  const changed: string[] = [];
  for (const [name, rows] of Object.entries(plan.rows) as [CsvDatasetName, Record<string, string>[]][]) {
    if (rows.length === 0) continue;
    const path = `data/${csvDatasets[name].file}`;
    out.set(path, appendRows(files.get(path), name, rows));
    changed.push(path);
  }
  return { files: out, changed };
}

export interface WriteOutcome {
  written: boolean;
  changed: string[];
  /** Problems the import would add, as file:line:column. */
  problems: string[];
}

/** Validates the result and, if it adds no problem, writes every changed file or none. */
export function writePlan(root: string, plan: Plan): WriteOutcome {
  const files = readProjectFiles(root);
  const before = new Set(validateProject(files).problems.map(formatProblem));
  const { files: after, changed } = applyToFiles(files, plan);
  const problems = validateProject(after)
    .problems.map(formatProblem)
    .filter((p) => !before.has(p));
  if (problems.length > 0 || changed.length === 0) return { written: false, changed, problems };

  const tag = `.import-${process.pid}.tmp`;
  const originals = new Map(changed.map((p) => [p, existsSync(join(root, p)) ? readFileSync(join(root, p)) : undefined]));
  for (const p of changed) writeFileSync(join(root, p + tag), after.get(p)!);
  const renamed: string[] = [];
  try {
    for (const p of changed) {
      renameSync(join(root, p + tag), join(root, p));
      renamed.push(p);
    }
  } catch (err) {
    for (const p of renamed) {
      const bytes = originals.get(p);
      if (bytes) writeFileSync(join(root, p), bytes);
    }
    throw err;
  } finally {
    for (const p of changed) rmSync(join(root, p + tag), { force: true });
  }
  return { written: true, changed, problems: [] };
}
