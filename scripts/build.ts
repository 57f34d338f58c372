/**
 * npm run build: validate, build with Astro into a temporary directory, write the records'
 * JSON downloads (scripts/write-record-json.ts) and the search indexes (scripts/search-index.ts),
 * then swap it into place. A failure at any step leaves the
 * previous dist/ untouched and no half-written site behind.
 *   --out DIR     write somewhere other than dist/ (tests, benchmarks)
 *   --shards N    Astro processes building the routes in parallel (BUILD_SHARDS; default:
 *                 the number of CPUs, at most 4; 1 builds in one process)
 *   --astro-only  the pages alone (Astro and the records' JSON), still swapped into place
 *                 (the benchmark times validation and the search index as steps of their own)
 *
 * Every build, with one shard or N, takes the same steps. Each `astro build` renders a slice
 * (1/N; all of them with N = 1) of the dynamic routes (src/site/shard.ts),
 * with its own content cache. It writes those pages straight into the temporary directory
 * (src/site/page-writer.ts), beside the records' JSON, and everything else (static pages,
 * assets) into its own directory under node_modules/.astro/shards-<pid>/ (inside the checkout,
 * so Astro keeps its prerender chunks there rather than in the shared .astro/). Those are
 * merged in (files two shards both wrote must match), giving the same bytes for any N
 * (tests/quality/reproducible.test.ts builds with 1 and 2), and the sitemap is written once
 * over it (scripts/lib/shards.ts). The
 * dataset is validated once, by the records' JSON step, and read from its file by every shard
 * (src/site/validated-data.ts). What each Astro process needs (data root, its slice, its
 * folders, the dataset file) is written once to a build plan, node_modules/.astro/shards-<pid>/
 * plan.json, that each reads (src/site/build-plan.ts; BUILD_PLAN and BUILD_SHARD name it).
 *
 * Two builds in one checkout would share Astro's .astro/ folder (generated content modules,
 * and prerender chunks when --out lies outside the checkout), so a build holds
 * .astro/build.lock and a second one waits for it. A SIGTERM or SIGINT kills the children's
 * process groups, waits for them to end, removes the temporary directories and releases the
 * lock. A build killed with SIGKILL cannot: each child loads scripts/lib/orphan-guard.ts and
 * ends itself when orphaned, and the next build ends any that remain (BUILD_PID) and removes
 * the dead build's folders. dist/ is replaced by two renames (old aside, new in), so it is
 * never missing its pages; an output on another file system is built inside the checkout and
 * copied beside it first (Astro's own renames would fail with EXDEV). A folder the build
 * cannot write (a read-only checkout) is reported before any work, without a stack trace.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { astroNodeOptions } from './astro-heap.ts';
import { commandLine } from './lib/cli.ts';
import { moveSync } from './lib/move.ts';
import { writeBuildPlan, type BuildPlan } from '../src/site/build-plan.ts';

const { values } = commandLine(
  { out: { type: 'string', default: 'dist' }, shards: { type: 'string' }, 'astro-only': { type: 'boolean', default: false } },
  'npm run build [-- --out 目录] [--shards N] [--astro-only]',
);
const out = resolve(values.out);
/** Beside the output, so that dist/ is replaced by renames. */
const staged = `${out}.tmp-${process.pid}`;
const shardCount = Number(values.shards ?? process.env.BUILD_SHARDS ?? Math.min(4, availableParallelism()));
if (!Number.isInteger(shardCount) || shardCount < 1) {
  console.error(`--shards（或 BUILD_SHARDS）应为正整数，而不是“${values.shards ?? process.env.BUILD_SHARDS}”`);
  process.exit(2);
}
const shardsRoot = resolve('node_modules/.astro', `shards-${process.pid}`);
const aside = `${out}.old-${process.pid}`;
/** Folders the build writes, checked before it starts (a read-only checkout). */
const writes = [resolve('.astro'), resolve('node_modules/.astro'), dirname(out)];
preflight();
/**
 * Astro moves its prerendered assets from the checkout's .astro/ into the output folder by
 * rename, which fails (EXDEV) when --out lies on another file system. The site is then built
 * inside the checkout (node_modules/.astro/out-<pid>) and copied beside the output at the end.
 */
