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
 * Both cores work (the build machine has two). A records thread reads the data and
 * builds the search records, handing half of the key tokens (most of the work) to a
 * keys thread, while Pagefind indexes the prose pages; Pagefind has ended before the
 * shard plan, the step that needs the most memory, so the two never hold their peaks
 * at once. Two writer threads gzip and write the name index files: the display files
 * while the main thread plans the shards, then the key bundles as the plan gives them.
 * The keys and writer threads run scripts/search-index-helper.ts.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { isMainThread, MessageChannel, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { displayFiles, keyFiles, NAME_INDEX_PATH } from '../src/lib/search/name-index.ts';
import { buildTokens } from '../src/lib/search/keys.ts';
import type { HelperData, KeyJob } from './search-index-helper.ts';
import { commandLine, refuse } from './lib/cli.ts';
import { searchRecords, type KeyBuilder, type SearchRecord } from '../src/lib/search/record.ts';
import { boundedRuns } from '../src/lib/search/page-text.ts';
import { planShards } from '../src/lib/search/shards.ts';
import { formatProblem } from '../src/lib/problem.ts';
import { readProjectFiles } from '../src/lib/validate/read-project.ts';
import { validateProject } from '../src/lib/validate/validate.ts';

/** The keys and writer threads' code: small, so that they load no more than they use. */
const HELPER = new URL('./search-index-helper.ts', import.meta.url);
/** Pages being handed to Pagefind at once. */
const IN_FLIGHT = 16;
/** Worker threads that write files: one per core. */
const THREADS = 2;
/** Records per message from the records thread, and key jobs per message to the keys thread. */
const RECORD_BATCH = 5000;
const KEY_BATCH = 500;
/** Name index files per message to a writer thread. */
const BATCH_FILES = 64;

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

/** How the records thread ends when the data has problems (it has printed them). */
const PROBLEMS_REPORTED = 3;
class ProblemsReported extends Error {}

type WorkerData = { role: 'records'; dataRoot: string; keys: MessagePort };

/**
 * The search records, built on two worker threads. The records thread reads the dataset
 * and builds every record, but hands the key tokens of every other one (the key tokens
 * are most of the work) to the keys thread, which needs only their names and regions:
 * one copy of the dataset, not two. The records thread sends the groups with a profile
 * (what Pagefind needs to choose its pages) as soon as it has read the data; the main
 * thread feeds Pagefind meanwhile. The threads' memory is freed when they end, before
 * the shard plan needs the room.
 */
function recordsInWorkers(dataRoot: string): { profiled: Promise<Set<string>>; records: Promise<SearchRecord[]> } {
  const profiled = Promise.withResolvers<Set<string>>();
  profiled.promise.catch(() => undefined); // with --names-only nobody waits for it; the records' rejection reports the failure
  const { port1, port2 } = new MessageChannel();
  const start = (file: URL, data: unknown, transfer: MessagePort, onMessage: (m: never) => void) => {
    const done = Promise.withResolvers<void>();
    const worker = new Worker(file, { workerData: data, transferList: [transfer] });
    const fail = (e: Error) => {
      profiled.reject(e);
      done.reject(e);
    };
    worker.on('message', (m: { done?: boolean }) => {
      onMessage(m as never);
      if (m.done) done.resolve();
    });
    worker.once('error', fail);
    worker.once(
      'exit',
      (code) =>
        code !== 0 && fail(code === PROBLEMS_REPORTED ? new ProblemsReported() : new Error(`search-key worker exited with ${code}`)),
    );
    return done.promise;
  };
  const records: SearchRecord[] = [];
  const tokens: [number, string[]][] = [];
  const built = start(
    new URL(import.meta.url),
    { role: 'records', dataRoot, keys: port1 } satisfies WorkerData,
    port1,
    (m: { profiled?: string[]; records?: SearchRecord[] }) => {
      if (m.profiled) profiled.resolve(new Set(m.profiled));
      if (m.records) for (const r of m.records) records.push(r);
    },
  );
  const keyed = start(HELPER, { role: 'keys', records: port2 } satisfies HelperData, port2, (m: { tokens?: [number, string[]][] }) => {
    if (m.tokens) for (const t of m.tokens) tokens.push(t);
  });
  const all = Promise.all([built, keyed]).then(() => {
    for (const [record, t] of tokens) records[record]!.tokens = t;
    return records;
  });
  return { profiled: profiled.promise, records: all };
}

/**
 * THREADS worker threads that gzip and write name index files: gzip is most of the
 * write (350 MB of JSON at 200,000 schools). The main thread turns the values into
 * JSON and hands them out in batches, each to the thread with the least still to do.
 * zlib's settings are the defaults, as they always were, so the files are the same.
 */
function fileWriters() {
  const writers = Array.from({ length: THREADS }, () => {
    const data: HelperData = { role: 'write' };
    return { worker: new Worker(HELPER, { workerData: data }), queued: 0 };
  });
  const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  const inFlight = new Set<Promise<void>>();
  let nextBatch = 0;
  let bytes = 0;
  let files = 0;
  let failure: Error | undefined;
  const fail = (e: Error) => {
    failure ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  for (const w of writers) {
    w.worker.on('message', (m: { batch: number; bytes: number; files: number; size: number }) => {
      bytes += m.bytes;
      files += m.files;
      w.queued -= m.size;
      pending.get(m.batch)?.resolve();
      pending.delete(m.batch);
    });
    w.worker.once('error', fail);
    w.worker.once('exit', (code) => code !== 0 && fail(new Error(`file writer exited with ${code}`)));
  }
  /** Queues a batch of [file, JSON] with the least busy writer. */
  const post = (batch: [string, string][]) => {
    if (failure) throw failure;
    const size = batch.reduce((n, [, json]) => n + json.length, 0);
    const w = writers.reduce((a, b) => (b.queued < a.queued ? b : a));
    w.queued += size;
    const id = nextBatch++;
    const done = new Promise<void>((resolve, reject) => pending.set(id, { resolve, reject }));
    const tracked: Promise<void> = done.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    w.worker.postMessage({ batch: id, files: batch });
  };
  return {
    /**
     * Hands out the files in batches. With `wait`, holds back while every writer has
     * two batches to do (so the JSON is never all in memory at once); without, queues
     * them all at once (the caller has other work to do meanwhile).
     */
    async write(dir: string, entries: Iterable<[string, unknown]>, wait: boolean) {
      let batch: [string, string][] = [];
      for (const [name, value] of entries) {
        batch.push([join(dir, `${name}.idx`), JSON.stringify(value)]);
        if (batch.length < BATCH_FILES) continue;
        post(batch);
        batch = [];
        while (wait && inFlight.size >= 2 * THREADS) await Promise.race(inFlight);
      }
      if (batch.length > 0) post(batch);
    },
    /** Waits for every file, ends the threads, and says how many files and bytes they wrote. */
    async close() {
      await Promise.all(inFlight);
      if (failure) throw failure;
      await Promise.all(writers.map((w) => w.worker.terminate()));
      return { bytes, files };
    },
  };
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
    // Long unbroken runs bounded: Pagefind's segmentation is superlinear in them (src/lib/search/page-text.ts).
    const res = await index.addHTMLFile({ url, content: boundedRuns(readFileSync(path, 'utf8')) });
    if (res.errors.length > 0) throw new Error(`Pagefind: ${path}: ${res.errors.join('; ')}`);
  });
  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  return pages.length;
}

