/**
 * node scripts/search-index.ts --site DIR [--names-only]
 *
 * Writes the site's two search indexes into a built site (DATA_ROOT chooses the data):
 *   DIR/search-index/  the name index (src/lib/search/name-index.ts): every school,
 *                      group, region, policy and term by name, alias, short form and
 *                      pinyin, split so one query downloads a few small files
 *   DIR/pagefind/      Pagefind's full-text index of the pages with prose: regions,
 *                      policies, the glossary, group profiles and the other pages;
 *                      school pages and group pages without a profile hold nothing
 *                      the name index does not (their names, places and groups)
 *
 * --names-only writes the name index alone (no built pages needed: the search benchmark).
 *
 * Files are gzip-compressed JSON (.idx, like Pagefind's own files), so what a reader
 * downloads is small whether or not the web server compresses.
 *
 * Both cores work: a worker thread reads the data and builds the search keys while
 * Pagefind indexes the prose pages; Pagefind has ended before the shard plan, the step
 * that needs the most memory, so the two never hold their peaks at once.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import * as pagefind from 'pagefind';
import { NAME_INDEX_PATH, nameIndexFiles } from '../src/lib/search/name-index.ts';
import { buildSearchRecords, type SearchRecord } from '../src/lib/search/record.ts';
import { planShards } from '../src/lib/search/shards.ts';
import type { Dataset } from '../src/lib/data/dataset.ts';
import { formatProblem } from '../src/lib/problem.ts';
import { readProjectFiles } from '../src/lib/validate/read-project.ts';
import { validateProject } from '../src/lib/validate/validate.ts';

const gzipAsync = promisify(gzip);
/** Files being compressed or written at once. */
const IN_FLIGHT = 16;

function loadDataset(dataRoot: string): Dataset {
  const { dataset, problems } = validateProject(readProjectFiles(dataRoot));
  if (problems.length > 0) {
    for (const p of problems) console.error(formatProblem(p));
    process.exit(1);
  }
  return dataset;
}

/** Runs `task` over `items` with at most IN_FLIGHT at a time. */
async function eachLimited<T>(items: Iterable<T>, task: (item: T) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  for (const item of items) {
    const p = task(item).finally(() => running.delete(p));
    running.add(p);
    if (running.size >= IN_FLIGHT) await Promise.race(running);
  }
  await Promise.all(running);
}

/**
 * The search records, built in a worker thread that reads the dataset itself: it first
 * sends the groups with a profile (what Pagefind needs to choose its pages), then the
 * records. The main thread feeds Pagefind meanwhile, and the worker's memory (the
 * dataset) is freed when it ends, before the shard plan needs the room.
 */
function recordsInWorker(dataRoot: string): { profiled: Promise<Set<string>>; records: Promise<SearchRecord[]> } {
  const worker = new Worker(new URL(import.meta.url), { workerData: { dataRoot } });
  const profiled = Promise.withResolvers<Set<string>>();
  const records = Promise.withResolvers<SearchRecord[]>();
  const fail = (e: Error) => {
    profiled.reject(e);
    records.reject(e);
  };
  worker.on('message', (m: { profiled?: string[]; records?: SearchRecord[] }) => {
    if (m.profiled) profiled.resolve(new Set(m.profiled));
    if (m.records) records.resolve(m.records);
  });
  worker.once('error', fail);
  profiled.promise.catch(() => undefined); // with --names-only nobody waits for it; the records' rejection reports the failure
  worker.once('exit', (code) => code !== 0 && fail(new Error(`search-key worker exited with ${code}`)));
  return { profiled: profiled.promise, records: records.promise };
}