mkdirSync(dirname(out), { recursive: true });
const crossDevice = statSync(dirname(out)).dev !== statSync('.').dev;
const tmp = crossDevice ? resolve('node_modules/.astro', `out-${process.pid}`) : staged;
const dataRoot = resolve(process.env.DATA_ROOT ?? '.');
// One content cache per data root: kept between builds (no --force), never shared by two roots.
const cacheDir = resolve('node_modules/.astro', `data-${createHash('sha256').update(dataRoot).digest('hex').slice(0, 12)}`);
// Every child loads the orphan guard (it ends itself if this process dies, even by SIGKILL)
// and carries BUILD_PID, by which a later build finds any that outlived a dead one.
const guard = `--import=${pathToFileURL(resolve(import.meta.dirname, 'lib/orphan-guard.ts')).href}`;
const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  DATA_ROOT: dataRoot,
  BUILD_PID: String(process.pid),
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${guard}`.trim(),
};
/**
 * Astro's bundler (rolldown) allocates through mimalloc, which by default keeps the pages it
 * freed committed: after bundling, a few hundred MB the page rendering never uses again stay in
 * each process's RSS. These settings return freed pages to the system at once (measured at 10 k
 * schools: peak RSS 919 → 740 MB, same output); options already set by the caller win.
 */
const mimallocEnv = { MIMALLOC_PURGE_DELAY: '0', MIMALLOC_PURGE_DECOMMITS: '1', MIMALLOC_ARENA_EAGER_COMMIT: '0' };
const astroEnv = { ...mimallocEnv, ...env, NODE_OPTIONS: astroNodeOptions(dataRoot, env.NODE_OPTIONS, shardCount) };
const lockFile = resolve('.astro/build.lock');

const children = new Set<ChildProcess>();
let holdsLock = false;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Says in Chinese, without a stack trace, why a folder the build writes cannot be written, and exits 1. */
function preflight(): void {
  for (const dir of writes) {
    let existing = dir;
    while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
    try {
      accessSync(existing, constants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      const why = code === 'EROFS' ? '所在的文件系统是只读的' : '没有写入权限';
      console.error(
        `构建无法开始：${existing} ${why}（${code}）。构建要写入 .astro/（锁与 Astro 生成的文件）、` +
          `node_modules/.astro/（缓存）和输出目录的上一级。请在可写的副本中构建（把项目复制或克隆到可写的位置），` +
          `输出目录不可写时用 --out 指定另一个。`,
      );
      process.exit(1);
    }
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

/** Processes started by the build `pid` (their BUILD_PID), read from /proc where there is one. */
function processesOfBuild(pid: number): number[] {
  if (!existsSync('/proc')) return [];
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(`BUILD_PID=${pid}`)) found.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/**
 * Leftovers of builds that were killed hard (SIGKILL, power loss): their process no longer
 * exists. Any child of theirs still running is ended first (the orphan guard ends them within
 * a quarter second; one started without it would otherwise write the folder again).
 */
function removeStaleLeftovers(): void {
  const parent = dirname(out);
  const pattern = new RegExp(`^${basename(out).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:tmp|old)-(\\d+)$`);
  for (const [dir, match] of [
    [parent, pattern],
    [dirname(shardsRoot), /^(?:shards|out)-(\d+)$/],
  ] as const) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const pid = match.exec(name)?.[1];
      if (!pid || isAlive(Number(pid))) continue;
      for (const orphan of processesOfBuild(Number(pid))) {
        try {
          process.kill(orphan, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
}

/**
 * Ends the children still running, each with whatever it started (its own process group), and
 * waits (at most 5 s) until they are gone, so none writes into the temporary folders after
 * they are removed. An aborted build's output is thrown away: SIGKILL, no grace period.
 */
async function endChildren(): Promise<void> {
  const running = [...children].filter((c) => c.pid && c.exitCode === null && c.signalCode === null);
  const closed = running.map((c) => new Promise<void>((done) => c.once('close', () => done())));
  for (const c of running) {
    try {
      process.kill(-c.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await Promise.race([Promise.all(closed), new Promise((done) => setTimeout(done, 5000).unref())]);
}

async function cleanUp(): Promise<void> {
  await endChildren();
  for (const dir of new Set([tmp, staged, shardsRoot])) rmSync(dir, { recursive: true, force: true });
  releaseLock();
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void cleanUp().then(() => {
      console.error(`\n构建被中止（${signal}）。dist/ 未改动。`);
      process.exit(128 + (signal === 'SIGHUP' ? 1 : signal === 'SIGINT' ? 2 : 15));
    });
  });
}

async function step(name: string, fn: () => boolean | Promise<boolean>): Promise<void> {
  const started = performance.now();
  let ok = false;
  try {
    ok = await fn();
  } catch (e) {
    // A file-system error (no space, a folder that vanished): said plainly, without a stack.
    const code = (e as NodeJS.ErrnoException).code;
    console.error(code ? `${code}：${(e as Error).message}` : String(e));
  }
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  if (!ok) {
    await cleanUp();
    console.error(`\n构建失败：${name}（${secs} s）。dist/ 未改动。`);
    process.exit(1);
  }
  console.log(`✓ ${name}（${secs} s）`);
}

function run(cmd: string, cmdArgs: string[], runEnv: NodeJS.ProcessEnv = env): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(cmd, cmdArgs, { stdio: 'inherit', env: runEnv, detached: true });
    children.add(child);
    child.on('error', () => done(false));
    child.on('close', (code) => {
      children.delete(child);
      done(code === 0);
    });
  });
}
const bin = (name: string) => resolve('node_modules/.bin', name);
const writeRecordJson = (site: string, ...more: string[]) =>
  run(process.execPath, ['scripts/write-record-json.ts', '--site', site, ...more]);

/**
 * Old dist/ aside, new one in, then the old one removed: dist/ is never without its pages.
 * A site built inside the checkout for an output on another file system is first copied
 * beside the output (moveSync), so the swap is still two renames.
 */
function swapIntoPlace(): boolean {
  if (tmp !== staged) moveSync(tmp, staged);
  const hadOld = existsSync(out);
  if (hadOld) renameSync(out, aside);
  renameSync(staged, out);
  if (hadOld) rmSync(aside, { recursive: true, force: true });
  return existsSync(resolve(out, 'index.html'));
}

/**
 * N `astro build` processes at once, each a slice of the routes; the first failure ends the others.
 *
 * Every `astro build` first syncs the content layer, writing .astro/content-modules.mjs and
 * content-assets.mjs through one fixed temporary name (`<file>.tmp`, then a rename): two
 * processes doing that at once make one rename fail (ENOENT). Astro skips the write when the
 * file already holds the same text, so one `astro sync` before the shards start writes them
 * once, and the shards find them up to date. The records' JSON is written meanwhile, into the
 * temporary directory: `astro sync` keeps one core busy, not two. That step also writes the
 * dataset it validated, which every shard reads instead of validating it again.
 */
async function buildShards(): Promise<boolean> {
  mkdirSync(shardsRoot, { recursive: true });
  // The plan every Astro process reads (src/site/build-plan.ts): written once, here.
  const planFile = join(shardsRoot, 'plan.json');
  const plan: BuildPlan = {
    dataRoot,
    // Validated once, by the records' JSON step, for every process (src/site/validated-data.ts).
    dataset: join(shardsRoot, 'dataset.json'),
    pagesDir: tmp,
    shards: Array.from({ length: shardCount }, (_, i) => ({
      outDir: join(shardsRoot, String(i)),
      cacheDir: `${cacheDir}-shard-${i}`,
      pagesFile: join(shardsRoot, `pages-${i}.json`),
    })),
  };
  writeBuildPlan(planFile, plan);
  const planned = (i: number) => ({ ...astroEnv, BUILD_PLAN: planFile, BUILD_SHARD: String(i) });
  const before = await Promise.all([
    // Process 0's folders: the sync fills its content cache.
    run(bin('astro'), ['sync', '--silent'], planned(0)),
    writeRecordJson(tmp, '--dataset', plan.dataset),
  ]);
  if (!before.every(Boolean)) return false;
  // The others start from a copy of process 0's cache: on a first build each would otherwise
  // parse and render every MDX file again.
  const [first, ...rest] = plan.shards;
  if (existsSync(first!.cacheDir)) for (const s of rest) cpSync(first!.cacheDir, s.cacheDir, { recursive: true });
  const runs = plan.shards.map((_, i) =>
    run(bin('astro'), ['build', '--silent'], planned(i)).then(async (ok) => {
      if (!ok) await endChildren();
      return ok;
    }),
  );
  return (await Promise.all(runs)).every(Boolean);
}

async function mergeAndWriteSitemap(): Promise<boolean> {
  // Imported here: the site's config and the sitemap integration are not needed before.
  const { mergeShards, writeSitemap } = await import('./lib/shards.ts');
  const pages = Array.from(
    { length: shardCount },
    (_, i) => JSON.parse(readFileSync(join(shardsRoot, `pages-${i}.json`), 'utf8')) as string[],
  );
  try {
    mergeShards(
      pages.map((_, i) => join(shardsRoot, String(i))),
      tmp,
    );
    await writeSitemap(tmp, pages.flat());
  } catch (e) {
    console.error((e as Error).message);
    return false;
  }
  console.log(`各分片的页面数：${pages.map((p) => p.length).join(' + ')}`);
  rmSync(shardsRoot, { recursive: true, force: true });
  return true;
}

// In a child process, so the dataset it reads is not held through the Astro step.
if (!values['astro-only']) await step('数据校验', () => run(process.execPath, ['scripts/validate.ts', '--root', dataRoot]));
await acquireLock();
removeStaleLeftovers();
// One step order for any number of shards: one shard is a parallel build of one process.
await step(shardCount === 1 ? 'Astro 构建' : `Astro 构建（${shardCount} 个进程并行）`, buildShards);
await step('合并分片与站点地图', mergeAndWriteSitemap);
if (!values['astro-only']) await step('搜索索引', () => run(process.execPath, ['scripts/search-index.ts', '--site', tmp]));
await step('替换 dist', swapIntoPlace);
releaseLock();