async function main() {
  const usage = 'node scripts/search-index.ts --site <构建目录> [--names-only]';
  const { values } = commandLine({ site: { type: 'string' }, 'names-only': { type: 'boolean', default: false } }, usage);
  if (!values.site) refuse('缺少 --site <构建目录>', usage);
  const site = resolve(values.site);
  const dataRoot = resolve(process.env.DATA_ROOT ?? '.');
  const started = performance.now();
  const secs = () => ((performance.now() - started) / 1000).toFixed(1);
  // Seconds per stage, printed with the summary (the benchmark reads where the time goes).
  const laps: string[] = [];
  let lapStart = started;
  // Each stage's seconds (wall, and CPU of all this process's threads) and the process's
  // RSS and live heap after it: where the time and the memory go.
  let cpuStart = process.cpuUsage();
  const lap = (name: string) => {
    const now = performance.now();
    const cpu = process.cpuUsage(cpuStart);
    const { rss, heapUsed } = process.memoryUsage();
    laps.push(
      `${name} ${((now - lapStart) / 1000).toFixed(1)} s（CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s，RSS ${(rss / 2 ** 20).toFixed(0)} MB，堆 ${(heapUsed / 2 ** 20).toFixed(0)} MB）`,
    );
    lapStart = now;
    cpuStart = process.cpuUsage();
  };

  // Pagefind indexes the pages while the workers build the records; it has ended (and
  // freed its memory) before the shard plan and the name index files are made.
  const namesOnly = values['names-only'];
  const work = recordsInWorkers(dataRoot);
  const pagesDone = namesOnly ? Promise.resolve(0) : work.profiled.then((profiled) => writeTextIndex(site, profiled));
  const records = await work.records.catch((e: unknown) => {
    // The data has problems, and the records thread has said which (file:line:col): no stack trace.
    if (e instanceof ProblemsReported) process.exit(1);
    throw e;
  });
  lap('校验与搜索键');
  const pages = await pagesDone;
  lap('全文索引');
  const nameDir = join(site, NAME_INDEX_PATH);
  rmSync(nameDir, { recursive: true, force: true });
  const writers = fileWriters();
  // The display files need only the records: the writers compress them during the plan.
  await writers.write(nameDir, displayFiles(records), false);
  const plan = planShards(records);
  lap('拆分');
  await writers.write(nameDir, keyFiles(records, plan), true);
  const names = await writers.close();
  lap('写入');
  const largest = Math.max(...plan.bundles.map((b) => b.members.length));
  console.log(
    `名称索引：${records.length} 条记录，${plan.bundles.length} 个分包（最大 ${largest} 条，拆分 ${plan.table.splits.length} 条路由），` +
      `${names.files} 个文件，${(names.bytes / 2 ** 20).toFixed(1)} MB；全文索引：${pages} 个页面（${secs()} s：${laps.join('，')}）`,
  );
}

