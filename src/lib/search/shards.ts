/**
 * Splitting the key index into bundles small enough for one query to download.
 *
 * Pagefind loads a list of every page in an index before it answers anything, so one
 * index over 200,000 schools costs a reader more than a megabyte. Keys are matched by
 * prefix (codes.ts), so the first characters of a query key already say which records
 * can match: every token is filed under a *route* (the first character of a name
 * key, the first two letters of a pinyin key), a route with too many records is
 * split by its next character, and routes are spread over bundles by a hash of the
 * route, so the table a query reads first holds only the split routes. A query reads
 * that table and searches one bundle.
 *
 * A query that stops at a split route (实验, say, when 实验小 and 实验中 have their own
 * bundles) is answered from the route's *stub*: its best `stubRecords` records by
 * the ranking the search page uses (exact first, then names, then shortest).
 *
 * Pure: no DOM, no Pagefind. The build (scripts/search-index.ts) plans; the search
 * page routes.
 */
import { HAN_PREFIX, matchToken, PINYIN_PREFIX, type TokenMatch } from './codes.ts';
import { compareMatches } from './query.ts';

/** What the search page downloads first. */
export interface ShardTable {
  version: 2;
  /** Number of bundles (b0 … b<buckets − 1>). */
  buckets: number;
  /** Routes split into longer ones, sorted. */
  splits: string[];
  /** Routes that keep only their best stubRecords records (split, or too many that end there), sorted. */
  crowded: string[];
}

export interface Bundle {
  name: string;
  /** Each record in the bundle with the tokens to index for it (those under its routes). */
  members: { record: number; tokens: string[] }[];
}

export interface ShardPlan {
  table: ShardTable;
  bundles: Bundle[];
  /** Routes that hold tokens (leaves and stubs). */
  routes: number;
}

export interface ShardOptions {
  /** Most records under one route (a route with more is split, if it can be). */
  maxRecords: number;
  /** Records kept for a query that stops at a split route, or at a route that cannot split. */
  stubRecords: number;
}

export const defaultShardOptions: ShardOptions = { maxRecords: 1500, stubRecords: 300 };

const unitOf = (body: string) => (body.startsWith(HAN_PREFIX) ? 3 : 1);
const minUnits = (body: string) => (body.startsWith(PINYIN_PREFIX) ? 2 : 1);
const unitsIn = (body: string) => (body.length - 2) / unitOf(body);

/** The key part of an indexed token: qz…z9 → qz…, qp…9 → qp…. */
export function tokenBody(token: string): string {
  return token.startsWith(HAN_PREFIX) ? token.slice(0, -2) : token.slice(0, -1);
}

/** The key's prefix of `units` characters (name keys) or letters (pinyin keys). */
function routeOf(body: string, units: number): string {
  return body.slice(0, 2 + units * unitOf(body));
}

/** FNV-1a: the same bucket on both sides, no table needed. */
export function bucketOf(route: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < route.length; i++) {
    h ^= route.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % buckets;
}

const splitSets = new WeakMap<ShardTable, Set<string>>();

/**
 * The bundle that answers a query key: follow the key down the split routes; the
 * route it stops at (a leaf, or the stub of a split route) names the bundle.
 * Undefined for a key that no indexed token can start with.
 */
export function bundleFor(table: ShardTable, key: string): string | undefined {
  const route = routeFor(table, key);
  return route === undefined ? undefined : `b${bucketOf(route, table.buckets)}`;
}

/**
 * True when the key stops at a crowded route: its bundle holds only the route's best
 * records, so filters and other words narrow those, not every record that matches.
 */
export function isCrowded(table: ShardTable, key: string): boolean {
  const route = routeFor(table, key);
  return route !== undefined && table.crowded.includes(route);
}

