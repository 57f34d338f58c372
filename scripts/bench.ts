/**
 * npm run bench [-- --sizes 1000,10000,50000,200000] [--seed 1] [--regen] [--no-peer] [--no-search] [--search-only]
 *                [--shards N] [--no-lighthouse] [--repeat N]
 * npm run bench -- --weights DIR   (only the page-weight table of a site already built)
 *
 * --search-only: the name search alone (scripts/bench-search.ts): the name index
 * written without an Astro build, and strict and tolerant queries answered by the
 * search page's loop, bytes and milliseconds per query. --reuse-index keeps a name
 * index already written in bench/out/search-<size>/. The search page itself is weighed
 * once in Chromium from a built site (--page-site DIR, default dist/), so the first
 * query (page + index) is reported beside each query's index files.
 *
 * Builds the real site code over a generated country (scripts/generate-country.ts) at
 * each size and prints one table: pages, validate / pages (Astro with its parallel shards, and the records' JSON:
 * scripts/build.ts --astro-only) / search-index wall and CPU time and peak RSS (the sum
 * over all of a step's processes, sampled from /proc every 200 ms; /usr/bin/time -v gives
 * the largest single one), output size, a school-name search in
 * Chromium (bytes a static host would send; time from Enter to the result on an open search
 * page, and a first visit's time with the page load), the same data built by a
 * minimal Hugo site for comparison, per page template the largest and the
 * 99th-percentile HTML page (raw and gzipped) with the totals of dist/, and the time
 * `npm run import` takes on a 1,000-row list and the time planning a 100,000-row one takes
 * (scripts/bench-import.ts, with its budget), and at the largest
 * size Lighthouse (mobile) on the largest page of each template. It ends with each
 * budget met or not. Results also go to bench/out/results.json.
 *
 * --repeat N builds the pages (the Astro step) and Hugo's site N times each and reports the
 * median wall and CPU time of each and the highest memory of all N (scripts/lib/bench-step.ts):
 * one build's wall time on these machines varies by ±10 % from run to run, and the
 * Astro/Hugo budget is a ratio of two of them. Every run's time is printed.
 *
 * The site is built from a snapshot of src/ taken at the start (bench/out/site), so
 * edits made while a long run is going do not mix into it, and its Astro caches stay
 * its own. Data lives in bench/data/<size>/, output in bench/out/ (both git-ignored).
 *
 * Search bytes are what a static host sends: text files (HTML, JS, CSS, JSON …)
 * gzip-compressed, as every static host serves them, and files already compressed (the
 * name index's .idx, Pagefind's files, images) as they are. Each query runs in a cold
 * browser, so its bytes are a first query's: the search page and its script and style
 * ("page") plus the index files it reads ("index"); a later query on the open page
 * downloads at most its index bytes. Both are held to the search budget.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { extname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateCountry, writeCountry } from './lib/country/index.ts';
import { buildHugoSite } from './bench-hugo.ts';
import { benchImport, formatImportTiming, PLAN_BUDGET } from './bench-import.ts';
import { medianStep, type Step } from './lib/bench-step.ts';
import { sampleTreeRss } from './lib/tree-rss.ts';
import { commandLine, refuse } from './lib/cli.ts';
import { serveDir } from './serve.ts';
import { buildSearchRecords } from '../src/lib/search/record.ts';
import { readProjectFiles } from '../src/lib/validate/read-project.ts';
import { validateProject } from '../src/lib/validate/validate.ts';
import { benchQueries, measureNameSearch, summarise } from './bench-search.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
const SITE = join(OUT, 'site');
const USAGE = `npm run bench [-- 选项]
  --sizes 1000,10000,50000,200000   生成的全国数据的学校数（逗号分隔）
  --seed N             生成数据的随机种子（默认 1）
  --regen              重新生成数据，不用 bench/data/ 里已有的
  --shards N           Astro 并行进程数（默认同 npm run build）
  --repeat N           页面构建和 Hugo 构建各跑 N 次，取中位数
  --no-peer            不构建 Hugo 对照站点
  --no-search          不测搜索
  --no-lighthouse      不跑 Lighthouse
  --keep               保留每个规模的 dist
  --no-keep-largest    不保留最大规模的 dist（bench/out/dist-<n>）
  --search-only        只测名称搜索（--reuse-index 沿用已写的名称索引，--page-site DIR 指定量搜索页的站点）
  --weights DIR        只列出已构建站点 DIR 的页面大小表
  --help               显示本说明`;
const FLAGS = {
  sizes: { type: 'string', default: '1000,10000,50000,200000' },
  seed: { type: 'string', default: '1' },
  regen: { type: 'boolean', default: false },
  shards: { type: 'string' },
  repeat: { type: 'string', default: '1' },
  'no-peer': { type: 'boolean', default: false },
  'no-search': { type: 'boolean', default: false },
  'no-lighthouse': { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
  'no-keep-largest': { type: 'boolean', default: false },
  'search-only': { type: 'boolean', default: false },
  'reuse-index': { type: 'boolean', default: false },
  'page-site': { type: 'string' },
  weights: { type: 'string' },
} as const;

// The options, set from the command line when this file is run (readCommandLine).
let sizes: number[] = [];
let seed = 1;
let regen = false;
let withPeer = true;
let withSearch = true;
let keepDist = false;
/** Lighthouse (mobile) on the largest page of each template, at the largest size only. */
let withLighthouse = true;
/** Astro processes in parallel (scripts/build.ts --shards); unset: build.ts's default. */
let shardArg: string | undefined;
let searchOnly = false;
let reuseIndex = false;
/** Keep the largest size's dist for later inspection (bench/out/dist-<n>). */
let keepLargest = true;
/** Builds of the pages and of Hugo's site per size, their median reported (see the top). */
let repeat = 1;
let pageSiteArg: string | undefined;
let weightsOnly: string | undefined;