if (isMainThread) await main();
else {
  const data = workerData as WorkerData;
  if (data.role === 'records') {
    const { dataset, problems } = validateProject(readProjectFiles(data.dataRoot));
    if (problems.length > 0) {
      for (const p of problems) console.error(formatProblem(p));
      process.exit(PROBLEMS_REPORTED);
    }
    parentPort!.postMessage({ profiled: dataset.groupProfiles.map((p) => p.group) });
    // Every other record's keys go to the keys thread (its tokens stay [] until the main
    // thread puts them in); records and jobs go in batches, so that neither thread waits
    // for all of them and this one never holds its records twice (built and serialised).
    let jobs: KeyJob[] = [];
    const handOver: (record: number) => KeyBuilder = (record) => (names, opts) => {
      if (jobs.push([record, names, opts]) >= KEY_BATCH) {
        data.keys.postMessage({ jobs });
        jobs = [];
      }
      return [];
    };
    let batch: SearchRecord[] = [];
    for (const record of searchRecords(dataset, { part: 0, parts: 1 }, (i) => (i % 2 === 1 ? handOver(i) : buildTokens))) {
      batch.push(record);
      if (batch.length < RECORD_BATCH) continue;
      parentPort!.postMessage({ records: batch });
      batch = [];
    }
    data.keys.postMessage({ jobs, done: true });
    data.keys.close();
    parentPort!.postMessage({ records: batch, done: true });
  }
}
