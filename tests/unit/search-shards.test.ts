/**
 * The sharded name index (shards.ts, name-index.ts) on the portal fixture: every query of
 * tests/search-queries.csv finds the same first record through the route table and
 * one key bundle per key as it does in one unsharded bundle, with the default plan
 * and with a tiny one that splits nearly every route; every prefix of every key lands
 * in a bundle that answers it (or, at a split route, answers it with the best records);
 * and the display files hold every record exactly once.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { HAN_PREFIX, hanKey, hanToken, matchToken, PINYIN_PREFIX, pinyinKey, pinyinToken } from '../../src/lib/search/codes.ts';
import {
  buildNameIndex,
  bundleFile,
  bundlesFor,
  chunkFile,
  chunkOf,
  filterCode,
  filterNames,
  matchesFilters,
  rankRecords,
  RECORDS_PER_CHUNK,
  tableFile,
  type ActiveFilters,
  type DisplayEntry,
  type KeyBundle,
  type NameIndex,
  type NameIndexTable,
} from '../../src/lib/search/name-index.ts';
import { hasSimplifier } from '../../src/lib/search/normalize.ts';
import { compareMatches, isAmbiguous, planQuery, type Attempt } from '../../src/lib/search/query.ts';
import { runSearch } from '../../src/lib/search/run.ts';
// The sound pass reads Chinese queries through the pinyin table, which the page loads on demand.
import '../../src/lib/search/pinyin-table.ts';
import { buildSearchRecords } from '../../src/lib/search/record.ts';
import {
  bucketOf,
  bundleFor,
  isCrowded,
  defaultShardOptions,
  firstInOrder,
  planShards,
  RECORD_BYTES,
  tokenBody,
  type ShardOptions,
  type ShardTable,
} from '../../src/lib/search/shards.ts';
import { simplify } from '../../src/lib/search/simplify.ts';
import { readProjectFiles } from '../../src/lib/validate/read-project.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { PORTAL } from '../fixture-data.ts';

const { dataset } = validateProject(readProjectFiles(PORTAL));
const records = buildSearchRecords(dataset);

/** Small enough that the real data splits into many routes and stubs. */
const tiny: ShardOptions = { maxRecords: 6, stubRecords: 4 };
const defaultIndex = buildNameIndex(records);
const tinyIndex = buildNameIndex(records, tiny);

const isKeyToken = (t: string) => t.startsWith(HAN_PREFIX) || t.startsWith(PINYIN_PREFIX);
const tableOf = (index: NameIndex) => index.files.get(tableFile()) as NameIndexTable;

/** The unsharded index: one bundle with every key token of the given records (all by default). */
function wholeBundle(only: Iterable<number> = records.keys()): KeyBundle {
  const members: [number, string, number][] = [];
  const filters: string[] = [];
  for (const record of [...only].sort((a, b) => a - b)) {
    members.push([record, records[record]!.tokens.filter(isKeyToken).join(' '), filters.push(filterCode(records[record]!.filters)) - 1]);
  }
  return { members, filters };
}
const whole = wholeBundle();

type Lookup = (keys: readonly string[]) => (KeyBundle | undefined)[];
/** What the search page does: read the table, fetch one bundle per key. */
const shardedLookup =
  (index: NameIndex): Lookup =>
  (keys) =>
    bundlesFor(tableOf(index), keys).map((name) => (name === undefined ? undefined : (index.files.get(bundleFile(name)) as KeyBundle)));
const unshardedLookup: Lookup = (keys) => keys.map(() => whole);

/** One bundle holds every route: what the sharded indexes must answer like. */
const unshardedIndex = buildNameIndex(records, { maxRecords: Infinity, stubRecords: Infinity });

/** The search page's loop (run.ts) over an index in memory: the attempt that answered, its first urls, ambiguity. */
async function answer(
  query: string,
  index: NameIndex,
  first = 5,
): Promise<{
  attempt: Attempt | undefined;
  urls: string[];
  exact: number;
  /** Answered by the tolerant or the sound pass. */
  close: boolean;
  ambiguous: boolean;
}> {
  const outcome = await runSearch(query, {}, { indexFile: (name) => Promise.resolve(index.files.get(name)) });
  if (!outcome || outcome.total === 0) return { attempt: undefined, urls: [], exact: 0, close: false, ambiguous: false };
  const urls = (await outcome.next(0, first)).map((r) => r.url);
  const close = outcome.how === 'close' || outcome.how === 'sound';
  return { attempt: outcome.attempt, urls, exact: outcome.exact, close, ambiguous: outcome.ambiguous };
}

const url = (got: { urls: string[] }) => got.urls[0] ?? '(nothing)';