/** Sets the options from the command line; --help prints USAGE, a bad flag or number exits 2. */
function readCommandLine() {
  const { values } = commandLine(FLAGS, USAGE);
  const whole = (flag: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) refuse(`--${flag} 要一个不小于 ${min} 的整数，不是“${text}”`, USAGE);
    return n;
  };
  sizes = values.sizes.split(',').map((n) => whole('sizes', n, 1));
  seed = whole('seed', values.seed, 0);
  repeat = whole('repeat', values.repeat, 1);
  if (values.shards !== undefined) whole('shards', values.shards, 1);
  shardArg = values.shards;
  regen = values.regen;
  withPeer = !values['no-peer'];
  withSearch = !values['no-search'];
  withLighthouse = !values['no-lighthouse'];
  keepDist = values.keep;
  keepLargest = !values['no-keep-largest'];
  searchOnly = values['search-only'];
  reuseIndex = values['reuse-index'];
  pageSiteArg = values['page-site'];
  weightsOnly = values.weights;
}
/** Set when Hugo is wanted but cannot be found or installed. */
let peerMissing = false;

/**
 * Budgets (issue #16). Absolute times vary by 1.6× from day to day on these machines, so
 * time budgets are ratios to Hugo's build of the same data in the same run.
 */
const BUDGET = {
  /** Astro's wall time over Hugo's. */
  peerRatio: 2,
  /** validate + Astro + search index, over Hugo's wall time. */
  buildPeerRatio: 2.5,
  /** Peak RSS of any step, by size: 3 GB at 200 k schools, 1.5 GB at 50 k. */
  rssMB: (schools: number) => (schools >= 200_000 ? 3072 : schools >= 50_000 ? 1536 : 1024),
  /** One search, in kB of 1000 bytes as a static host sends them (responseBytes): a first query's page + index, and any query's index. */
  searchKB: 100,
  searchMs: 300,
  /** Every HTML page, gzipped; record pages (schools, groups, regions, policies) tighter. */
  pageGzKB: 100,
  recordPageGzKB: 50,
  /** Lighthouse mobile performance score of the largest page of each template. */
  lighthouse: 95,
};
const RECORD_TEMPLATES = new Set(['/schools/[id]/', '/groups/[id]/', '/regions/[id]/', '/policies/[id]/']);

/* ------------------------------------------------------------ measuring */

function parseTime(text: string): { secs: number; cpuSecs: number; rssMB: number } {
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(text);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  const user = /User time \(seconds\): ([\d.]+)/.exec(text);
  const system = /System time \(seconds\): ([\d.]+)/.exec(text);
  const cpuSecs = user && system ? Number(user[1]) + Number(system[1]) : NaN;
  const secs = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  return { secs, cpuSecs, rssMB: rss ? Number(rss[1]) / 1024 : NaN };
}

/**
 * Runs a command under /usr/bin/time -v: wall time, CPU time of the whole process tree and
 * the peak RSS of its largest process; and, sampled from /proc every 200 ms, the peak of
 * the RSS of all its processes summed (parallel shards each hold their own memory).
 */
function timed(label: string, cmd: string, cmdArgs: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Step> {
  const timeFile = join(OUT, `.time-${process.pid}`);
  process.stdout.write(`  ${label} … `);
  return new Promise((done) => {
    const child = spawn('/usr/bin/time', ['-v', '-o', timeFile, cmd, ...cmdArgs], {
      cwd: opts.cwd ?? SITE,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const sampler = sampleTreeRss(child.pid!);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-20_000);
    });
    child.on('close', (code) => {
      const t = parseTime(existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '');
      // A sample can miss a short spike that /usr/bin/time saw: the sum is at least the largest process.
      const sumRssMB = Math.max(sampler.stop(), t.rssMB);
      rmSync(timeFile, { force: true });
      const step: Step = { ...t, sumRssMB, ok: code === 0 };
      if (code !== 0) step.error = stderr.trim().split('\n').slice(-15).join('\n');
      console.log(
        `${t.secs.toFixed(1)} s (CPU ${t.cpuSecs.toFixed(1)} s), ${sumRssMB.toFixed(0)} MB all processes (largest one ${t.rssMB.toFixed(0)} MB)${code === 0 ? '' : ` — FAILED (${code})`}`,
      );
      if (code !== 0) console.log(step.error);
      done(step);
    });
  });
}

/** Runs a step `repeat` times (`before` first each time) and reports the median run. */
async function timedRepeatedly(label: string, before: () => void, run: () => Promise<Step>): Promise<Step> {
  const steps: Step[] = [];
  for (let i = 0; i < repeat; i++) {
    before();
    const step = await run();
    steps.push(step);
    if (!step.ok) break;
  }
  const chosen = medianStep(steps);
  if (steps.length > 1)
    console.log(
      `  ${label}: median of ${steps.map((s) => s.secs.toFixed(1)).join(', ')} s → ${chosen.secs.toFixed(1)} s, peak ${chosen.sumRssMB.toFixed(0)} MB`,
    );
  return chosen;
}

function walkFiles(dir: string, visit: (path: string, size: number) => void): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walkFiles(p, visit);
    else visit(p, statSync(p).size);
  }
}

function outputStats(dir: string) {
  let pages = 0;
  let files = 0;
  let bytes = 0;
  let indexBytes = 0;
  const indexDirs = [join(dir, 'pagefind'), join(dir, 'search-index')];
  const inIndex = (p: string) => indexDirs.some((d) => p.startsWith(d));
  walkFiles(dir, (p, size) => {
    files++;
    bytes += size;
    if (p.endsWith('.html') && !inIndex(p)) pages++;
    if (inIndex(p)) indexBytes += size;
  });
  return { pages, files, bytes, indexBytes };
}

