/**
 * node scripts/search-index.ts --site DIR
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
 * Files are gzip-compressed JSON (.idx, like Pagefind's own files), so what a reader
 * downloads is small whether or not the web server compresses.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { NAME_INDEX_PATH, nameIndexFiles } from '../src/lib/search/name-index.ts';
import { planShards } from '../src/lib/search/shards.ts';
import { buildSearchRecords } from '../src/lib/search/record.ts';
import { formatProblem } from '../src/lib/validate/problem.ts';
import { readProjectFiles } from '../src/lib/validate/read-project.ts';
import { validateProject } from '../src/lib/validate/validate.ts';

const args = process.argv.slice(2);
const siteArg = args.indexOf('--site');
if (siteArg < 0 || !args[siteArg + 1]) {
  console.error('用法：node scripts/search-index.ts --site <构建目录>');
  process.exit(2);
}
const site = resolve(args[siteArg + 1]!);
const dataRoot = resolve(process.env.DATA_ROOT ?? '.');
const started = performance.now();
const secs = () => ((performance.now() - started) / 1000).toFixed(1);
/** Seconds per stage, printed with the summary (the benchmark reads where the time goes). */
const laps: string[] = [];
let lapStart = started;
const lap = (name: string) => {
  const now = performance.now();
  laps.push(`${name} ${((now - lapStart) / 1000).toFixed(1)} s`);
  lapStart = now;
};

const { dataset, problems } = validateProject(readProjectFiles(dataRoot));
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  process.exit(1);
}
lap('校验');

// The name index.
const profiled = new Set(dataset.groupProfiles.map((p) => p.group));
const records = buildSearchRecords(dataset);
lap('搜索键');
const plan = planShards(records);
lap('拆分');
const nameDir = join(site, NAME_INDEX_PATH);
rmSync(nameDir, { recursive: true, force: true });
let nameBytes = 0;
let fileCount = 0;
const made = new Set<string>();
for (const [name, value] of nameIndexFiles(records, plan)) {
  const file = join(nameDir, `${name}.idx`);
  const dir = dirname(file);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  const body = gzipSync(JSON.stringify(value));
  nameBytes += body.length;
  fileCount++;
  writeFileSync(file, body);
}
lap('写入');
const largest = Math.max(...plan.bundles.map((b) => b.members.length));
console.log(
  `名称索引：${records.length} 条记录，${plan.bundles.length} 个分包（最大 ${largest} 条，拆分 ${plan.table.splits.length} 条路由），${fileCount} 个文件，${(nameBytes / 2 ** 20).toFixed(1)} MB（${secs()} s）`,
);

// The full-text index: every page but school pages and group pages without a profile.
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
for (const path of pages) {
  const url = `/${relative(site, path).split(sep).join('/')}`.replace(/index\.html$/, '');
  const res = await index.addHTMLFile({ url, content: readFileSync(path, 'utf8') });
  if (res.errors.length > 0) throw new Error(`Pagefind: ${path}: ${res.errors.join('; ')}`);
}
const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
lap('全文索引');
console.log(`全文索引：${pages.length} 个页面（${secs()} s；${laps.join('，')}）`);
