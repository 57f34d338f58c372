/**
 * The quality summary: each check records one row (checker, pages checked,
 * problems, a note) as a small JSON file; the quality run's teardown prints
 * them as one table and writes test-results/quality-summary.txt.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** QUALITY_RESULTS moves both elsewhere (a nested run in tests/quality/guards.test.ts must not reset this run's rows). */
const RESULTS = process.env.QUALITY_RESULTS ?? 'test-results';
export const ROWS_DIR = `${RESULTS}/quality`;
export const SUMMARY_FILE = `${RESULTS}/quality-summary.txt`;

export interface Row {
  /** Sort key and file name. */
  key: string;
  checker: string;
  pages: number;
  problems: number;
  note?: string;
}

export function resetRows(): void {
  rmSync(ROWS_DIR, { recursive: true, force: true });
  mkdirSync(ROWS_DIR, { recursive: true });
}

export function recordRow(row: Row): void {
  mkdirSync(ROWS_DIR, { recursive: true });
  writeFileSync(join(ROWS_DIR, `${row.key}.json`), JSON.stringify(row));
}

export function readRows(): Row[] {
  if (!existsSync(ROWS_DIR)) return [];
  return readdirSync(ROWS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(ROWS_DIR, f), 'utf8')) as Row);
}

/** Display width: CJK characters take two columns. */
const width = (s: string) =>
  [...s].reduce(
    (n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1),
    0,
  );
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;

export function formatSummary(rows: Row[]): string {
  const head = ['检查（checker）', '页面', '问题', '说明'];
  const body = rows.map((r) => [r.checker, String(r.pages), String(r.problems), r.note ?? '']);
  const w0 = Math.max(width(head[0]!), ...body.map((b) => width(b[0]!)));
  const w1 = Math.max(width(head[1]!), ...body.map((b) => width(b[1]!)));
  const w2 = Math.max(width(head[2]!), ...body.map((b) => width(b[2]!)));
  const line = (c: string[]) => `${pad(c[0]!, w0)}  ${padStart(c[1]!, w1)}  ${padStart(c[2]!, w2)}  ${c[3]}`.trimEnd();
  const total = rows.reduce((n, r) => n + r.problems, 0);
  return [
    line(head),
    line(['-'.repeat(w0), '-'.repeat(w1), '-'.repeat(w2), '']),
    ...body.map(line),
    '',
    `质量检查：${rows.length} 项，共 ${total} 个问题`,
  ].join('\n');
}

export function writeSummary(): string {
  const text = formatSummary(readRows());
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(SUMMARY_FILE, `${text}\n`);
  return text;
}