/** The page template an output path came from: /groups/x/index.html → /groups/[id]/. */
export function templateOf(relPath: string): string {
  const dirs = relPath.split(sep).join('/').split('/').slice(0, -1);
  if (dirs.length === 0) return relPath === 'index.html' ? '/' : `/${relPath}`;
  return `/${dirs.map((d, i) => (i === 0 ? d : '[id]')).join('/')}/`;
}

export interface TemplateWeight {
  template: string;
  pages: number;
  largest: { path: string; bytes: number; gzBytes: number };
  p99: { bytes: number; gzBytes: number };
}

/**
 * Per template, the largest and the 99th-percentile HTML page, raw and gzipped. Gzip
 * (level 9, as a static host would serve it) is computed for the pages at or above the
 * raw 99th percentile only: the largest gzipped page is among them, and gzipping every
 * page of a 250 k-page site would dominate the benchmark.
 */
function pageWeights(dir: string): TemplateWeight[] {
  const byTemplate = new Map<string, { path: string; bytes: number }[]>();
  walkFiles(dir, (p, bytes) => {
    const rel = relative(dir, p);
    if (!rel.endsWith('.html') || rel.startsWith('pagefind') || rel.startsWith('search-index')) return;
    const t = templateOf(rel);
    const list = byTemplate.get(t) ?? [];
    list.push({ path: rel, bytes });
    byTemplate.set(t, list);
  });
  const gz = (rel: string) => gzipSync(readFileSync(join(dir, rel)), { level: 9 }).length;
  return [...byTemplate.entries()]
    .map(([template, pages]) => {
      pages.sort((a, b) => a.bytes - b.bytes);
      const at = Math.min(pages.length - 1, Math.floor(pages.length * 0.99));
      const top = pages.slice(at).map((p) => ({ ...p, gzBytes: gz(p.path) }));
      const largest = top.reduce((a, b) => (b.gzBytes > a.gzBytes ? b : a));
      return { template, pages: pages.length, largest, p99: { bytes: top[0]!.bytes, gzBytes: top[0]!.gzBytes } };
    })
    .sort((a, b) => b.largest.gzBytes - a.largest.gzBytes);
}