/** Every whole-character (qz) or whole-letter (qp) prefix of a key body, from the shortest a route can have. */
function prefixKeys(body: string): string[] {
  const unit = body.startsWith(HAN_PREFIX) ? 3 : 1;
  const units = (body.length - 2) / unit;
  const min = Math.min(body.startsWith(PINYIN_PREFIX) ? 2 : 1, units);
  const keys: string[] = [];
  for (let n = min; n <= units; n++) keys.push(body.slice(0, 2 + n * unit));
  return keys;
}

/** Every prefix key of every key token → the records with a token it starts. */
function keyRecords(): Map<string, Set<number>> {
  const map = new Map<string, Set<number>>();
  records.forEach((r, record) => {
    for (const token of r.tokens.filter(isKeyToken)) {
      for (const key of prefixKeys(tokenBody(token))) {
        const set = map.get(key);
        if (set) set.add(record);
        else map.set(key, new Set([record]));
      }
    }
  });
  return map;
}

describe('the query set, sharded and unsharded', () => {
  const rows = Papa.parse<{ query: string; kind: string; expected_url: string }>(readFileSync('tests/search-queries.csv', 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;

  it('reads the whole query set', () => {
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((r) => r.kind))).toContain('traditional');
  });

  it('simplifies traditional queries here, as the page does once the dictionary is loaded', () => {
    expect(hasSimplifier()).toBe(true);
    expect(planQuery('經八路小學').attempts[0]!.keys).toEqual([hanKey('经8路小')]);
    for (const row of rows.filter((r) => r.kind === 'traditional')) {
      const plan = planQuery(row.query);
      expect(plan.folded, row.query).not.toBe(row.query.trim());
      expect(simplify(plan.folded), row.query).toBe(plan.folded);
      expect(plan.attempts[0]!.kind, row.query).not.toBe('text');
    }
  });

  it('splits the tiny plan into many routes and bundles', () => {
    const table = tableOf(tinyIndex);
    expect(table.splits.length).toBeGreaterThan(10);
    expect(table.buckets).toBeGreaterThan(10);
    expect(tinyIndex.plan.routes).toBeGreaterThan(table.splits.length);
    // The default plan keeps the few records of the real data in few bundles.
    expect(tableOf(defaultIndex).buckets).toBeLessThan(table.buckets);
  });

  it('answers every query unsharded with the expected record first', async () => {
    expect(tableOf(unshardedIndex).buckets).toBe(1);
    const answers = await Promise.all(rows.map(async (row) => ({ row, got: await answer(row.query, unshardedIndex) })));
    const misses = answers
      .filter(({ row, got }) => url(got) !== row.expected_url)
      .map(({ row, got }) => `${row.query} → ${url(got)}, expected ${row.expected_url}`);
    expect(misses).toEqual([]);
  });

  for (const [name, index, options] of [
    ['default', defaultIndex, defaultShardOptions],
    ['tiny', tinyIndex, tiny],
  ] as const) {
    it(`answers every query with the ${name} plan as it does unsharded`, async () => {
      const problems: string[] = [];
      const missedClose: string[] = [];
      for (const row of rows) {
        const n = options.stubRecords;
        const sharded = await answer(row.query, index, n);
        const unsharded = await answer(row.query, unshardedIndex, n);
        // A slip among the characters a split index routes by is looked for only in the stubs
        // of shorter routes (tolerant.ts closeBundles), a 模糊音 pair among the letters it routes
        // by only in a few bundles (sound.ts soundBundles): with 4-record stubs, either may be missed.
        if (options === tiny && unsharded.close && sharded.urls.length === 0) {
          missedClose.push(row.query);
          continue;
        }
        if (url(sharded) !== row.expected_url) problems.push(`${row.query} → ${url(sharded)}, expected ${row.expected_url}`);
        if (url(sharded) !== url(unsharded)) problems.push(`${row.query}: sharded ${url(sharded)}, unsharded ${url(unsharded)}`);
        if (sharded.attempt && unsharded.attempt) {
          if (sharded.attempt.pagefindQuery !== unsharded.attempt.pagefindQuery) problems.push(`${row.query}: answered by another attempt`);
          else if (sharded.attempt.keys.length === 1) {
            // One key: the sharded list of exact matches starts with the unsharded one, at least as
            // far as a stub reaches (close matches after them come from the bundles each index has).
            const k = Math.min(sharded.urls.length, unsharded.urls.length, sharded.exact, unsharded.exact);
            if (JSON.stringify(sharded.urls.slice(0, k)) !== JSON.stringify(unsharded.urls.slice(0, k)))
              problems.push(`${row.query}: first ${k} differ`);
          }
          if (sharded.ambiguous !== unsharded.ambiguous) problems.push(`${row.query}: ambiguity differs`);
        }
      }
      expect(problems).toEqual([]);
      expect(missedClose.length, missedClose.join(' ')).toBeLessThanOrEqual(options === tiny ? 2 : 0);
    });
  }
});

