/**
 * npm run build: validate, build with Astro into a temporary directory, write the
 * search indexes (scripts/search-index.ts), then swap it into place. A failure at any step leaves the
 * previous dist/ untouched and no half-written site behind.
 *   --out DIR   write somewhere other than dist/ (tests, benchmarks)
 *
 * Two builds in one checkout would share Astro's .astro/ folder (generated content modules,
 * and prerender chunks when --out lies outside the checkout), so a build holds
 * .astro/build.lock and a second one waits for it. A SIGTERM or SIGINT ends the Astro
 * child, removes the temporary directory and releases the lock; dist/ is replaced by two
 * renames (old aside, new in), so it is never missing its pages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '../src/lib/problem.ts';
import { readProjectFiles } from '../src/lib/validate/read-project.ts';
import { validateProject } from '../src/lib/validate/validate.ts';
import { astroNodeOptions } from './astro-heap.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = resolve(values.out);
const tmp = `${out}.tmp-${process.pid}`;
const aside = `${out}.old-${process.pid}`;
const dataRoot = resolve(process.env.DATA_ROOT ?? '.');
// One content cache per data root: kept between builds (no --force), never shared by two roots.
const cacheDir = resolve('node_modules/.astro', `data-${createHash('sha256').update(dataRoot).digest('hex').slice(0, 12)}`);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_OUT_DIR: tmp, ASTRO_CACHE_DIR: cacheDir, DATA_ROOT: dataRoot };
const astroEnv = { ...env, NODE_OPTIONS: astroNodeOptions(dataRoot) };
const lockFile = resolve('.astro/build.lock');

let child: ChildProcess | undefined;
let holdsLock = false;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes .astro/build.lock, waiting while a live build holds it; a dead holder's lock is taken over. */
async function acquireLock(): Promise<void> {
  mkdirSync(dirname(lockFile), { recursive: true });
  let told = false;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      holdsLock = true;
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(lockFile, 'utf8'));
    } catch {
      continue; // released between our open and read
    }
    if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) {
      rmSync(lockFile, { force: true });
      continue;
    }
    if (!told) console.log(`另一个构建（进程 ${holder}）正在使用本目录，等待它结束…`);
    told = true;
    await new Promise((done) => setTimeout(done, 500));
  }
}

function releaseLock(): void {
  if (!holdsLock) return;
  holdsLock = false;
  try {
    if (readFileSync(lockFile, 'utf8') === String(process.pid)) rmSync(lockFile, { force: true });
  } catch {
    // already gone
  }
}

/** Leftovers of builds that were killed hard (SIGKILL, power loss): their process no longer exists. */
function removeStaleLeftovers(): void {
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  const pattern = new RegExp(`^${basename(out).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:tmp|old)-(\\d+)$`);
  for (const name of readdirSync(parent)) {
    const pid = pattern.exec(name)?.[1];
    if (pid && !isAlive(Number(pid))) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function cleanUp(): void {
  rmSync(tmp, { recursive: true, force: true });
  releaseLock();
}

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.on(signal, () => {
    // The child runs in its own process group: end it and whatever it started.
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    cleanUp();
    console.error(`\n构建被中止（${signal}）。dist/ 未改动。`);
    process.exit(128 + (signal === 'SIGHUP' ? 1 : signal === 'SIGINT' ? 2 : 15));
  });
}

async function step(name: string, fn: () => boolean | Promise<boolean>): Promise<void> {
  const started = performance.now();
  const ok = await fn();
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  if (!ok) {
    cleanUp();
    console.error(`\n构建失败：${name}（${secs} s）。dist/ 未改动。`);
    process.exit(1);
  }
  console.log(`✓ ${name}（${secs} s）`);
}

function run(cmd: string, cmdArgs: string[], runEnv: NodeJS.ProcessEnv = env): Promise<boolean> {
  return new Promise((done) => {
    child = spawn(cmd, cmdArgs, { stdio: 'inherit', env: runEnv, detached: true });
    child.on('error', () => done(false));
    child.on('close', (code) => done(code === 0));
  });
}
const bin = (name: string) => resolve('node_modules/.bin', name);

/** Old dist/ aside, new one in, then the old one removed: dist/ is never without its pages. */
function swapIntoPlace(): boolean {
  const hadOld = existsSync(out);
  if (hadOld) renameSync(out, aside);
  renameSync(tmp, out);
  if (hadOld) rmSync(aside, { recursive: true, force: true });
  return existsSync(resolve(out, 'index.html'));
}

await step('数据校验', () => {
  const { problems } = validateProject(readProjectFiles(dataRoot));
  for (const p of problems) console.error(formatProblem(p));
  return problems.length === 0;
});
await acquireLock();
removeStaleLeftovers();
await step('Astro 构建', () => run(bin('astro'), ['build', '--silent'], astroEnv));
await step('搜索索引', () => run(process.execPath, ['scripts/search-index.ts', '--site', tmp]));
await step('替换 dist', swapIntoPlace);
releaseLock();
