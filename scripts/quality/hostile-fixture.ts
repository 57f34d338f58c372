/**
 * A hostile copy of a data fixture: every cell of every CSV (header excepted)
 * is filled with an attacker's value, the validator is run, and each cell it
 * rejects is put back — or, for a value that is only too long, cut to the
 * length the validator names. What is left is data the validator accepts that
 * is as hostile as it allows; it is written out ready to build.
 *
 * The payloads live in tests/fixtures/xss/payloads.json.
 *   node scripts/quality/hostile-fixture.ts VARIANT OUT_DIR [SRC_DIR]
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { stripBom } from '../../src/lib/csv/bom.ts';
import { csvText } from '../../src/lib/csv/write.ts';
import { formatProblem, type Problem } from '../../src/lib/problem.ts';
import { readProjectFiles } from '../../src/lib/validate/read-project.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { commandLine } from '../lib/cli.ts';

export const PAYLOADS_FILE = 'tests/fixtures/xss/payloads.json';

export interface Variant {
  name: string;
  description: string;
  /** The value; "{n}" is replaced by the cell's number, "{long}" by a long unbroken run. */
  value: string;
}

export function loadVariants(): Variant[] {
  return JSON.parse(readFileSync(PAYLOADS_FILE, 'utf8')) as Variant[];
}

export interface Cell {
  file: string;
  line: number;
  column: string;
  value: string;
}

export interface Rejection extends Cell {
  message: string;
}

export interface HostileFixture {
  root: string;
  variant: Variant;
  /** Cells that kept a hostile value (possibly cut to the maximum length). */
  accepted: Cell[];
  /** Cells the validator refused, with its message as an editor would see it. */
  rejected: Rejection[];
  /** Cells whose value was too long and was cut to the length the validator names. */
  shortened: Rejection[];
}

interface Table {
  file: string;
  header: string[];
  rows: string[][];
  original: string[][];
}

const LONG = 'W'.repeat(5000);

const toCsv = (t: Table): string => csvText([t.header, ...t.rows]);

/** The 2-based line each row starts on, given the CSV as written. */
function rowLines(t: Table): number[] {
  const lines: number[] = [];
  let line = 2;
  for (const r of t.rows) {
    lines.push(line);
    line += 1 + r.reduce((n, v) => n + (v.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  }
  return lines;
}

export function buildHostileFixture(variant: Variant, out: string, src = 'tests/fixtures/mini'): HostileFixture {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'data'), { recursive: true });
  if (existsSync(join(src, 'content'))) cpSync(join(src, 'content'), join(out, 'content'), { recursive: true });

  const tables: Table[] = [];
  let n = 0;
  for (const file of readdirSync(join(src, 'data'))
    .filter((f) => f.endsWith('.csv'))
    .sort()) {
    const text = stripBom(readFileSync(join(src, 'data', file), 'utf8'));
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    if (!header) continue;
    const original = rows.map((r) => [...r]);
    const hostile = rows.map((r) => r.map(() => variant.value.replace('{n}', String(++n)).replace('{long}', LONG)));
    tables.push({ file: `data/${file}`, header, rows: hostile, original });
  }

  const rejected: Rejection[] = [];
  const shortened: Rejection[] = [];
  const settled = new Set<string>();
  for (let round = 0; ; round++) {
    for (const t of tables) writeFileSync(join(out, t.file), toCsv(t));
    const { problems } = validateProject(readProjectFiles(out));
    if (problems.length === 0) break;
    if (round > 50) throw new Error(`恶意数据夹具没有收敛：\n${problems.slice(0, 20).map(formatProblem).join('\n')}`);
    let changed = 0;
    const stray: Problem[] = [];
    for (const p of problems) {
      const t = tables.find((x) => x.file === p.file);
      const lines = t ? rowLines(t) : [];
      const r = lines.indexOf(p.line);
      const c = p.column - 1;
      const key = `${p.file}:${r}:${c}`;
      if (!t || r < 0 || c < 0 || c >= t.header.length || settled.has(key)) {
        stray.push(p);
        continue;
      }
      const cell = { file: p.file, line: p.line, column: t.header[c]!, value: t.rows[r]![c]! };
      const max = /长度超过 (\d+) 个字符/.exec(p.message);
      if (max && Number(max[1]) > 0 && t.rows[r]![c]!.length > Number(max[1])) {
        shortened.push({ ...cell, message: formatProblem(p) });
        t.rows[r]![c] = t.rows[r]![c]!.slice(0, Number(max[1]));
      } else {
        rejected.push({ ...cell, message: formatProblem(p) });
        t.rows[r]![c] = t.original[r]![c] ?? '';
        settled.add(key);
      }
      changed++;
    }
    // A problem no cell of ours explains (a rule across files): put back the
    // whole row it names, once; if nothing can be put back, give up loudly.
    if (changed === 0) {
      for (const p of stray) {
        const t = tables.find((x) => x.file === p.file);
        const r = t ? rowLines(t).indexOf(p.line) : -1;
        if (t && r >= 0 && t.rows[r]!.some((v, i) => v !== t.original[r]![i])) {
          t.header.forEach((col, i) => {
            if (t.rows[r]![i] !== t.original[r]![i])
              rejected.push({ file: t.file, line: p.line, column: col, value: t.rows[r]![i]!, message: formatProblem(p) });
            settled.add(`${t.file}:${r}:${i}`);
          });
          t.rows[r] = [...t.original[r]!];
          changed++;
        }
      }
    }
    if (changed === 0) throw new Error(`恶意数据夹具：无法归因的校验问题：\n${stray.map(formatProblem).join('\n')}`);
  }

  const accepted: Cell[] = [];
  for (const t of tables) {
    const lines = rowLines(t);
    t.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== t.original[r]![c]) accepted.push({ file: t.file, line: lines[r]!, column: t.header[c]!, value: v });
      }),
    );
  }
  return { root: out, variant, accepted, rejected, shortened };
}

if (import.meta.main) {
  const usage = `node scripts/quality/hostile-fixture.ts (${loadVariants()
    .map((v) => v.name)
    .join('|')}) OUT_DIR [SRC_DIR]`;
  const [name, out, src] = commandLine({}, usage, [2, 3]).positionals;
  const variant = loadVariants().find((v) => v.name === name);
  if (!variant || !out) {
    console.error(`用法：${usage}`);
    process.exit(2);
  }
  const f = buildHostileFixture(variant, out, src);
  console.log(`${out}：保留 ${f.accepted.length} 个恶意值，截短 ${f.shortened.length} 个，校验器拒绝 ${f.rejected.length} 个`);
  for (const c of f.accepted) console.log(`  保留 ${c.file}:${c.line} ${c.column} = ${c.value.slice(0, 60)}`);
}
