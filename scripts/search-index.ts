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
 * Both cores work: a worker thread builds half of the search keys, and the name index
 * is compressed and written while Pagefind indexes the prose pages.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import * as pagefind from 'pagefind';
import { NAME_INDEX_PATH, nameIndexFiles } from '../src/lib/search/name-index.ts';
import { buildSearchRecords, mergeSlices, type RecordSlice, type SearchRecord } from '../src/lib/search/record.ts';
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

/** The search records, half of them built in a worker thread when there is a second core. */
async function allRecords(dataset: Dataset, dataRoot: string): Promise<SearchRecord[]> {
  const parts = Math.min(2, availableParallelism());
  if (parts === 1 || dataset.schools.length < 5000) return buildSearchRecords(dataset);
  const slice: RecordSlice = { part: 1, parts };
  const worker = new Worker(new URL(import.meta.url), { workerData: { dataRoot, slice } });
  const theirs = new Promise<SearchRecord[]>((done, fail) => {
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', (code) => code !== 0 && fail(new Error(`search-key worker exited with ${code}`)));
  });
  const mine = buildSearchRecords(dataset, { part: 0, parts });
  return mergeSlices([mine, await theirs]);
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
  const lap = (name: string) => {
    const now = performance.now();
    laps.push(`${name} ${((now - lapStart) / 1000).toFixed(1)} s`);
    lapStart = now;
  };

  const dataset = loadDataset(dataRoot);
  const profiled = new Set(dataset.groupProfiles.map((p) => p.group));
  lap('校验');
  const records = await allRecords(dataset, dataRoot);
  lap('搜索键');
  const plan = planShards(records);
  lap('拆分');
  const namesOnly = args.includes('--names-only');
  const [names, pages] = await Promise.all([
    writeNameIndex(site, records, plan),
    namesOnly ? Promise.resolve(0) : writeTextIndex(site, profiled),
  ]);
  lap('写入与全文索引');
  const largest = Math.max(...plan.bundles.map((b) => b.members.length));
  console.log(
    `名称索引：${records.length} 条记录，${plan.bundles.length} 个分包（最大 ${largest} 条，拆分 ${plan.table.splits.length} 条路由），` +
      `${names.files} 个文件，${(names.bytes / 2 ** 20).toFixed(1)} MB；全文索引：${pages} 个页面（${secs()} s：${laps.join('，')}）`,
  );
}

if (isMainThread) await main();
else {
  const { dataRoot, slice } = workerData as { dataRoot: string; slice: RecordSlice };
  parentPort!.postMessage(buildSearchRecords(loadDataset(dataRoot), slice));
}
