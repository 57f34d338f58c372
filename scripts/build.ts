/**
 * npm run build: validate, build with Astro into a temporary directory, write the
 * search indexes (scripts/search-index.ts), then swap it into place. A failure at any step leaves the
 * previous dist/ untouched and no half-written site behind.
 *   --out DIR   write somewhere other than dist/ (tests, benchmarks)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { formatProblem } from '../src/lib/validate/problem.ts';
import { readProjectFiles } from '../src/lib/validate/read-project.ts';
import { validateProject } from '../src/lib/validate/validate.ts';

const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const out = resolve(outArg >= 0 ? args[outArg + 1]! : 'dist');
const tmp = `${out}.tmp-${process.pid}`;
const dataRoot = resolve(process.env.DATA_ROOT ?? '.');
// One content cache per data root: kept between builds (no --force), never shared by two roots.
const cacheDir = resolve('node_modules/.astro', `data-${createHash('sha256').update(dataRoot).digest('hex').slice(0, 12)}`);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_OUT_DIR: tmp, ASTRO_CACHE_DIR: cacheDir };

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
step('Astro 构建', () => run(bin('astro'), ['build', '--silent']));
step('搜索索引', () => run(process.execPath, ['scripts/search-index.ts', '--site', tmp]));
step('替换 dist', () => {
  rmSync(out, { recursive: true, force: true });
  renameSync(tmp, out);
  return existsSync(resolve(out, 'index.html'));
});
