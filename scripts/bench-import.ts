/**
 * node scripts/bench-import.ts [ROWS] [--timeout SECS] [--no-write]   (also run by npm run bench)
 *
 * Times the importer on a generated list of ROWS rows (default 100,000: groups of ten, one
 * school per row, as a bureau's spreadsheet lists them) into a copy of the importer's
 * fixture dataset, phase by phase: read (the CSV reader and its limits), list (columns and
 * groups), dataset (reading and validating data/), plan (matching every name; the figure
 * with a budget, PLAN_BUDGET) and write (validator before and after, the journaled write).
 *
 * The phases run in a child process, which is stopped after --timeout seconds (default
 * three times the planning budget): a planner that grows with the square of the rows would
 * otherwise hold the benchmark for an hour. A stopped run reports the phase it was in.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Papa from 'papaparse';
import { listGroups, makePlan, writePlan } from '../src/lib/import/index.ts';
import { readInput } from '../src/lib/import/read.ts';
import { arabicToChinese } from '../src/lib/search/normalize.ts';
import { readProjectFiles } from '../src/lib/validate/read-project.ts';
import { validateProject } from '../src/lib/validate/validate.ts';
import { commandLine } from './lib/cli.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** Planning a 100,000-row list: seconds on a 2-core machine once planning is n log n (issue #30). */
export const PLAN_BUDGET = { rows: 100_000, secs: 20 };

type Phase = 'read' | 'list' | 'dataset' | 'plan' | 'write';

export interface ImportTiming {
  rows: number;
  groups: number;
  schools: number;
  /** Close matches left to confirm (none expected: numbered names are never close). */
  questions: number;
  /** Seconds per phase that finished. */
  secs: Partial<Record<Phase, number>>;
  /** read + list + dataset + plan: what a preview costs. */
  previewSecs: number;
  writeSecs: number;
  /** The phase running when the timeout stopped the child, if it did. */
  stoppedIn?: Phase;
  peakRssMB: number;
}

/** The list: ROWS rows, ten schools a group, the first one the lead. */
function makeList(rows: number): string {
  const data: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const group = Math.floor(i / 10) + 1;
    // Numbered names never count as close to each other, so nothing is left to confirm.
    const school = `济南市第${arabicToChinese(i + 1)}小学`;
    data.push([`济南市第${arabicToChinese(group * 10 - 9)}小学教育集团`, school, i % 10 === 0 ? '牵头校' : '成员校', '市中区']);
  }
  return Papa.unparse({ fields: ['集团名称', '学校名称', '角色', '所在区县'], data });
}

type ChildLine = { phase: Phase; secs: number } | { groups: number; schools: number; questions: number } | { peakRssMB: number };

/** The child: runs the phases in `dir` and prints one JSON line as each ends. */
async function runPhases(dir: string, write: boolean): Promise<void> {
  const emit = (line: ChildLine) => process.stdout.write(`${JSON.stringify(line)}\n`);
  let t = performance.now();
  const lap = (phase: Phase) => {
    const now = performance.now();
    emit({ phase, secs: (now - t) / 1000 });
    t = now;
  };
  const file = join(dir, 'list.csv');
  const doc = await readInput(file, readFileSync(file));
  lap('read');
  const listing = listGroups(doc);
  lap('list');
  const { dataset } = validateProject(readProjectFiles(dir));
  lap('dataset');
  const plan = makePlan(dataset, listing.groups, { source: 'jinan-shizhong-signing', region: 'shandong-jinan-shizhong' });
  lap('plan');
  emit({ groups: plan.groups.length, schools: plan.newSchools.length, questions: plan.questions.length });
  if (write) {
    const outcome = writePlan(dir, plan);
    if (!outcome.written) throw new Error(`the write was refused:\n${outcome.problems.slice(0, 5).join('\n')}`);
    lap('write');
  }
  emit({ peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) });
}