describe('planShards: completeness', () => {
  const byKey = keyRecords();

  it('enumerates a good number of keys from the portal fixture (tests/fixtures/portal/)', () => {
    expect(byKey.size).toBeGreaterThan(1000);
  });

  for (const options of [tiny, { maxRecords: 3, stubRecords: 1 }, { maxRecords: 12, stubRecords: 12 }]) {
    describe(`maxRecords ${options.maxRecords}, stubRecords ${options.stubRecords}`, () => {
      const index = options === tiny ? tinyIndex : buildNameIndex(records, options);
      const { table, bundles } = index.plan;
      const splits = new Set(table.splits);
      const bundleByName = new Map(bundles.map((b) => [b.name, b]));

      /** Where a key stops walking down the split routes (computed here, not by shards.ts). */
      const stopOf = (key: string) => {
        const keys = prefixKeys(key);
        let i = 0;
        while (i < keys.length - 1 && splits.has(keys[i]!)) i++;
        return keys[i]!;
      };

      it('splits exactly the routes with too many records that can split, parents first', () => {
        expect(table.splits.length).toBeGreaterThan(0);
        expect(table.splits).toEqual([...splits].sort());
        expect(splits.size).toBe(table.splits.length);
        for (const route of table.splits) {
          const under = byKey.get(route);
          expect(under, route).toBeDefined();
          expect(under!.size, route).toBeGreaterThan(options.maxRecords);
          const chain = prefixKeys(route);
          for (const parent of chain.slice(0, -1)) expect(splits.has(parent), `${parent} above ${route}`).toBe(true);
        }
        for (const [key, set] of byKey) {
          // A reachable route with too many records that is not split: no longer key under it.
          if (set.size <= options.maxRecords || splits.has(key) || stopOf(key) !== key) continue;
          const longer = [...byKey.keys()].filter((k) => k.length > key.length && k.startsWith(key));
          expect(longer, key).toEqual([]);
        }
      });

      it('sends every prefix of every token to a bundle that answers it', () => {
        const keys = [...byKey.keys()].sort();
        // Deterministic sample when the data grows: at most 20 000 keys.
        const step = Math.max(1, Math.ceil(keys.length / 20_000));
        const problems: string[] = [];
        let stubs = 0;
        for (let k = 0; k < keys.length; k += step) {
          const key = keys[k]!;
          const stop = stopOf(key);
          const name = bundleFor(table, key);
          if (name !== `b${bucketOf(stop, table.buckets)}`) {
            problems.push(`${key}: bundle ${name}, expected b${bucketOf(stop, table.buckets)} (route ${stop})`);
            continue;
          }
          const bundle = index.files.get(bundleFile(name)) as KeyBundle | undefined;
          if (!bundle) {
            problems.push(`${key}: no file ${bundleFile(name)}`);
            continue;
          }
          const matching = byKey.get(key)!;
          const sharded = rankRecords([key], [bundle]);
          const unsharded = rankRecords([key], [wholeBundle(matching)]);
          expect(unsharded.length).toBe(matching.size);
          if (stop === key && (splits.has(key) || matching.size > options.maxRecords)) {
            stubs++;
            const n = Math.min(options.stubRecords, matching.size);
            if (sharded.length < n) problems.push(`${key}: stub has ${sharded.length} records, expected at least ${n}`);
            else if (JSON.stringify(sharded.slice(0, n)) !== JSON.stringify(unsharded.slice(0, n)))
              problems.push(`${key}: stub is not the best ${n} records`);
          } else {
            const found = new Set(sharded.map((r) => r.item));
            const missing = [...matching].filter((record) => !found.has(record));
            if (missing.length > 0) problems.push(`${key}: records ${missing.join(',')} missing from ${name} (route ${stop})`);
            else if (JSON.stringify(sharded) !== JSON.stringify(unsharded)) problems.push(`${key}: ranked differently from unsharded`);
          }
          if (problems.length > 20) break;
        }
        expect(problems).toEqual([]);
        expect(stubs).toBeGreaterThan(0);
      });

      it('files each token only in a bundle that some prefix of it is sent to', () => {
        const problems: string[] = [];
        for (const bundle of bundles) {
          for (const { record, tokens } of bundle.members) {
            for (const token of tokens) {
              if (!records[record]!.tokens.includes(token)) problems.push(`${bundle.name}: ${token} is not a token of record ${record}`);
              else if (!prefixKeys(tokenBody(token)).some((key) => bundleFor(table, key) === bundle.name))
                problems.push(`${bundle.name}: ${token} of record ${record} is never looked up there`);
            }
          }
        }
        expect(problems).toEqual([]);
        expect(bundles.map((b) => b.name)).toEqual(Array.from({ length: table.buckets }, (_, i) => `b${i}`));
        expect(bundleByName.size).toBe(table.buckets);
      });
    });
  }
});

