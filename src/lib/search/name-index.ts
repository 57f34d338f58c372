/**
 * The name index: how the search page finds a school, group, region, policy or term
 * by its name, an alias, a short form or pinyin, at any size of the site.
 *
 * Three kinds of file, all small (see shards.ts for why there are many):
 *   table     route → key bundle (one download per query, cached)
 *   k/<name>  a key bundle: for each record, its key tokens under the bundle's routes
 *             and its filter values
 *   r/<n>     what results show: url, title, kind and lines of RECORDS_PER_CHUNK records
 *
 * A query key is looked up in its bundle, every record whose token starts with the
 * key is ranked (exact, then names before short forms before parts, then the
 * shortest), and only the results on screen are fetched from r/.
 *
 * Full-text search of the pages' prose stays with Pagefind (scripts/search-index.ts).
 * Pure: no DOM, no file system.
 */
import type { TokenMatch } from './codes.ts';
import { bestMatch, combineMatches, compareMatches, type Ranked } from './query.ts';
import type { SearchFilters, SearchRecord } from './record.ts';
import { bundleFor, defaultShardOptions, planShards, type ShardOptions, type ShardPlan, type ShardTable } from './shards.ts';

/** Where the index lives in the built site. */
export const NAME_INDEX_PATH = 'search-index';
/** Records per display file: a results page fetches a few of these. */
export const RECORDS_PER_CHUNK = 32;

export interface NameIndexTable extends ShardTable {
  /** Records in all (record numbers run 0 … records − 1). */
  records: number;
  chunk: number;
}

/** A key bundle: members [record number, key tokens space-separated, index into filters]. */
export interface KeyBundle {
  members: [number, string, number][];
  /** Filter values, one string per distinct combination (see filterCode). */
  filters: string[];
}

/** What a result shows: [url, title, kind label (学校, 集团 …), lines]. */
export type DisplayEntry = [string, string, string, string[]];

export type FilterName = keyof SearchFilters;
export const filterNames: readonly FilterName[] = ['kind', 'region', 'stage', 'type'];
export type ActiveFilters = Partial<Record<FilterName, string>>;

/** kind|region ids|stage|type, values space-separated. */
export const filterCode = (f: SearchFilters) => filterNames.map((name) => f[name].join(' ')).join('|');

export function matchesFilters(code: string, active: ActiveFilters): boolean {
  const fields = code.split('|');
  return filterNames.every((name, i) => {
    const want = active[name];
    return !want || (fields[i] ?? '').split(' ').includes(want);
  });
}

/** True when the record's regions (filter code) include every one of `ids`. */
function inRegions(code: string, ids: readonly string[]): boolean {
  if (ids.length === 0) return true;
  const regions = (code.split('|')[filterNames.indexOf('region')] ?? '').split(' ');
  return ids.every((id) => regions.includes(id));
}

/** The kind of record a filter code is for (school, group, region …). */
export const kindOf = (code: string) => code.split('|')[0] ?? '';

export const tableFile = () => 'table';
export const bundleFile = (name: string) => `k/${name}`;
export const chunkFile = (chunk: number) => `r/${chunk}`;
export const chunkOf = (record: number) => Math.floor(record / RECORDS_PER_CHUNK);

export interface NameIndex {
  /** File name (without extension) → JSON value. */
  files: Map<string, unknown>;
  plan: ShardPlan;
}

export function buildNameIndex(records: readonly SearchRecord[], options: ShardOptions = defaultShardOptions): NameIndex {
  const plan = planShards(records, options);
  return { files: new Map(nameIndexFiles(records, plan)), plan };
}

/** The index files one at a time, so a large index is written without holding it all. */
function* nameIndexFiles(records: readonly SearchRecord[], plan: ShardPlan): Generator<[string, unknown]> {
  yield* keyFiles(records, plan);
  yield* displayFiles(records);
}

/** The table and the key bundles: what the shard plan decides. */
export function* keyFiles(records: readonly SearchRecord[], plan: ShardPlan): Generator<[string, unknown]> {
  const table: NameIndexTable = { ...plan.table, records: records.length, chunk: RECORDS_PER_CHUNK };
  yield [tableFile(), table];
  // A record sits in several bundles; its filter values are spelled out once.
  const codes = records.map((r) => filterCode(r.filters));
  for (const bundle of plan.bundles) {
    const filters: string[] = [];
    const filterIndex = new Map<string, number>();
    const members = bundle.members.map(({ record, tokens }): [number, string, number] => {
      const code = codes[record]!;
      let i = filterIndex.get(code);
      if (i === undefined) filterIndex.set(code, (i = filters.push(code) - 1));
      return [record, tokens.join(' '), i];
    });
    yield [bundleFile(bundle.name), { members, filters } satisfies KeyBundle];
  }
}

/** The display files: the records alone decide them (the build writes them while it plans the shards). */
export function* displayFiles(records: readonly SearchRecord[]): Generator<[string, unknown]> {
  for (let start = 0; start < records.length; start += RECORDS_PER_CHUNK) {
    const entries = records.slice(start, start + RECORDS_PER_CHUNK).map((r): DisplayEntry => [r.url, r.title, r.kindLabel, r.lines]);
    yield [chunkFile(chunkOf(start)), entries];
  }
}

/** The bundle to fetch for each key (undefined: nothing can match it). */
export const bundlesFor = (table: ShardTable, keys: readonly string[]) => keys.map((key) => bundleFor(table, key));

/**
 * Records that match every key (each key in its own bundle) and the filters, best
 * first: the same order the search page has always used (query.ts compareMatches),
 * record number breaking ties (schools, then groups, regions, policies, terms).
 */
export function rankRecords(
  keys: readonly string[],
  bundles: readonly (KeyBundle | undefined)[],
  active: ActiveFilters = {},
  /** Every one of these region ids must be among the record's (places typed with the name). */
  within: readonly string[] = [],
): Ranked<number>[] {
  let combined: Map<number, TokenMatch> | undefined;
  keys.forEach((key, i) => {
    const best = new Map<number, TokenMatch>();
    const bundle = bundles[i];
    for (const [record, tokens, f] of bundle?.members ?? []) {
      if (combined && !combined.has(record)) continue;
      const code = bundle!.filters[f] ?? '';
      if (!matchesFilters(code, active) || !inRegions(code, within)) continue;
      const m = bestMatch([key], tokens.split(' '));
      if (m) best.set(record, m);
    }
    if (!combined) combined = best;
    else {
      const next = new Map<number, TokenMatch>();
      for (const [record, m] of best) {
        next.set(record, combineMatches(combined.get(record)!, m));
      }
      combined = next;
    }
  });
  return [...(combined ?? new Map<number, TokenMatch>())]
    .map(([record, match]) => ({ item: record, match }))
    .sort((a, b) => compareMatches(a.match, b.match) || a.item - b.item);
}