export async function benchImport(
  rows = PLAN_BUDGET.rows,
  { write = true, timeoutSecs = PLAN_BUDGET.secs * 3 } = {},
): Promise<ImportTiming> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  try {
    cpSync(join(ROOT, 'tests/fixtures/import/dataset'), dir, { recursive: true });
    writeFileSync(join(dir, 'list.csv'), makeList(rows));
    const child = spawn(process.execPath, [join(ROOT, 'scripts/bench-import.ts'), '--child', dir, ...(write ? [] : ['--no-write'])], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timing: ImportTiming = { rows, groups: 0, schools: 0, questions: 0, secs: {}, previewSecs: 0, writeSecs: 0, peakRssMB: 0 };
    const phases: Phase[] = ['read', 'list', 'dataset', 'plan', ...(write ? (['write'] as const) : [])];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutSecs * 1000);
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    for await (const text of createInterface({ input: child.stdout })) {
      const line = JSON.parse(text) as ChildLine;
      if ('phase' in line) timing.secs[line.phase] = line.secs;
      else if ('groups' in line) Object.assign(timing, line);
      else timing.peakRssMB = line.peakRssMB;
    }
    const code = await exited;
    clearTimeout(timer);
    const stoppedIn = phases.find((p) => timing.secs[p] === undefined);
    if (timedOut && stoppedIn) timing.stoppedIn = stoppedIn;
    else if (code !== 0) throw new Error(`the import benchmark's child failed (exit ${code})`);
    const s = timing.secs;
    timing.previewSecs = (s.read ?? 0) + (s.list ?? 0) + (s.dataset ?? 0) + (s.plan ?? 0);
    timing.writeSecs = s.write ?? 0;
    return timing;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line per figure, and the planning budget when the list is the budget's size. */
export function formatImportTiming(r: ImportTiming, timeoutSecs: number): string {
  const f = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(2)} s`);
  const lines = [
    `import of ${r.rows} rows (${r.groups} groups, ${r.schools} new schools, ${r.questions} to confirm): ` +
      `read ${f(r.secs.read)}, list ${f(r.secs.list)}, dataset ${f(r.secs.dataset)}, plan ${f(r.secs.plan)}, write ${f(r.secs.write)}` +
      (r.peakRssMB ? `, peak RSS ${r.peakRssMB} MB` : ''),
  ];
  if (r.stoppedIn) lines.push(`  stopped after ${timeoutSecs} s in the ${r.stoppedIn} phase`);
  if (r.rows === PLAN_BUDGET.rows) {
    const plan = r.secs.plan;
    const met = plan !== undefined && plan <= PLAN_BUDGET.secs;
    lines.push(
      `  ${met ? '✓' : '✗'} import planning of ${PLAN_BUDGET.rows} rows: ${plan === undefined ? `not done in ${timeoutSecs} s` : f(plan)} (budget ${PLAN_BUDGET.secs} s)`,
    );
  }
  return lines.join('\n');
}

if (import.meta.main) {
  const usage = 'node scripts/bench-import.ts [ROWS] [--timeout SECS] [--no-write]';
  const { values, positionals } = commandLine(
    { child: { type: 'string' }, 'no-write': { type: 'boolean', default: false }, timeout: { type: 'string' } },
    usage,
    [0, 1],
  );
  if (values.child) await runPhases(values.child, !values['no-write']);
  else {
    const rows = Number(positionals[0] ?? PLAN_BUDGET.rows);
    const timeoutSecs = Number(values.timeout ?? PLAN_BUDGET.secs * 3);
    if (!Number.isInteger(rows) || rows < 1 || !(timeoutSecs > 0)) {
      console.error(`ROWS 和 --timeout 要是正数\n用法：${usage}`);
      process.exit(2);
    }
    const r = await benchImport(rows, { write: !values['no-write'], timeoutSecs });
    console.log(formatImportTiming(r, timeoutSecs));
  }
}