describe('firstInOrder', () => {
  it('gives what sorting all and keeping the first would', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) % 50;
    // Many equal first keys, told apart by the second (a total order, as stub() uses).
    const compare = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];
    for (const [size, count] of [
      [0, 3],
      [5, 10],
      [10, 0],
      [200, 1],
      [1000, 30],
      [1000, 999],
    ] as const) {
      const items = Array.from({ length: size }, (_, i): [number, number] => [random(), i]);
      const expected = [...items].sort(compare).slice(0, count);
      expect(firstInOrder([...items], compare, count), `${size} items, first ${count}`).toEqual(expected);
    }
  });
});

describe('planShards on made-up records', () => {
  const small: ShardOptions = { maxRecords: 3, stubRecords: 2 };
  const recordsOf = (tokens: string[][]) => tokens.map((t) => ({ tokens: t }));
  /** The records a key finds through the plan's table and bundles, best first. */
  const find = (plan: ReturnType<typeof planShards>, key: string) => {
    const name = bundleFor(plan.table, key);
    const bundle = plan.bundles.find((b) => b.name === name);
    if (!bundle) return [];
    return rankRecords(
      [key],
      [{ members: bundle.members.map((m): [number, string, number] => [m.record, m.tokens.join(' '), 0]), filters: [''] }],
    ).map((r) => r.item);
  };
  const indexed = (plan: ReturnType<typeof planShards>) => new Set(plan.bundles.flatMap((b) => b.members.map((m) => m.record)));

  it('splits a crowded route by its next character and keeps the best records for a query that stops there', () => {
    const plan = planShards(
      recordsOf([
        ...Array.from({ length: 4 }, () => [hanToken('一小', 2)]), // 0–3: part of a name, exactly 一小
        [hanToken('一小', 9)], // 4: a name, exactly 一小
        [hanToken('一小', 8)], // 5: an alias, exactly 一小
        [hanToken('一小东', 9)],
        [hanToken('一小西', 9)],
        [hanToken('一小南', 9)],
        [hanToken('一小北', 9)], // 6–9
        [hanToken('二中', 9), pinyinToken('erzhong', 9)], // 10
      ]),
      small,
    );
    expect(plan.table.splits).toEqual([hanKey('一'), hanKey('一小')].sort());
    // 一小 is answered by its stub: the names before the parts of names.
    expect(find(plan, hanKey('一小')).slice(0, 2)).toEqual([4, 5]);
    expect(find(plan, hanKey('一')).slice(0, 2)).toEqual([4, 5]);
    // Only the stub keeps the records that end exactly at 一小; the others are not indexed at all.
    for (const record of [0, 1, 2, 3]) expect(indexed(plan).has(record), String(record)).toBe(false);
    // Longer keys follow the split down to their own route, which holds every record under it.
    expect(find(plan, hanKey('一小东'))).toEqual([6]);
    expect(find(plan, hanKey('一小北'))).toEqual([9]);
    expect(find(plan, hanKey('二'))).toEqual([10]);
    expect(find(plan, pinyinKey('er'))).toEqual([10]);
    expect(find(plan, hanKey('三'))).toEqual([]);
  });

  it('keeps the best records of a crowded route that cannot split, without listing it as split', () => {
    const plan = planShards(recordsOf(Array.from({ length: 5 }, () => [hanToken('一小', 9)])), small);
    expect(plan.table.splits).toEqual([hanKey('一')]);
    expect(plan.table.crowded).toEqual([hanKey('一'), hanKey('一小')]);
    expect(isCrowded(plan.table, hanKey('一小'))).toBe(true);
    expect(find(plan, hanKey('一小'))).toEqual([0, 1]);
    expect([...indexed(plan)].sort()).toEqual([0, 1]);
  });

  it('routes pinyin by its first two letters', () => {
    const plan = planShards(
      recordsOf([[pinyinToken('zhong', 9)], [pinyinToken('zhang', 9)], [pinyinToken('zi', 9)], [pinyinToken('zhongxue', 9)]]),
      { maxRecords: 2, stubRecords: 1 },
    );
    expect(plan.table.splits).toEqual([pinyinKey('zh')]);
    expect(find(plan, pinyinKey('zhong'))).toEqual([0, 3]);
    expect(find(plan, pinyinKey('zha'))).toEqual([1]);
    expect(find(plan, pinyinKey('zi'))).toEqual([2]);
  });

  it('bounds every bundle by maxBytes: a heavy route splits, a heavy bucket gives its heaviest routes bundles of their own', () => {
    const firsts = [...'一二三四五六七八九十甲乙丙丁戊己庚辛壬癸东西南北上下左右前后红黄蓝白黑金木水火土'];
    const made: string[][] = [];
    firsts.forEach((c, i) => {
      for (let j = 0; j <= i % 7; j++) made.push([hanToken(`${c}${firsts[j]}小`, 9)]);
    });
    // One route of six long names, heavier than maxBytes though it has few records: it splits by its second character.
    const long = [...'江河湖海山川'].map((c) => `长${c}${'路'.repeat(10)}小学`);
    for (const name of long) made.push([hanToken(name, 9)]);
    const options: ShardOptions = { maxRecords: 1000, stubRecords: 1000, maxBytes: 400 };
    const plan = planShards(recordsOf(made), options);
    const weight = (b: (typeof plan.bundles)[number]) =>
      b.members.reduce((n, m) => n + RECORD_BYTES + m.tokens.reduce((t, token) => t + token.length + 1, 0), 0);
    for (const b of plan.bundles) expect(weight(b), b.name).toBeLessThanOrEqual(400);
    expect(plan.table.splits).toContain(hanKey('长'));
    expect(plan.table.own.length).toBeGreaterThan(0);
    expect(plan.table.own).toEqual([...plan.table.own].sort());
    for (const route of plan.table.own) {
      expect(bundleFor(plan.table, route)).toBe(route);
      expect(plan.bundles.some((b) => b.name === route)).toBe(true);
    }
    // Every record is still found by its whole name and by its first character.
    made.forEach(([token], record) => {
      const body = tokenBody(token!);
      expect(find(plan, body), body).toContain(record);
      if (record < made.length - long.length) expect(find(plan, body.slice(0, 5)), body).toContain(record);
    });
    // Without maxBytes, the same records fit one route each in fewer, heavier bundles.
    const unbounded = planShards(recordsOf(made), { maxRecords: 1000, stubRecords: 1000 });
    expect(unbounded.table.own).toEqual([]);
    expect(Math.max(...unbounded.bundles.map(weight))).toBeGreaterThan(400);
  });

  it('leaves a route with few enough records whole', () => {
    const plan = planShards(recordsOf([[hanToken('一小', 9)], [hanToken('一中', 9)], [hanToken('一', 9)]]), small);
    expect(plan.table.splits).toEqual([]);
    expect(plan.table.crowded).toEqual([]);
    expect(isCrowded(plan.table, hanKey('一'))).toBe(false);
    expect(find(plan, hanKey('一'))).toEqual([2, 0, 1]);
    expect(plan.routes).toBe(1);
  });
});