function weightTable(weights: TemplateWeight[]): string {
  const kb = (b: number) => (b / 1024).toFixed(1);
  const rows = weights.map((w) => [
    w.template,
    String(w.pages),
    kb(w.largest.bytes),
    kb(w.largest.gzBytes),
    kb(w.p99.bytes),
    kb(w.p99.gzBytes),
    w.largest.path.split(sep).join('/'),
  ]);
  const header = ['template', 'pages', 'largest kB', 'largest gz kB', 'p99 kB', 'p99 gz kB', 'largest page'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/* ------------------------------------------------------------ the site snapshot */

function snapshotSite(): void {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(join(SITE, 'node_modules'), { recursive: true });
  for (const entry of ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
    cpSync(join(ROOT, entry), join(SITE, entry), { recursive: true });
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    // Astro's and Vite's caches stay with the snapshot; packages are shared.
    if (entry === '.astro' || entry === '.vite') continue;
    symlinkSync(join(ROOT, 'node_modules', entry), join(SITE, 'node_modules', entry));
  }
}

/* ------------------------------------------------------------ search in Chromium */

/** Text a static host gzips on the fly; anything else (.idx, Pagefind's files, images) is sent as it is. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt', '.csv', '.webmanifest']);

/**
 * The bytes of a response uncompressed and as a static host sends them: gzip (level 6,
 * the usual) of a text file, any other file as it is. Read from the file itself: the
 * server does not declare a length for every response (HTML, SVG).
 */
function responseBytes(dir: string, path: string, declared: number): { raw: number; host: number } {
  let file = join(dir, decodeURIComponent(path));
  if (path.endsWith('/')) file = join(file, 'index.html');
  if (!existsSync(file) || !statSync(file).isFile()) return { raw: declared, host: declared };
  const body = readFileSync(file);
  return { raw: body.length, host: COMPRESSIBLE.has(extname(file)) ? gzipSync(body, { level: 6 }).length : body.length };
}

/** Requests for the search indexes (name index and Pagefind), as opposed to the page. */
const isIndexPath = (path: string) => path.startsWith('/search-index/') || path.startsWith('/pagefind/');

/**
 * The site served as `npm run serve` serves it (no compression), counting for each
 * response the bytes a static host would send (responseBytes), page and index apart.
 */
async function serveCounting(
  dir: string,
): Promise<{ server: Server; url: string; sent: { bytes: number; rawBytes: number; indexBytes: number; requests: string[] } }> {
  const sent = { bytes: 0, rawBytes: 0, indexBytes: 0, requests: [] as string[] };
  const { server, url } = await serveDir(dir, 0, {
    onResponse: (path, declared) => {
      const { raw, host } = responseBytes(dir, path, declared);
      sent.bytes += host;
      sent.rawBytes += raw;
      if (isIndexPath(path)) sent.indexBytes += host;
      sent.requests.push(`${path} ${host}${host === raw ? '' : ` (${raw} raw)`}`);
    },
  });
  return { server, url, sent };
}

const PROBE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>bench search</title>
<script type="module">
const q = new URLSearchParams(location.search).get('q');
const pagefind = await import('/pagefind/pagefind.js');
const search = await pagefind.search(q);
const first = search.results.length ? await search.results[0].data() : null;
window.__firstMs = performance.now();
// What a results list shows: the first five results' titles and excerpts.
await Promise.all(search.results.slice(1, 5).map((r) => r.data()));
window.__bench = { count: search.results.length, first: first && first.url, title: first && first.meta.title, firstMs: window.__firstMs };
</script>`;

interface SearchResult {
  query: string;
  mode: 'search-page' | 'pagefind-probe';
  /** A first query (cold cache): page and index, as a static host sends them (responseBytes). */
  bytes: number;
  /** Of those, the search indexes' files: what a query on the open page downloads at most. */
  indexBytes: number;
  /** The same responses uncompressed, as `npm run serve` sends them. */
  rawBytes: number;
  requests: number;
  /** A first visit: from opening /search/?q=… in a cold browser to the first result (page load included). */
  ms: number;
  /** A query on the open search page: from submitting it to the wanted school's link (NaN when not measured). */
  openMs: number;
  results: number;
  firstUrl?: string;
  found: boolean;
  error?: string | undefined;
  /** Every response: path and bytes. */
  log?: string[];
}

async function measureSearch(dist: string, queries: { name: string; id: string }[]): Promise<SearchResult[]> {
  const { launchBrowser } = await import('./chromium.ts');
  const hasSearchPage = existsSync(join(dist, 'search/index.html'));
  if (!hasSearchPage) {
    mkdirSync(join(dist, '__bench'), { recursive: true });
    writeFileSync(join(dist, '__bench/search.html'), PROBE);
  }
  const { server, url, sent } = await serveCounting(dist);
  const browser = await launchBrowser();
  const out: SearchResult[] = [];
  try {
    for (const { name, id } of queries) {
      const context = await browser.newContext(); // cold cache for every query
      const page = await context.newPage();
      await page.goto('about:blank'); // the renderer is up, as in a browser already open
      sent.bytes = 0;
      sent.rawBytes = 0;
      sent.indexBytes = 0;
      sent.requests = [];
      const r: SearchResult = {
        query: name,
        mode: hasSearchPage ? 'search-page' : 'pagefind-probe',
        bytes: 0,
        indexBytes: 0,
        rawBytes: 0,
        requests: 0,
        ms: NaN,
        openMs: NaN,
        results: 0,
        found: false,
      };
      try {
        if (hasSearchPage) {
          await page.goto(`${url}/search/?q=${encodeURIComponent(name)}`);
          // The first link to a record inside the results (schools, groups, regions, policies).
          const handle = await page.waitForFunction(
            () => {
              const links = [
                ...document.querySelectorAll(
                  'main a[href*="/schools/"], main a[href*="/groups/"], main a[href*="/regions/"], main a[href*="/policies/"]',
                ),
              ];
              const hit = links.find((a) => !a.closest('nav, header, footer, form'));
              return hit ? { ms: performance.now(), href: hit.getAttribute('href'), count: links.length } : null;
            },
            undefined,
            { timeout: 30_000, polling: 'raf' },
          );
          const v = (await handle.jsonValue()) as { ms: number; href: string; count: number };
          await page.waitForTimeout(500); // let the rest of the first page of results arrive
          Object.assign(r, { ms: v.ms, firstUrl: v.href, results: v.count });
          r.found = (await page.locator(`main a[href*="/schools/${id}/"]`).count()) > 0;
        } else {
          await page.goto(`${url}/__bench/search.html?q=${encodeURIComponent(name)}`);
          await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench, undefined, { timeout: 60_000 });
          const v = (await page.evaluate(() => (window as unknown as { __bench: unknown }).__bench)) as {
            count: number;
            first: string | null;
            firstMs: number;
          };
          Object.assign(r, {
            ms: v.firstMs,
            firstUrl: v.first ?? undefined,
            results: v.count,
            found: (v.first ?? '').includes(`/schools/${id}/`),
          });
        }
      } catch (e) {
        r.error = String(e).split('\n')[0];
      }
      r.bytes = sent.bytes;
      r.indexBytes = sent.indexBytes;
      r.rawBytes = sent.rawBytes;
      r.requests = sent.requests.length;
      r.log = [...sent.requests];
      out.push(r);
      console.log(
        `  search "${name}": ${(r.bytes / 1000).toFixed(1)} kB as a static host sends it (page ${((r.bytes - r.indexBytes) / 1000).toFixed(1)} + index ${(r.indexBytes / 1000).toFixed(1)}; ${(r.rawBytes / 1000).toFixed(1)} kB uncompressed) in ${r.requests} requests, first result ${r.ms.toFixed(0)} ms, ${r.results} results${r.found ? '' : ' (school not first)'}${r.error ? ` — ${r.error}` : ''}`,
      );
      await context.close();
    }
    if (hasSearchPage) await measureOpenPage(browser, url, queries, out);
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

/**
 * Each query submitted on one search page already open (its script loaded, no index
 * file fetched yet): the time from pressing Enter to the wanted school's link, which is
 * what the 300 ms budget holds. A first visit adds the page's own load, which the
 * Lighthouse budget covers.
 */
async function measureOpenPage(browser: Browser, url: string, queries: { name: string; id: string }[], out: SearchResult[]): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${url}/search/`, { waitUntil: 'networkidle' });
    for (const [i, { name, id }] of queries.entries()) {
      await page.fill('#search-q', name);
      const started = await page.evaluate(() => performance.now());
      await page.press('#search-q', 'Enter');
      const found = await page.waitForFunction(
        (href) => (document.querySelector(`#search-results a[href*="${href}"]`) ? performance.now() : null),
        `/schools/${id}/`,
        { timeout: 30_000, polling: 'raf' },
      );
      out[i]!.openMs = ((await found.jsonValue()) as number) - started;
      console.log(`  search "${name}" on the open search page: ${out[i]!.openMs.toFixed(0)} ms to the school's link`);
    }
  } catch (e) {
    console.log(`  search on the open page: ${String(e).split('\n')[0]}`);
  } finally {
    await context.close();
  }
}

/* ------------------------------------------------------------ one size */

interface SizeResult {
  schools: number;
  counts: Record<string, number>;
  pages: number;
  files: number;
  outputMB: number;
  /** The search indexes: name index and Pagefind. */
  indexMB: number;
  validate: Step;
  astro: Step;
  searchIndex: Step;
  buildSecs: number;
  peakRssMB: number;
  msPerPage: number;
  search: SearchResult[];
  weights: TemplateWeight[];
  /** Hidden key text of school and group search records (a sample of about 5,000): mean and longest, in characters. */
  keyText: { records: number; mean: number; max: number };
  peer?: { tool: string; version: string; pages: number; build: Step; ratio: number; buildRatio: number };
  /** Lighthouse mobile performance of the largest page of each template (largest size only). */
  lighthouse?: { template: string; url: string; performance: number; losses: string[]; error?: string | undefined }[];
}

