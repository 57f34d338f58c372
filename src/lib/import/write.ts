/**
 * Writing a plan: each data file gets its new rows appended in the file's own column
 * order, line ending and BOM (papaparse unparse). The validator runs on the result in
 * memory first; only if it adds no problem are the files replaced, all or none, through
 * staged files and a journal (see writePlan), so even a killed import leaves data/ whole.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { csvDatasets, type CsvDatasetName } from '../schemas/index.ts';
import { formatProblem } from '../problem.ts';
import { readProjectFiles } from '../validate/read-project.ts';
import type { ProjectFiles } from '../validate/types.ts';
import { validateProject } from '../validate/validate.ts';
import { InputError } from './limits.ts';
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

/**
 * The write is all or nothing, even if the process is killed: every changed file is first
 * staged beside its target (`data/groups.csv.import-PID.tmp`) and flushed; then a journal
 * listing the renames is put in place with one atomic rename, and only then are the staged
 * files renamed over their targets. The journal's rename is the commit point. A later run
 * (`recoverImport`) finishes what a killed one left: with a journal, the remaining renames
 * are done (rolled forward); without one, staged files are deleted (nothing happened).
 */
const JOURNAL = 'data/.import-journal.json';
const STAGED = /\.import-\d+\.tmp$/;

interface Journal {
  /** Staged file → target, both relative to the root. */
  renames: [string, string][];
}

/** A test hook: with IMPORT_TEST_PAUSE_AT=N, the write stops for good after its Nth step (for SIGKILL tests). */
function step(n: number): void {
  if (process.env.IMPORT_TEST_PAUSE_AT !== String(n)) return;
  process.stderr.write(`import write paused at step ${n}\n`);
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}

function writeDurably(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    writeFileSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDir(dir: string): void {
  // Makes the renames durable; not every platform can open a directory (Windows), which is fine.
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}

export interface Recovery {
  /** A killed import had passed its commit point (its journal was there) and is now finished. */
  finished: boolean;
  /** Its files that were renamed into place now. */
  rolledForward: string[];
  /** Staged files of an import killed before its commit point, deleted. */
  removed: string[];
}

/**
 * Finishes or undoes an import that was killed while writing (see JOURNAL above). Safe to
 * call at any time; does nothing when nothing was left. Not for two imports at once.
 */
export function recoverImport(root: string): Recovery {
  const recovery: Recovery = { finished: false, rolledForward: [], removed: [] };
  const dataDir = join(root, 'data');
  if (!existsSync(dataDir)) return recovery;
  const journalPath = join(root, JOURNAL);
  if (existsSync(journalPath)) {
    let journal: Journal;
    try {
      journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
      if (!Array.isArray(journal.renames)) throw new Error('no renames');
    } catch (err) {
      throw new InputError(
        `${JOURNAL}: 上次导入留下的日志读不了（${(err as Error).message}）。用 git status 查看 data/ 的改动，git checkout -- data/ 恢复后删除这个文件`,
      );
    }
    for (const [staged, target] of journal.renames) {
      // Only paths inside data/ that the importer names: the journal is data, not a command.
      if (!/^data\/[^/]+$/.test(target) || !staged.startsWith(target) || !/^\.import-\d+\.tmp$/.test(staged.slice(target.length))) continue;
      if (existsSync(join(root, staged))) {
        renameSync(join(root, staged), join(root, target));
        recovery.rolledForward.push(target);
      }
    }
    syncDir(dataDir);
    rmSync(journalPath, { force: true });
    recovery.finished = true;
  }
  for (const name of readdirSync(dataDir)) {
    if (!STAGED.test(name)) continue;
    rmSync(join(dataDir, name), { force: true });
    recovery.removed.push(`data/${name}`);
  }
  return recovery;
}

/** Validates the result and, if it adds no problem, writes every changed file or none (see recoverImport). */
export function writePlan(root: string, plan: Plan): WriteOutcome {
  recoverImport(root);
  const files = readProjectFiles(root);
  const before = new Set(validateProject(files).problems.map(formatProblem));
  const { files: after, changed } = applyToFiles(files, plan);
  const problems = validateProject(after)
    .problems.map(formatProblem)
    .filter((p) => !before.has(p));
  if (problems.length > 0 || changed.length === 0) return { written: false, changed, problems };

  const tag = `.import-${process.pid}.tmp`;
  const renames: [string, string][] = changed.map((p) => [p + tag, p]);
  let n = 0;
  try {
    for (const [staged, target] of renames) {
      writeDurably(join(root, staged), after.get(target)!);
      step(++n);
    }
    writeDurably(join(root, JOURNAL + tag), new TextEncoder().encode(JSON.stringify({ renames } satisfies Journal)));
  } catch (err) {
    // Before the commit point: the targets are untouched; drop what was staged.
    for (const [staged] of renames) rmSync(join(root, staged), { force: true });
    rmSync(join(root, JOURNAL + tag), { force: true });
    throw err;
  }
  syncDir(join(root, 'data'));
  renameSync(join(root, JOURNAL + tag), join(root, JOURNAL));
  syncDir(join(root, 'data'));
  step(++n);
  // Past the commit point: a failure here is finished by the next run's recoverImport.
  for (const [staged, target] of renames) {
    renameSync(join(root, staged), join(root, target));
    step(++n);
  }
  syncDir(join(root, 'data'));
  rmSync(join(root, JOURNAL));
  return { written: true, changed, problems: [] };
}
