/**
 * npm run build: validate, build with Astro into a temporary directory, write the
 * search indexes (scripts/search-index.ts), then swap it into place. A failure at any step leaves the
 * previous dist/ untouched and no half-written site behind.
 *   --out DIR   write somewhere other than dist/ (tests, benchmarks)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem } from '../src/lib/validate/problem.ts';
import { readProjectFiles } from '../src/lib/validate/read-project.ts';
import { validateProject } from '../src/lib/validate/validate.ts';

const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const out = resolve(outArg >= 0 ? args[outArg + 1]! : 'dist');
const tmp = `${out}.tmp-${process.pid}`;
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_OUT_DIR: tmp };
const dataRoot = resolve(process.env.DATA_ROOT ?? '.');

function step(name: string, fn: () => boolean): void {
  const started = performance.now();
  const ok = fn();
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  if (!ok) {
    rmSync(tmp, { recursive: true, force: true });
    console.error(`\n构建失败：${name}（${secs} s）。dist/ 未改动。`);
    process.exit(1);
  }
  console.log(`✓ ${name}（${secs} s）`);
}

const run = (cmd: string, cmdArgs: string[]) => spawnSync(cmd, cmdArgs, { stdio: 'inherit', env }).status === 0;
const bin = (name: string) => resolve('node_modules/.bin', name);

step('数据校验', () => {
  const { problems } = validateProject(readProjectFiles(dataRoot));
  for (const p of problems) console.error(formatProblem(p));
  return problems.length === 0;
});
// --force: the content cache may hold another data root's files (tests, benchmarks).
step('Astro 构建', () => run(bin('astro'), ['build', '--silent', '--force']));
step('搜索索引', () => run(process.execPath, ['scripts/search-index.ts', '--site', tmp]));
step('替换 dist', () => {
  rmSync(out, { recursive: true, force: true });
  renameSync(tmp, out);
  return existsSync(resolve(out, 'index.html'));
});