/** The route a key stops at: its prefix down the split routes (undefined: no token can start with it). */
export function routeFor(table: ShardTable, key: string): string | undefined {
  if (!key.startsWith(HAN_PREFIX) && !key.startsWith(PINYIN_PREFIX)) return undefined;
  const units = unitsIn(key);
  if (!Number.isInteger(units) || units < 1) return undefined;
  let splits = splitSets.get(table);
  if (!splits) splitSets.set(table, (splits = new Set(table.splits)));
  let n = Math.min(minUnits(key), units);
  while (n < units && splits.has(routeOf(key, n))) n++;
  return routeOf(key, n);
}

export function planShards(records: readonly { tokens: readonly string[] }[], options: ShardOptions = defaultShardOptions): ShardPlan {
  const { maxRecords, stubRecords } = options;
  // Every (record, token) pair once, as parallel arrays.
  const pairRecord: number[] = [];
  const pairToken: string[] = [];
  const pairBody: string[] = [];
  const top = new Map<string, number[]>();
  records.forEach((r, record) => {
    for (const token of r.tokens) {
      if (!token.startsWith(HAN_PREFIX) && !token.startsWith(PINYIN_PREFIX)) continue;
      const body = tokenBody(token);
      const route = routeOf(body, Math.min(minUnits(body), unitsIn(body)));
      const pair = pairRecord.push(record) - 1;
      pairToken.push(token);
      pairBody.push(body);
      const list = top.get(route);
      if (list) list.push(pair);
      else top.set(route, [pair]);
    }
  });
  const distinct = (pairs: number[]) => new Set(pairs.map((p) => pairRecord[p]!)).size;

  // The records a query equal to the route would show first, as the search page ranks them.
  const stub = (route: string, pairs: number[]): number[] => {
    const best = new Map<number, { pair: number; match: TokenMatch }>();
    for (const p of pairs) {
      const match = matchToken(route, pairToken[p]!);
      if (!match) continue;
      const seen = best.get(pairRecord[p]!);
      if (!seen || compareMatches(match, seen.match) < 0) best.set(pairRecord[p]!, { pair: p, match });
    }
    return [...best.values()]
      .sort((a, b) => compareMatches(a.match, b.match) || a.pair - b.pair)
      .slice(0, stubRecords)
      .map((b) => b.pair);
  };

  const leaves: { route: string; pairs: number[] }[] = [];
  const splits: string[] = [];
  const crowded: string[] = [];
  const place = (route: string, pairs: number[]) => {
    if (distinct(pairs) <= maxRecords) return void leaves.push({ route, pairs });
    crowded.push(route);
    const routeUnits = unitsIn(route);
    const children = new Map<string, number[]>();
    for (const p of pairs) {
      const body = pairBody[p]!;
      if (unitsIn(body) <= routeUnits) continue;
      const child = routeOf(body, routeUnits + 1);
      const list = children.get(child);
      if (list) list.push(p);
      else children.set(child, [p]);
    }
    // Too many records end exactly here (一小 in every county): keep the best.
    leaves.push({ route, pairs: stub(route, pairs) });
    if (children.size === 0) return;
    splits.push(route);
    for (const [child, list] of children) place(child, list);
  };
  for (const [route, pairs] of top) place(route, pairs);

  // Spread the routes over buckets of about half the largest route.
  const total = leaves.reduce((n, leaf) => n + distinct(leaf.pairs), 0);
  const buckets = Math.max(1, Math.ceil(total / (maxRecords / 2)));
  const members = Array.from({ length: buckets }, () => new Map<number, Set<string>>());
  for (const leaf of leaves) {
    const bundle = members[bucketOf(leaf.route, buckets)]!;
    for (const p of leaf.pairs) {
      const set = bundle.get(pairRecord[p]!);
      if (set) set.add(pairToken[p]!);
      else bundle.set(pairRecord[p]!, new Set([pairToken[p]!]));
    }
  }
  return {
    table: { version: 2, buckets, splits: splits.sort(), crowded: crowded.sort() },
    bundles: members.map((m, i) => ({
      name: `b${i}`,
      members: [...m].sort((a, b) => a[0] - b[0]).map(([record, tokens]) => ({ record, tokens: [...tokens] })),
    })),
    routes: leaves.length,
  };
}