describe('bundleFor and bucketOf', () => {
  const table: ShardTable = {
    version: 3,
    buckets: 1000,
    splits: ['qpzh', 'qpzho', 'qzabc', 'qzabcdef'],
    crowded: ['qpzh', 'qpzho', 'qzabc', 'qzabcdef'],
    own: [],
  };
  const b = (route: string) => `b${bucketOf(route, table.buckets)}`;

  it('finds no bundle for a key that is not a name or pinyin key, or is malformed', () => {
    for (const key of ['', 'q', 'qz', 'qp', 'qb', 'qbyellowredcard', 'abc', 'zhong', 'QZABC', 'Qpzhong', 'qzab', 'qzabcd', 'qzabcdefg1']) {
      expect(bundleFor(table, key), key).toBeUndefined();
    }
    expect(bundlesFor(table, ['qzabc', 'qz1', 'qpzhong'])).toEqual([b('qzabc'), undefined, b('qpzhon')]);
  });

  it('follows a key down the split routes to the route it stops at', () => {
    expect(bundleFor(table, 'qzabc')).toBe(b('qzabc'));
    expect(bundleFor(table, 'qzabcdef')).toBe(b('qzabcdef'));
    expect(bundleFor(table, 'qzabcdefghi')).toBe(b('qzabcdefghi'));
    expect(bundleFor(table, 'qzabcdefghijkl')).toBe(b('qzabcdefghi'));
    expect(bundleFor(table, 'qzabcxyz')).toBe(b('qzabcxyz'));
    expect(bundleFor(table, 'qzabcxyz012')).toBe(b('qzabcxyz'));
    expect(bundleFor(table, 'qzxyz')).toBe(b('qzxyz'));
    expect(bundleFor(table, 'qzxyzabcdef')).toBe(b('qzxyz'));
    // Pinyin routes start at two letters.
    expect(bundleFor(table, 'qpz')).toBe(b('qpz'));
    expect(bundleFor(table, 'qpzh')).toBe(b('qpzh'));
    expect(bundleFor(table, 'qpzhong')).toBe(b('qpzhon'));
    expect(bundleFor(table, 'qpzha')).toBe(b('qpzha'));
    expect(bundleFor(table, 'qpzhangjia')).toBe(b('qpzha'));
    expect(bundleFor(table, 'qpjingbalu')).toBe(b('qpji'));
    // Without splits every key goes by its first character or first two letters.
    const flat: ShardTable = { ...table, splits: [] };
    expect(bundleFor(flat, 'qzabcdefghi')).toBe(b('qzabc'));
    expect(bundleFor(flat, 'qpzhong')).toBe(b('qpzh'));
  });

  it('sends the same route to the same bucket, on every table with the same splits', () => {
    const copy: ShardTable = { version: 3, buckets: 1000, splits: [...table.splits], crowded: [...table.crowded], own: [] };
    for (const key of ['qzabcdefghi', 'qzabcdefghijkl', 'qpzhong', 'qpzhongxue', 'qzxyz', 'qzxyzabc']) {
      expect(bundleFor(copy, key), key).toBe(bundleFor(table, key));
    }
    expect(bundleFor(table, 'qpzhongxue')).toBe(bundleFor(table, 'qpzhongguo'));
  });

  it('hashes with 32-bit FNV-1a into the range of buckets', () => {
    // Published FNV-1a test vectors: the bucket of 2^32 is the hash itself.
    expect(bucketOf('', 2 ** 32)).toBe(0x811c9dc5);
    expect(bucketOf('a', 2 ** 32)).toBe(0xe40c292c);
    expect(bucketOf('foobar', 2 ** 32)).toBe(0xbf9cf968);
    expect(bucketOf('foobar', 7)).toBe(0xbf9cf968 % 7);
    const routes = [...keyRecords().keys()];
    const used = new Set<number>();
    for (const route of routes) {
      const bucket = bucketOf(route, 50);
      expect(Number.isInteger(bucket) && bucket >= 0 && bucket < 50, route).toBe(true);
      used.add(bucket);
    }
    expect(used.size).toBe(50);
    expect(bucketOf('anything', 1)).toBe(0);
  });

  it('sends real keys below a split route to the bundle of the child route they stop at', () => {
    const table = tableOf(tinyIndex);
    const split = table.splits.find((s) => s.startsWith(HAN_PREFIX) && prefixKeys(s).length === 1)!;
    expect(split).toBeDefined();
    let checked = 0;
    for (const key of keyRecords().keys()) {
      if (!key.startsWith(split) || key.length <= split.length) continue;
      const child = key.slice(0, split.length + 3);
      if (table.splits.includes(child)) continue;
      expect(bundleFor(table, key), key).toBe(`b${bucketOf(child, table.buckets)}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('strips the tier from an indexed token', () => {
    expect(tokenBody(hanToken('19中', 9))).toBe(hanKey('19中'));
    expect(tokenBody(pinyinToken('shijiuzhong', 5))).toBe(pinyinKey('shijiuzhong'));
  });
});

describe('rankRecords', () => {
  const filters = {
    zzSchool: filterCode({ kind: ['school'], region: ['henan', 'henan-zhengzhou'], stage: ['junior'], type: [] }),
    jnSchool: filterCode({ kind: ['school'], region: ['shandong', 'shandong-jinan'], stage: ['primary'], type: [] }),
    zzGroup: filterCode({ kind: ['group'], region: ['henan', 'henan-zhengzhou'], stage: [], type: ['led'] }),
  };
  const codes = [filters.zzSchool, filters.jnSchool, filters.zzGroup];
  const bundle = (members: [number, string[], string][]): KeyBundle => ({
    members: members.map(([record, tokens, code]) => [record, tokens.join(' '), codes.indexOf(code)]),
    filters: codes,
  });
  // Not in record order, on purpose.
  const yuxiu = bundle([
    [9, [hanToken('育秀中', 9)], filters.jnSchool],
    [4, [hanToken('育秀小', 9)], filters.jnSchool],
    [7, [hanToken('育秀', 8), hanToken('育秀小', 9)], filters.zzSchool],
    [2, [hanToken('济南育秀中', 9), hanToken('育秀中', 2)], filters.jnSchool],
    [5, [hanToken('育秀中集团', 9)], filters.zzGroup],
    [3, [hanToken('育英', 9)], filters.zzSchool],
  ]);

  it('ranks exact first, then names before parts, then the shortest, then by record number', () => {
    const ranked = rankRecords([hanKey('育秀')], [yuxiu]);
    expect(ranked.map((r) => r.item)).toEqual([7, 4, 9, 5, 2]);
    expect(ranked[0]!.match).toEqual({ exact: true, tier: 8, extra: 0 });
    expect(ranked[3]!.match).toEqual({ exact: false, tier: 9, extra: 3 });
    expect(ranked[4]!.match).toEqual({ exact: false, tier: 2, extra: 1 });
    expect(isAmbiguous(ranked.slice(1))).toBe(true);
    for (let i = 1; i < ranked.length; i++) {
      const order = compareMatches(ranked[i - 1]!.match, ranked[i]!.match);
      expect(order < 0 || (order === 0 && ranked[i - 1]!.item < ranked[i]!.item)).toBe(true);
    }
  });

  it('keeps only records whose token starts with the key', () => {
    expect(rankRecords([hanKey('育秀中')], [yuxiu]).map((r) => r.item)).toEqual([9, 2, 5]);
    expect(rankRecords([hanKey('秀')], [yuxiu])).toEqual([]);
    expect(rankRecords([pinyinKey('yuxiu')], [yuxiu])).toEqual([]);
  });

  it('needs every key of a multi-key attempt, each looked up in its own bundle', () => {
    const zhengzhou = bundle([
      [7, [hanToken('郑州育秀', 5)], filters.zzSchool],
      [5, [hanToken('郑州市', 2)], filters.zzGroup],
      [8, [hanToken('郑州', 9)], filters.zzSchool],
    ]);
    const ranked = rankRecords([hanKey('郑州'), hanKey('育秀')], [zhengzhou, yuxiu]);
    expect(ranked.map((r) => r.item)).toEqual([7, 5]);
    // Combined: exact only if both are, the best tier, the extras added.
    expect(ranked.find((r) => r.item === 7)!.match).toEqual({ exact: false, tier: 5, extra: 2 });
    expect(ranked.find((r) => r.item === 5)!.match).toEqual({ exact: false, tier: 2, extra: 4 });
    // The order of the keys does not change the result.
    expect(rankRecords([hanKey('育秀'), hanKey('郑州')], [yuxiu, zhengzhou])).toEqual(ranked);
    expect(rankRecords([hanKey('郑州'), hanKey('火星')], [zhengzhou, yuxiu])).toEqual([]);
    expect(rankRecords([hanKey('郑州'), hanKey('育秀')], [zhengzhou, undefined])).toEqual([]);
    expect(rankRecords([], [])).toEqual([]);
  });

  it('narrows by kind, region ancestor, stage and type', () => {
    const items = (active: ActiveFilters) => rankRecords([hanKey('育秀')], [yuxiu], active).map((r) => r.item);
    expect(items({ kind: 'school' })).toEqual([7, 4, 9, 2]);
    expect(items({ kind: 'group' })).toEqual([5]);
    expect(items({ region: 'henan' })).toEqual([7, 5]);
    expect(items({ region: 'shandong-jinan' })).toEqual([4, 9, 2]);
    expect(items({ region: 'shandong-jin' })).toEqual([]);
    expect(items({ stage: 'primary' })).toEqual([4, 9, 2]);
    expect(items({ type: 'led' })).toEqual([5]);
    expect(items({ kind: 'school', region: 'henan' })).toEqual([7]);
    expect(items({ kind: 'group', stage: 'junior' })).toEqual([]);
  });

  it('codes filters as kind|regions|stage|type and matches whole values only', () => {
    expect(filters.zzSchool).toBe('school|henan henan-zhengzhou|junior|');
    expect(filters.zzGroup).toBe('group|henan henan-zhengzhou||led');
    expect(filterNames).toEqual(['kind', 'region', 'stage', 'type']);
    expect(matchesFilters(filters.zzSchool, {})).toBe(true);
    expect(matchesFilters(filters.zzSchool, { region: 'henan-zhengzhou', stage: 'junior' })).toBe(true);
    expect(matchesFilters(filters.zzSchool, { region: 'zhengzhou' })).toBe(false);
    expect(matchesFilters(filters.zzSchool, { type: 'led' })).toBe(false);
    expect(matchesFilters(filters.zzGroup, { stage: 'junior' })).toBe(false);
    expect(matchesFilters('', { kind: 'school' })).toBe(false);
    expect(matchesFilters('', {})).toBe(true);
  });

  it('filters the real data as each record’s own filters say, in the tiny sharded index', () => {
    const keys = [hanKey('郑州'), hanKey('济南'), pinyinKey('zh'), pinyinKey('ji'), hanKey('实验')];
    let narrowed = 0;
    for (const key of keys) {
      const all = rankRecords([key], shardedLookup(tinyIndex)([key]));
      for (const name of filterNames) {
        for (const value of new Set(records.flatMap((r) => r.filters[name]))) {
          const got = rankRecords([key], shardedLookup(tinyIndex)([key]), { [name]: value });
          const expected = all.filter((r) => records[r.item]!.filters[name].includes(value));
          expect(got, `${key} ${name}=${value}`).toEqual(expected);
          if (got.length > 0 && got.length < all.length) narrowed++;
        }
      }
    }
    expect(narrowed).toBeGreaterThan(10);
    // A region filter keeps records in regions below it.
    const henan = rankRecords([hanKey('郑州')], [whole], { region: 'henan' });
    expect(henan.some((r) => records[r.item]!.filters.region.length > 1 && records[r.item]!.filters.region[0] === 'henan')).toBe(true);
  });

  it('intersects the real data’s multi-key attempts exactly', () => {
    const attempt = planQuery('郑州 十九中').attempts.find((a) => a.kind === 'words')!;
    expect(attempt.keys).toHaveLength(2);
    for (const index of [tinyIndex, defaultIndex]) {
      const ranked = rankRecords(attempt.keys, shardedLookup(index)(attempt.keys));
      expect(ranked.length).toBeGreaterThan(0);
      for (const r of ranked) {
        for (const key of attempt.keys)
          expect(
            records[r.item]!.tokens.some((t) => matchToken(key, t)),
            `${r.item} ${key}`,
          ).toBe(true);
      }
      for (let i = 1; i < ranked.length; i++) {
        const order = compareMatches(ranked[i - 1]!.match, ranked[i]!.match);
        expect(order < 0 || (order === 0 && ranked[i - 1]!.item < ranked[i]!.item)).toBe(true);
      }
    }
    // Unsharded, every record with both keys is found.
    const both = records.flatMap((r, i) => (attempt.keys.every((k) => r.tokens.some((t) => matchToken(k, t))) ? [i] : []));
    expect(
      rankRecords(attempt.keys, unshardedLookup(attempt.keys))
        .map((r) => r.item)
        .sort((a, b) => a - b),
    ).toEqual(both);
  });
});

describe('buildNameIndex', () => {
  for (const [name, index] of [
    ['default', defaultIndex],
    ['tiny', tinyIndex],
  ] as const) {
    describe(`${name} plan`, () => {
      const table = tableOf(index);

      it('writes the table, one key bundle per bucket and the display chunks, nothing else', () => {
        expect(table).toEqual({ ...index.plan.table, records: records.length, chunk: RECORDS_PER_CHUNK });
        expect(table.version).toBe(3);
        const chunks = Math.ceil(records.length / RECORDS_PER_CHUNK);
        const expected = [
          tableFile(),
          ...Array.from({ length: table.buckets }, (_, i) => bundleFile(`b${i}`)),
          ...Array.from({ length: chunks }, (_, i) => chunkFile(i)),
        ];
        expect([...index.files.keys()].sort()).toEqual(expected.sort());
      });

      it('puts every record exactly once in the display chunks, where chunkOf says', () => {
        const entries = [...index.files].filter(([file]) => file.startsWith('r/')).flatMap(([, value]) => value as DisplayEntry[]);
        expect(entries).toHaveLength(records.length);
        expect(new Set(entries.map((e) => e[0])).size).toBe(records.length);
        records.forEach((r, record) => {
          const chunk = index.files.get(chunkFile(chunkOf(record))) as DisplayEntry[];
          expect(chunk[record % RECORDS_PER_CHUNK], r.url).toEqual([r.url, r.title, r.kindLabel, r.lines]);
        });
        for (let c = 0; c * RECORDS_PER_CHUNK < records.length; c++) {
          const size = (index.files.get(chunkFile(c)) as DisplayEntry[]).length;
          expect(size).toBe(Math.min(RECORDS_PER_CHUNK, records.length - c * RECORDS_PER_CHUNK));
        }
      });

      it('writes each bundle’s members with their tokens and filter codes', () => {
        for (const bundle of index.plan.bundles) {
          const file = index.files.get(bundleFile(bundle.name)) as KeyBundle;
          expect(file.members.map((m) => m[0])).toEqual(bundle.members.map((m) => m.record));
          expect(new Set(file.filters).size).toBe(file.filters.length);
          file.members.forEach(([record, tokens, f], i) => {
            expect(tokens.split(' ')).toEqual(bundle.members[i]!.tokens);
            expect(file.filters[f]).toBe(filterCode(records[record]!.filters));
            if (i > 0) expect(record).toBeGreaterThan(file.members[i - 1]![0]);
          });
        }
      });

      it('keeps every file value unchanged through JSON', () => {
        for (const [file, value] of index.files) expect(JSON.parse(JSON.stringify(value)), file).toStrictEqual(value);
      });
    });
  }

  it('chunks record numbers by RECORDS_PER_CHUNK', () => {
    expect(RECORDS_PER_CHUNK).toBeGreaterThan(1);
    expect(chunkOf(0)).toBe(0);
    expect(chunkOf(RECORDS_PER_CHUNK - 1)).toBe(0);
    expect(chunkOf(RECORDS_PER_CHUNK)).toBe(1);
    expect(chunkOf(5 * RECORDS_PER_CHUNK + 3)).toBe(5);
    expect([tableFile(), bundleFile('b3'), chunkFile(2)]).toEqual(['table', 'k/b3', 'r/2']);
  });

  it('indexes nothing for no records', () => {
    const empty = buildNameIndex([]);
    expect([...empty.files.keys()]).toEqual([tableFile(), bundleFile('b0')]);
    expect(empty.files.get(bundleFile('b0'))).toEqual({ members: [], filters: [] });
    expect(planShards([]).table).toEqual({ version: 3, buckets: 1, splits: [], crowded: [], own: [] });
  });
});