/** The URL path of an output file: schools/x/index.html → /schools/x/. */
const urlPathOf = (rel: string) => `/${rel.split(sep).join('/')}`.replace(/index\.html$/, '');

/** Lighthouse (scripts/quality/lighthouse.ts, as the quality tests run it) on the largest page of each template. */
async function lighthouseLargest(dist: string, weights: TemplateWeight[]): Promise<NonNullable<SizeResult['lighthouse']>> {
  const { runLighthouse } = await import('./quality/lighthouse.ts');
  const { CHROMIUM_ARGS, chromiumPath } = await import('./chromium.ts');
  const { server, url } = await serveDir(dist, 0);
  try {
    const targets = weights.map((w) => ({ template: w.template, path: urlPathOf(w.largest.path) }));
    const results = await runLighthouse(
      targets.map((t) => `${url}${t.path}`),
      chromiumPath(),
      CHROMIUM_ARGS,
    );
    return results.map((r, i) => {
      const out = {
        template: targets[i]!.template,
        url: targets[i]!.path,
        performance: r.scores.performance,
        losses: r.losses.filter((l) => l.startsWith('performance')),
        error: r.runtimeError,
      };
      console.log(`  lighthouse ${out.template} ${out.url}: performance ${out.performance}${out.error ? ` — ${out.error}` : ''}`);
      return out;
    });
  } finally {
    server.close();
  }
}

