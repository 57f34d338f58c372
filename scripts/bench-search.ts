/**
 * The name search alone, at country scale: what `npm run bench -- --search-only` runs.
 *
 * Reads a name index written by `scripts/search-index.ts --names-only` and answers
 * queries through the search page's own loop (src/lib/search/run.ts), each with a
 * cold cache, reading the .idx files from disk as the page downloads them. Per query:
 * the bytes of the index files read (gzip already: what a static host sends), and the
 * wall and CPU time from the query to the first page of results (read, unpack, parse,
 * rank), split by how the query was
 * answered: strict (exact), sound or tolerant (close). No browser and no Astro build: the
 * page's own HTML, script and style are the same at every size and are weighed once
 * by scripts/bench.ts (measureSearchPage), which adds them for a first query.
 *
 * Queries come from the generated schools: each sampled school by its full name and,
 * half-remembered, with a character too many, inside a question or a spoken sentence,
 * with a characteristic character left out, wrong or a homophone, in pinyin with a
 * 模糊音 slip (zh → z …), and in English (… Primary School). The generated data repeats
 * names, so a result of the same name counts as found. A query that needs the pinyin
 * table (the sound pass) counts its bytes too: the page loads it as a script of its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { gzipSync } from 'node:zlib';
import { pinyinOf } from '../src/lib/search/keys.ts';
import { PINYIN_TABLE } from '../src/lib/search/pinyin-table.ts';
import { runSearch } from '../src/lib/search/run.ts';
import { setPinyinTable } from '../src/lib/search/sound.ts';
import '../src/lib/search/simplify.ts';

export interface SearchBenchQuery {
  query: string;
  kind: 'full' | 'dropped' | 'slip' | 'extra' | 'question' | 'spoken' | 'homophone' | 'fuzzy' | 'english';
  expectedUrl: string;
  /** The school's name: generated data repeats names, and any school of that name counts as found. */
  expectedTitle: string;
}

export interface SearchBenchResult extends SearchBenchQuery {
  how: string;
  first: boolean;
  bytes: number;
  files: number;
  ms: number;
  /** CPU time of the query (user + system): less at the mercy of other work on the machine than ms. */
  cpuMs: number;
}

/** Characters by reading (the page's pinyin table), to put a homophone in a name. */
const sameSound = new Map<string, string>();
for (const [, reading, chars] of PINYIN_TABLE.matchAll(/([a-z]+)([^a-z]+)/g)) for (const ch of chars!) sameSound.set(ch, reading! + chars!);
const homophoneOf = (ch: string) => [...(sameSound.get(ch) ?? '').replace(/^[a-z]+/, '')].find((c) => c !== ch);
/** A 模糊音 slip in run-together pinyin: the first of zh → z, sh → s, ch → c, ing → in, eng → en, ang → an. */
function fuzzySlip(letters: string): string | null {
  const pairs: [string, string][] = [
    ['zh', 'z'],
    ['sh', 's'],
    ['ch', 'c'],
    ['ing', 'in'],
    ['eng', 'en'],
    ['ang', 'an'],
  ];
  for (const [from, to] of pairs) {
    const i = letters.indexOf(from, 2);
    if (i >= 0) return letters.slice(0, i) + to + letters.slice(i + from.length);
  }
  return null;
}
const ENGLISH_KIND: [RegExp, string][] = [
  [/小学$/u, 'Primary School'],
  [/初级中学$/u, 'Junior High School'],
  [/中学$/u, 'Middle School'],
];

