/**
 * The name search alone, at country scale: what `npm run bench -- --search-only` runs.
 *
 * Reads a name index written by `scripts/search-index.ts --names-only` and answers
 * queries through the search page's own loop (src/lib/search/run.ts), each with a
 * cold cache, reading the .idx files from disk as the page downloads them. Per query:
 * the bytes of the index files read (gzip already: what a static host sends), and the
 * wall and CPU time from the query to the first page of results (read, unpack, parse,
 * rank), split by how the query was
 * answered: strict (exact) or tolerant (close). No browser and no Astro build: the
 * page's own HTML, script and style are the same at every size and are weighed once
 * by scripts/bench.ts (measureSearchPage), which adds them for a first query.
 *
 * Queries come from the generated schools: each sampled school by its full name and,
 * half-remembered, with a character too many, inside a question, and with a
 * characteristic character left out or wrong. The generated data repeats names, so
 * a result of the same name counts as found.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { runSearch } from '../src/lib/search/run.ts';
import '../src/lib/search/simplify.ts';

export interface SearchBenchQuery {
  query: string;
  kind: 'full' | 'dropped' | 'slip' | 'extra' | 'question';
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
    // A character that says which school it is (路 in 工人路小学), not a numeral (第一 and
    // 第二 cannot be told apart once the numeral is gone) or a type word, nor the first two.
    let mid = chars.length - 3;
    while (mid >= 2 && /[第零〇一二三四五六七八九十百千小中学初高级校区市县镇]/u.test(chars[mid]!)) mid--;
    if (mid < 2) continue;
    out.push({ ...q, query: [...chars.slice(0, mid), ...chars.slice(mid + 1)].join(''), kind: 'dropped' });
    out.push({ ...q, query: [...chars.slice(0, mid), '甲', ...chars.slice(mid + 1)].join(''), kind: 'slip' });
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
  for (const q of queries) {
    let bytes = 0;
    const read = new Map<string, Promise<unknown>>();
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
    const outcome = await runSearch(q.query, {}, { indexFile });
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
    const pass = r.how === 'close' ? 'tolerant' : r.how === 'none' ? 'none' : 'strict';
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