async function writeNameIndex(site: string, records: SearchRecord[], plan: ReturnType<typeof planShards>) {
  const nameDir = join(site, NAME_INDEX_PATH);
  rmSync(nameDir, { recursive: true, force: true });
  let bytes = 0;
  let files = 0;
  const made = new Set<string>();
  await eachLimited(nameIndexFiles(records, plan), async ([name, value]) => {
    const file = join(nameDir, `${name}.idx`);
    const dir = dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const body = await gzipAsync(JSON.stringify(value));
    bytes += body.length;
    files++;
    await writeFile(file, body);
  });
  return { bytes, files };
}

/** Every page but school pages and group pages without a profile. */
async function writeTextIndex(site: string, profiled: Set<string>): Promise<number> {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      const rel = relative(site, path).split(sep);
      if (e.isDirectory()) {
        if (rel.length === 1 && (rel[0] === 'schools' || rel[0] === 'pagefind' || rel[0] === NAME_INDEX_PATH)) continue;
        if (rel.length === 2 && rel[0] === 'groups' && !profiled.has(rel[1]!)) continue;
        walk(path);
      } else if (e.name.endsWith('.html')) pages.push(path);
    }
  };
  walk(site);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  // Pages go to Pagefind in a fixed order (read synchronously), so two builds are identical.
  await eachLimited(pages, async (path) => {
    const url = `/${relative(site, path).split(sep).join('/')}`.replace(/index\.html$/, '');
    const res = await index.addHTMLFile({ url, content: readFileSync(path, 'utf8') });
    if (res.errors.length > 0) throw new Error(`Pagefind: ${path}: ${res.errors.join('; ')}`);
  });
  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  return pages.length;
}

async function main() {
  const args = process.argv.slice(2);
  const siteArg = args.indexOf('--site');
  if (siteArg < 0 || !args[siteArg + 1]) {
    console.error('用法：node scripts/search-index.ts --site <构建目录> [--names-only]');
    process.exit(2);
  }
  const site = resolve(args[siteArg + 1]!);
  const dataRoot = resolve(process.env.DATA_ROOT ?? '.');
  const started = performance.now();
  const secs = () => ((performance.now() - started) / 1000).toFixed(1);
  // Seconds per stage, printed with the summary (the benchmark reads where the time goes).
  const laps: string[] = [];
  let lapStart = started;
  // Each stage's seconds and the process's RSS and live heap after it: where the memory goes.
  const lap = (name: string) => {
    const now = performance.now();
    const { rss, heapUsed } = process.memoryUsage();
    laps.push(
      `${name} ${((now - lapStart) / 1000).toFixed(1)} s（RSS ${(rss / 2 ** 20).toFixed(0)} MB，堆 ${(heapUsed / 2 ** 20).toFixed(0)} MB）`,
    );
    lapStart = now;
  };

  // Pagefind indexes the pages while the worker builds the records; it has ended (and
  // freed its memory) before the shard plan and the name index files are made.
  const namesOnly = args.includes('--names-only');
  const work = recordsInWorker(dataRoot);
  const pagesDone = namesOnly ? Promise.resolve(0) : work.profiled.then((profiled) => writeTextIndex(site, profiled));
  const records = await work.records;
  lap('校验与搜索键');
  const pages = await pagesDone;
  lap('全文索引');
  const plan = planShards(records);
  lap('拆分');
  const names = await writeNameIndex(site, records, plan);
  lap('写入');
  const largest = Math.max(...plan.bundles.map((b) => b.members.length));
  console.log(
    `名称索引：${records.length} 条记录，${plan.bundles.length} 个分包（最大 ${largest} 条，拆分 ${plan.table.splits.length} 条路由），` +
      `${names.files} 个文件，${(names.bytes / 2 ** 20).toFixed(1)} MB；全文索引：${pages} 个页面（${secs()} s：${laps.join('，')}）`,
  );
}

if (isMainThread) await main();
else {
  const { dataRoot } = workerData as { dataRoot: string };
  const dataset = loadDataset(dataRoot);
  parentPort!.postMessage({ profiled: dataset.groupProfiles.map((p) => p.group) });
  parentPort!.postMessage({ records: buildSearchRecords(dataset) });
}