/** Every `step`-th school of the generated data, and half-remembered forms of its name. */
export function benchQueries(dataDir: string, count = 40): SearchBenchQuery[] {
  const schools = Papa.parse<{ id: string; name: string }>(readFileSync(join(dataDir, 'data/schools.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const step = Math.max(1, Math.floor(schools.length / count));
  const out: SearchBenchQuery[] = [];
  for (let i = 0; i < schools.length; i += step) {
    const { id, name } = schools[i]!;
    const chars = [...name];
    const q = { expectedUrl: `/schools/${id}/`, expectedTitle: name };
    out.push({ ...q, query: name, kind: 'full' });
    out.push({ ...q, query: `${name}校`, kind: 'extra' });
    out.push({ ...q, query: `请问${name}在哪个集团`, kind: 'question' });
    out.push({ ...q, query: `孩子在${name}读书，它有集团吗`, kind: 'spoken' });
    const letters = pinyinOf(name).full;
    const fuzzy = fuzzySlip(letters.join(''));
    if (fuzzy) out.push({ ...q, query: fuzzy, kind: 'fuzzy' });
    const english = ENGLISH_KIND.find(([re]) => re.test(name));
    if (english) {
      const head = name.replace(english[0], '');
      const spelled = pinyinOf(head).full.join('');
      out.push({ ...q, query: `${spelled[0]!.toUpperCase()}${spelled.slice(1)} ${english[1]}`, kind: 'english' });
    }
    // A character that says which school it is (路 in 工人路小学), not a numeral (第一 and
    // 第二 cannot be told apart once the numeral is gone) or a type word, nor the first two.
    let mid = chars.length - 3;
    while (mid >= 2 && /[第零〇一二三四五六七八九十百千小中学初高级校区市县镇]/u.test(chars[mid]!)) mid--;
    if (mid < 2) continue;
    out.push({ ...q, query: [...chars.slice(0, mid), ...chars.slice(mid + 1)].join(''), kind: 'dropped' });
    out.push({ ...q, query: [...chars.slice(0, mid), '甲', ...chars.slice(mid + 1)].join(''), kind: 'slip' });
    const homophone = homophoneOf(chars[mid]!);
    if (homophone) out.push({ ...q, query: [...chars.slice(0, mid), homophone, ...chars.slice(mid + 1)].join(''), kind: 'homophone' });
  }
  return out;
}

/** Runs each query with a cold cache over the index in `indexDir` (DIR/search-index). */
export async function measureNameSearch(indexDir: string, queries: SearchBenchQuery[]): Promise<SearchBenchResult[]> {
  const results: SearchBenchResult[] = [];
  // One query first, not counted: the times below are a cold cache, not a cold JIT.
  if (queries[0])
    await runSearch(
      queries[0].query,
      {},
      {
        indexFile: (name) =>
          Promise.resolve(JSON.parse(gunzipSync(readFileSync(join(indexDir, `${name}.idx`))).toString('utf8')) as unknown),
      },
    );
  // The page's pinyin table is a script of its own (as a static host sends it: gzip).
  const pinyinBytes = gzipSync(`export const PINYIN_TABLE='${PINYIN_TABLE}';`).length;
  for (const q of queries) {
    let bytes = 0;
    const read = new Map<string, Promise<unknown>>();
    // Cold cache: the table is loaded again (and counted) for each query that needs it.
    setPinyinTable('');
    let pinyinLoaded = false;
    const loadPinyin = () => {
      if (!pinyinLoaded) {
        pinyinLoaded = true;
        bytes += pinyinBytes;
        setPinyinTable(PINYIN_TABLE);
      }
      return Promise.resolve();
    };
    const indexFile = (name: string) => {
      let file = read.get(name);
      if (!file) {
        const body = readFileSync(join(indexDir, `${name}.idx`));
        bytes += body.length;
        file = Promise.resolve(JSON.parse(gunzipSync(body).toString('utf8')) as unknown);
        read.set(name, file);
      }
      return file;
    };
    const started = performance.now();
    const cpu = process.cpuUsage();
    const outcome = await runSearch(q.query, {}, { indexFile, loadPinyin });
    const items = outcome ? await outcome.next(0, 10) : [];
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const first = items[0]?.url === q.expectedUrl || items[0]?.title === q.expectedTitle;
    results.push({ ...q, how: outcome?.how ?? 'none', first, bytes, files: read.size, ms, cpuMs });
  }
  return results;
}

/** One line per kind and answer (strict or tolerant): found first, bytes and ms (median, worst). */
export function summarise(results: SearchBenchResult[]): string[] {
  const groups = new Map<string, SearchBenchResult[]>();
  for (const r of results) {
    const pass = r.how === 'close' ? 'tolerant' : r.how === 'sound' ? 'sound' : r.how === 'none' ? 'none' : 'strict';
    const key = `${r.kind.padEnd(9)} ${pass.padEnd(8)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const lines = ['kind      answer       n  first  kB med  kB max  ms med  ms max  cpu med  cpu max'];
  for (const [key, list] of [...groups].sort()) {
    const kb = list.map((r) => r.bytes / 1000);
    const ms = list.map((r) => r.ms);
    const cpu = list.map((r) => r.cpuMs);
    lines.push(
      [
        key,
        String(list.length).padStart(4),
        String(list.filter((r) => r.first).length).padStart(6),
        median(kb).toFixed(1).padStart(7),
        Math.max(...kb)
          .toFixed(1)
          .padStart(7),
        median(ms).toFixed(0).padStart(7),
        Math.max(...ms)
          .toFixed(0)
          .padStart(7),
        median(cpu).toFixed(0).padStart(8),
        Math.max(...cpu)
          .toFixed(0)
          .padStart(8),
      ].join(' '),
    );
  }
  return lines;
}