async function runSize(n: number): Promise<SizeResult> {
  console.log(`\n== ${n} schools`);
  const data = join(ROOT, 'bench/data', String(n));
  if (regen || !existsSync(join(data, 'country.json'))) {
    const started = performance.now();
    writeCountry(data, generateCountry({ schools: n, seed }));
    console.log(`  generated ${data} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const country = JSON.parse(readFileSync(join(data, 'country.json'), 'utf8')) as {
    counts: Record<string, number>;
    sampleSchools: { id: string; name: string }[];
  };
  const dist = join(OUT, `dist-${n}`);
  rmSync(dist, { recursive: true, force: true });
  const env = { DATA_ROOT: data, ASTRO_OUT_DIR: dist, ASTRO_TELEMETRY_DISABLED: '1' };

  const validate = await timed('validate', process.execPath, ['scripts/validate.ts', '--root', data]);
  // The pages as npm run build makes them: Astro's parallel shards, their merge and the sitemap,
  // and the records' JSON (written beside Astro, not by it: Hugo's peer writes both, so both count).
  const astroLabel = `astro build + record JSON (${shardArg ?? 'default'} shards)`;
  const astro = await timedRepeatedly(
    astroLabel,
    () => rmSync(dist, { recursive: true, force: true }),
    () =>
      timed(
        astroLabel,
        process.execPath,
        ['scripts/build.ts', '--out', dist, '--astro-only', ...(shardArg ? ['--shards', shardArg] : [])],
        {
          env,
        },
      ),
  );
  const searchIndex = astro.ok
    ? await timed('search index', process.execPath, ['scripts/search-index.ts', '--site', dist], { env })
    : { secs: NaN, cpuSecs: NaN, rssMB: NaN, sumRssMB: NaN, ok: false };
  const stats = existsSync(dist) ? outputStats(dist) : { pages: 0, files: 0, bytes: 0, indexBytes: 0 };
  const weights = astro.ok ? pageWeights(dist) : [];
  const search = astro.ok && searchIndex.ok && withSearch ? await measureSearch(dist, country.sampleSchools.slice(0, 3)) : [];
  const buildSecs = validate.secs + astro.secs + searchIndex.secs;
  const result: SizeResult = {
    schools: n,
    counts: country.counts,
    pages: stats.pages,
    files: stats.files,
    outputMB: stats.bytes / 2 ** 20,
    indexMB: stats.indexBytes / 2 ** 20,
    validate,
    astro,
    searchIndex,
    buildSecs,
    peakRssMB: Math.max(validate.sumRssMB, astro.sumRssMB, searchIndex.sumRssMB),
    msPerPage: (buildSecs * 1000) / Math.max(1, stats.pages),
    search,
    weights,
    keyText: keyTextSizes(data),
  };
  console.log(
    `  dist: ${stats.files} files, ${(stats.bytes / 2 ** 20).toFixed(0)} MB (${(stats.indexBytes / 2 ** 20).toFixed(0)} MB of it search indexes)`,
  );
  if (weights.length) console.log(`\n${weightTable(weights)}\n`);
  if (withLighthouse && weights.length && n === Math.max(...sizes)) result.lighthouse = await lighthouseLargest(dist, weights);
  if (withPeer && peerMissing) console.log('  hugo: NOT INSTALLED — no peer build, Hugo ratios not measured (apt-get install hugo)');
  if (withPeer && !peerMissing) {
    const hugo = join(OUT, `hugo-${n}`);
    const { pages, version } = buildHugoSite(data, hugo);
    const build = await timedRepeatedly(
      'hugo',
      () => rmSync(join(hugo, 'public'), { recursive: true, force: true }),
      () => timed(`hugo ${version}`, 'hugo', ['--quiet', '--source', hugo, '--destination', join(hugo, 'public')], { cwd: hugo }),
    );
    result.peer = { tool: 'hugo', version, pages, build, ratio: astro.secs / build.secs, buildRatio: buildSecs / build.secs };
    // Removing 100 000s of files takes minutes on a busy disk: --keep leaves them for later.
    if (!keepDist) rmSync(hugo, { recursive: true, force: true });
  }
  if (!keepDist && n >= 50_000 && !(keepLargest && n === Math.max(...sizes))) rmSync(dist, { recursive: true, force: true });
  return result;
}

/** The search key text of each school and group record (name index only), over one slice of about 5,000 records. */
function keyTextSizes(data: string): SizeResult['keyText'] {
  const { dataset } = validateProject(readProjectFiles(data));
  const total = dataset.schools.length + dataset.groups.length + dataset.regions.length + dataset.policies.length + dataset.terms.length;
  const parts = Math.max(1, Math.ceil(total / 5000));
  const sizes = buildSearchRecords(dataset, { part: 0, parts })
    .filter((r) => r.kind === 'school' || r.kind === 'group')
    .map((r) => r.tokens.join(' ').length);
  const mean = sizes.length ? sizes.reduce((a, b) => a + b, 0) / sizes.length : 0;
  return { records: sizes.length, mean, max: sizes.length ? Math.max(...sizes) : 0 };
}

/* ------------------------------------------------------------ planted error */

function plantedErrorDemo(n: number) {
  const dir = join(ROOT, 'bench/data', `${n}-bad`);
  const country = generateCountry({ schools: n, seed, plantError: true });
  writeCountry(dir, country);
  const started = performance.now();
  const run = spawnSync(process.execPath, ['scripts/validate.ts', '--root', dir], { cwd: SITE, encoding: 'utf8' });
  const secs = (performance.now() - started) / 1000;
  const message = (run.stderr ?? '').split('\n').filter(Boolean);
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `\n== planted error at ${n} schools (${country.planted?.file}:${country.planted?.line}): validate ${secs.toFixed(1)} s, exit ${run.status}`,
  );
  for (const l of message) console.log(`  ${l}`);
  return { schools: n, planted: country.planted, secs, exitCode: run.status, messages: message };
}

/* ------------------------------------------------------------ report */

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '—');

function table(results: SizeResult[]): string {
  const header = [
    'schools',
    'pages',
    'files',
    'validate s/MB',
    'astro s/MB',
    'index s/MB',
    'build s',
    'peak MB',
    'out MB',
    'ms/page',
    'slope ms/page',
    'search kB',
    'search ms (open page)',
    'first visit ms',
    'hugo s/MB',
    'astro/hugo',
    'build/hugo',
    'cpu ratio',
  ];
  const rows = results.map((r, i) => {
    const prev = results[i - 1];
    const slope = prev ? ((r.buildSecs - prev.buildSecs) * 1000) / (r.pages - prev.pages) : r.msPerPage;
    const s = r.search.filter((x) => !x.error);
    const kb = s.length ? Math.max(...s.map((x) => x.bytes)) / 1000 : NaN;
    const median = (xs: number[]) => (xs.length ? xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);
    const ms = median(s.map((x) => x.openMs));
    const firstVisitMs = median(s.map((x) => x.ms));
    return [
      String(r.schools),
      String(r.pages),
      String(r.files),
      `${f1(r.validate.secs)}/${f0(r.validate.sumRssMB)}`,
      `${f1(r.astro.secs)}/${f0(r.astro.sumRssMB)}`,
      `${f1(r.searchIndex.secs)}/${f0(r.searchIndex.sumRssMB)}`,
      f1(r.buildSecs),
      f0(r.peakRssMB),
      f0(r.outputMB),
      r.msPerPage.toFixed(2),
      slope.toFixed(2),
      f0(kb),
      f0(ms),
      f0(firstVisitMs),
      r.peer ? `${f1(r.peer.build.secs)}/${f0(r.peer.build.sumRssMB)}` : '—',
      r.peer ? r.peer.ratio.toFixed(1) : '—',
      r.peer ? r.peer.buildRatio.toFixed(1) : '—',
      r.peer ? (r.astro.cpuSecs / r.peer.build.cpuSecs).toFixed(1) : '—',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/**
 * One size, step by step: wall and CPU time, the peak RSS of the largest process and of
 * all the step's processes summed (the budget counts the sum), and each step's budget.
 */
function stepTable(r: SizeResult): string {
  const rssLimit = BUDGET.rssMB(r.schools);
  const hugo = r.peer?.build;
  const ratio = (secs: number, limit: number, ok: boolean) => {
    if (!hugo) return 'no Hugo: —';
    // A step that failed stopped early: its time says nothing against the budget.
    if (!ok) return 'step FAILED ✗';
    const x = secs / hugo.secs;
    return `${x.toFixed(2)}× Hugo (≤ ${limit}) ${x <= limit ? '✓' : '✗'}`;
  };
  const mem = (st: Step) => `${f0(st.sumRssMB)} ≤ ${rssLimit} ${st.sumRssMB <= rssLimit ? '✓' : '✗'}`;
  const full: Step = {
    secs: r.buildSecs,
    cpuSecs: r.validate.cpuSecs + r.astro.cpuSecs + r.searchIndex.cpuSecs,
    rssMB: Math.max(r.validate.rssMB, r.astro.rssMB, r.searchIndex.rssMB),
    sumRssMB: r.peakRssMB,
    ok: r.validate.ok && r.astro.ok && r.searchIndex.ok,
  };
  const rows: [string, Step | undefined, string, string][] = [
    ['validate', r.validate, mem(r.validate), ''],
    [
      `astro build + record JSON (${shardArg ?? 'default'} shards)`,
      r.astro,
      mem(r.astro),
      ratio(r.astro.secs, BUDGET.peerRatio, r.astro.ok),
    ],
    ['search index', r.searchIndex, mem(r.searchIndex), ''],
    ['full build (the three steps)', full, mem(full), ratio(r.buildSecs, BUDGET.buildPeerRatio, full.ok)],
    [`hugo ${r.peer?.version ?? '(not run)'}`, hugo, '(peer, no budget)', ''],
  ];
  const header = [
    'step',
    'wall s',
    'CPU s',
    'CPU/wall',
    'largest process MB',
    'all processes MB (sampled)',
    'memory budget',
    'time budget',
  ];
  const cells = rows.map(([name, st, memCell, time]) => [
    name,
    st ? f1(st.secs) : '—',
    st ? f1(st.cpuSecs) : '—',
    st ? (st.cpuSecs / st.secs).toFixed(2) : '—',
    st ? f0(st.rssMB) : '—',
    st ? f0(st.sumRssMB) : '—',
    memCell,
    time,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => (i === 0 || i >= 6 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join(' | ')} |`;
  return [
    `${r.schools} schools, ${r.pages} pages (peak RSS: /proc sampled every 200 ms, all processes of a step summed; /usr/bin/time gives the largest one):`,
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
}

function budgets(r: SizeResult) {
  const s = r.search.filter((x) => !x.error);
  const kb = s.length ? Math.max(...s.map((x) => x.bytes)) / 1000 : NaN;
  const indexKB = s.length ? Math.max(...s.map((x) => x.indexBytes)) / 1000 : NaN;
  const ms = s.length ? Math.max(...s.map((x) => x.openMs)) : NaN;
  const check = (name: string, value: number, limit: number, unit: string, atLeast = false) => ({
    name,
    value,
    limit: atLeast ? `≥ ${limit}` : limit,
    unit,
    met: atLeast ? value >= limit : value <= limit,
  });
  const gzKB = (ws: TemplateWeight[]) => Math.max(0, ...ws.map((w) => w.largest.gzBytes)) / 1024;
  const notMeasured = (name: string, limit: number, unit: string) => ({
    name: `${name} — NOT MEASURED (no Hugo)`,
    value: NaN,
    limit,
    unit,
    met: false,
  });
  const failed = (name: string, limit: number, unit: string) => ({ name: `${name} — a step FAILED`, value: NaN, limit, unit, met: false });
  return [
    !r.astro.ok
      ? failed('Astro / Hugo wall time', BUDGET.peerRatio, '×')
      : r.peer
        ? check('Astro / Hugo wall time', r.peer.ratio, BUDGET.peerRatio, '×')
        : notMeasured('Astro / Hugo wall time', BUDGET.peerRatio, '×'),
    !(r.validate.ok && r.astro.ok && r.searchIndex.ok)
      ? failed('full build / Hugo', BUDGET.buildPeerRatio, '×')
      : r.peer
        ? check('full build (validate + Astro + search index) / Hugo', r.peer.buildRatio, BUDGET.buildPeerRatio, '×')
        : notMeasured('full build / Hugo', BUDGET.buildPeerRatio, '×'),
    check('peak RSS of any step (all its processes summed)', r.peakRssMB, BUDGET.rssMB(r.schools), 'MB'),
    check('largest HTML page, gzipped', gzKB(r.weights), BUDGET.pageGzKB, 'kB'),
    check('largest record page, gzipped', gzKB(r.weights.filter((w) => RECORD_TEMPLATES.has(w.template))), BUDGET.recordPageGzKB, 'kB'),
    check('search download, first query: page + index, as a static host sends it (worst query)', kb, BUDGET.searchKB, 'kB'),
    check('search download, index files of one query (worst query)', indexKB, BUDGET.searchKB, 'kB'),
    check('search time of a query on the open search page, Enter to the result (worst query)', ms, BUDGET.searchMs, 'ms'),
    ...(r.lighthouse
      ? [
          check(
            `Lighthouse mobile performance, worst largest page of a template (${r.lighthouse.length} templates; ${
              r.lighthouse.reduce((a, b) => (b.performance < a.performance ? b : a)).url
            })`,
            Math.min(...r.lighthouse.map((l) => l.performance)),
            BUDGET.lighthouse,
            '',
            true,
          ),
        ]
      : []),
  ];
}

/** Budgets of one name search (issue #15): what a query may download (kB of 1000 bytes, responseBytes) and take. */
const NAME_SEARCH_BUDGET = { kB: 100, ms: 300 };

/**
 * The search page itself, opened without a query in a cold browser: HTML, script,
 * style and whatever else it loads, as a static host sends them (responseBytes). The same
 * at every size (the region filter lists provinces only above 400 regions), so a built
 * site of any size (dist/) tells what a first query adds to its index files.
 */
async function measureSearchPage(dist: string): Promise<{ bytes: number; requests: string[] }> {
  const { launchBrowser } = await import('./chromium.ts');
  const { server, url, sent } = await serveCounting(dist);
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${url}/search/`, { waitUntil: 'networkidle' });
    return { bytes: sent.bytes - sent.indexBytes, requests: sent.requests.filter((r) => !isIndexPath(r)) };
  } finally {
    await browser.close();
    server.close();
  }
}

async function searchOnlyMain() {
  mkdirSync(OUT, { recursive: true });
  const all: object[] = [];
  const pageSite = resolve(pageSiteArg ?? join(ROOT, 'dist'));
  const page = existsSync(join(pageSite, 'search/index.html')) ? await measureSearchPage(pageSite) : undefined;
  console.log(
    page
      ? `search page (${relative(ROOT, pageSite) || '.'}/search/, cold, as a static host sends it): ${(page.bytes / 1000).toFixed(1)} kB — ${page.requests.join(', ')}`
      : `search page not measured: no ${pageSite}/search/index.html (npm run build, or --page-site DIR)`,
  );
  for (const n of sizes) {
    console.log(`\n== ${n} schools: name search only`);
    const data = join(ROOT, 'bench/data', String(n));
    if (regen || !existsSync(join(data, 'country.json'))) writeCountry(data, generateCountry({ schools: n, seed }));
    const site = join(OUT, `search-${n}`);
    const reuse = reuseIndex && existsSync(join(site, 'search-index/table.idx'));
    const index = reuse
      ? 'reused'
      : await timed('search index (names only)', process.execPath, ['scripts/search-index.ts', '--site', site, '--names-only'], {
          cwd: ROOT,
          env: { DATA_ROOT: data },
        });
    if (index !== 'reused' && !index.ok) continue;
    const results = await measureNameSearch(join(site, 'search-index'), benchQueries(data));
    const lines = summarise(results);
    console.log(lines.map((l) => `  ${l}`).join('\n'));
    const answered = results.filter((r) => r.how !== 'none');
    const worstKB = Math.max(...answered.map((r) => r.bytes)) / 1000;
    const worstMs = Math.max(...answered.map((r) => r.ms));
    const worstCpu = Math.max(...answered.map((r) => r.cpuMs));
    const firstKB = page ? page.bytes / 1000 + worstKB : NaN;
    console.log(
      `  worst query: ${worstKB.toFixed(1)} kB of index files (budget ${NAME_SEARCH_BUDGET.kB} kB), ` +
        `${worstMs.toFixed(0)} ms wall, ${worstCpu.toFixed(0)} ms CPU (budget ${NAME_SEARCH_BUDGET.ms} ms) — Node on this machine, page script not included\n` +
        `  first query: ${page ? `${firstKB.toFixed(1)} kB = page ${(page.bytes / 1000).toFixed(1)} + index ${worstKB.toFixed(1)}` : 'page not measured'} (budget ${NAME_SEARCH_BUDGET.kB} kB)\n` +
        `  bytes: as a static host sends them — index files (.idx, gzip already) as they are, the page's text files gzip-compressed; kB = 1000 bytes`,
    );
    all.push({ schools: n, index, summary: lines, pageBytes: page?.bytes, firstQueryKB: firstKB, results });
  }
  writeFileSync(join(OUT, 'search-results.json'), `${JSON.stringify({ date: new Date().toISOString(), seed, sizes: all }, null, 2)}\n`);
  console.log(`\nResults: ${join(OUT, 'search-results.json')}`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  if (withPeer && spawnSync('hugo', ['version']).status !== 0) {
    console.log('hugo missing: trying apt-get install -y hugo');
    spawnSync('apt-get', ['install', '-y', 'hugo'], { stdio: 'inherit' });
    peerMissing = spawnSync('hugo', ['version']).status !== 0;
    if (peerMissing)
      console.log('HUGO IS NOT INSTALLED: the Hugo peer build is skipped and the ratio budgets are reported as not measured.');
  }
  if (!existsSync('/usr/bin/time')) spawnSync('apt-get', ['install', '-y', 'time'], { stdio: 'inherit' });
  snapshotSite();
  const resultsFile = join(OUT, 'results.json');
  const results: SizeResult[] = [];
  const machine = {
    cpus: (await import('node:os')).cpus().length,
    memGB: (await import('node:os')).totalmem() / 2 ** 30,
    node: process.version,
  };
  const save = (extra: object = {}) =>
    writeFileSync(
      resultsFile,
      `${JSON.stringify({ date: new Date().toISOString(), seed, machine, budget: BUDGET, results, ...extra }, null, 2)}\n`,
    );
  // An editor's 1,000-row list through npm run import (issue #14: seconds, not minutes).
  const importTiming = await benchImport(1000);
  const importSecs = importTiming.previewSecs + importTiming.writeSecs;
  console.log(`import of 1000 rows: preview ${f1(importTiming.previewSecs)} s + write ${f1(importTiming.writeSecs)} s (budget 10 s)`);
  // Planning a 100,000-row list (issue #30: n log n, not the square of the rows); stopped at 3× its budget.
  const planTiming = await benchImport(PLAN_BUDGET.rows, { write: false });
  const planReport = formatImportTiming(planTiming, PLAN_BUDGET.secs * 3);
  console.log(planReport);
  for (const n of sizes) {
    results.push(await runSize(n));
    save({ importTiming, planTiming });
  }
  const largest = Math.max(...sizes);
  const planted = plantedErrorDemo(largest);
  const last = results[results.length - 1]!;
  const verdict = budgets(last);
  save({ importTiming, planTiming, plantedError: planted, budgets: { schools: last.schools, checks: verdict } });
  console.log(`\n${table(results)}\n`);
  for (const r of results) console.log(`${stepTable(r)}\n`);
  console.log(`Budgets at ${last.schools} schools:`);
  for (const b of verdict) console.log(`  ${b.met ? '✓' : '✗'} ${b.name}: ${f1(b.value)} ${b.unit} (budget ${b.limit} ${b.unit})`);
  for (const r of results.slice(0, -1)) {
    console.log(`Budgets at ${r.schools} schools:`);
    for (const b of budgets(r)) console.log(`  ${b.met ? '✓' : '✗'} ${b.name}: ${f1(b.value)} ${b.unit} (budget ${b.limit} ${b.unit})`);
  }
  console.log(`  ${importSecs <= 10 ? '✓' : '✗'} import of 1000 rows (preview + write): ${f1(importSecs)} s (budget 10 s)`);
  console.log(planReport.split('\n').at(-1));
  // Search keys left the pages (issue #15): they live only in the name index, whose bytes
  // per query are budgeted above, so their length is a figure to watch, not a budget.
  for (const r of results) {
    const t = r.keyText;
    console.log(
      `  search key text per school or group at ${r.schools}: mean ${f1(t.mean)} chars of ${t.records} records, longest ${t.max}`,
    );
  }
  console.log(`\nResults: ${resultsFile}`);
}

if (import.meta.main) {
  readCommandLine();
  if (weightsOnly) {
    // npm run bench -- --weights DIR: the page-weight table of a site already built.
    const stats = outputStats(weightsOnly);
    console.log(`${stats.files} files, ${(stats.bytes / 2 ** 20).toFixed(1)} MB\n${weightTable(pageWeights(weightsOnly))}`);
  } else await (searchOnly ? searchOnlyMain() : main());
}
