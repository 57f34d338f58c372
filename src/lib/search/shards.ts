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
 * What one query downloads is bounded by bytes, not only by records (`maxBytes`): a
 * route whose records' keys and filters would weigh more is split like a crowded one,
 * and a bundle that the hash gives several heavy routes moves its heaviest routes into
 * bundles of their own, named by the route and listed in the table (`own`).
 *
 * Pure: no DOM, no Pagefind. The build (scripts/search-index.ts) plans; the search
 * page routes.
 */
import { HAN_PREFIX, matchToken, PINYIN_PREFIX, type TokenMatch } from './codes.ts';
import { compareMatches } from './query.ts';

/** What the search page downloads first. */
export interface ShardTable {
  version: 3;
  /** Number of bundles (b0 … b<buckets − 1>). */
  buckets: number;
  /** Routes split into longer ones, sorted. */
  splits: string[];
  /** Routes that keep only their best stubRecords records (split, or too many that end there), sorted. */
  crowded: string[];
  /** Routes in a bundle of their own, named by the route (a hash bundle would weigh more than maxBytes), sorted. */
  own: string[];
}

interface Bundle {
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
  /** Records kept for a query that stops at a split route, or at a route that cannot split (fewer if maxBytes holds fewer). */
  stubRecords: number;
  /**
   * Most bytes of one bundle, as estimated JSON before compression (routeBytes): a
   * route that weighs more is split, and a bundle that weighs more gives its heaviest
   * routes bundles of their own. Absent: no limit but maxRecords.
   */
  maxBytes?: number;
}

/**
 * maxBytes 130,000: on the generated 200,000-school country a bundle is then at most
 * about 25 kB gzipped (p99 16 kB, median 1.3 kB; the estimate runs low on small
 * bundles, whose filter values are shared by fewer records), against 72 kB unbounded.
 */
export const defaultShardOptions: ShardOptions = { maxRecords: 1500, stubRecords: 300, maxBytes: 130_000 };

/**
 * JSON bytes a bundle spends on a record besides its tokens: record number, brackets,
 * quotes and commas, and its share of the filter values (name-index.ts KeyBundle), as
 * measured on the generated 200,000-school country.
 */
export const RECORD_BYTES = 37;

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
const ownSets = new WeakMap<ShardTable, Set<string>>();

/** The bundle of a route: its own (named by the route) or its hash bucket's. */
function bundleOfRoute(table: ShardTable, route: string): string {
  let own = ownSets.get(table);
  if (!own) ownSets.set(table, (own = new Set(table.own)));
  return own.has(route) ? route : `b${bucketOf(route, table.buckets)}`;
}

/**
 * The bundle that answers a query key: follow the key down the split routes; the
 * route it stops at (a leaf, or the stub of a split route) names the bundle.
 * Undefined for a key that no indexed token can start with.
 */
export function bundleFor(table: ShardTable, key: string): string | undefined {
  const route = routeFor(table, key);
  return route === undefined ? undefined : bundleOfRoute(table, route);
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

/**
 * The first `count` items in the order of `compare` (a total order): what sorting them
 * all and keeping the first would give, at the cost of a heap of `count` (a crowded
 * route's stub keeps 300 of up to 100,000 records).
 */
export function firstInOrder<T>(items: T[], compare: (a: T, b: T) => number, count: number): T[] {
  if (items.length <= count) return items.sort(compare);
  // A heap with the worst of the best `count` so far on top.
  const heap: T[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(heap[i]!, heap[parent]!) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && compare(heap[l]!, heap[worst]!) > 0) worst = l;
      if (r < heap.length && compare(heap[r]!, heap[worst]!) > 0) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (const item of items) {
    if (heap.length < count) up(heap.push(item) - 1);
    else if (count > 0 && compare(item, heap[0]!) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(compare);
}

export function planShards(records: readonly { tokens: readonly string[] }[], options: ShardOptions = defaultShardOptions): ShardPlan {
  const { maxRecords, stubRecords, maxBytes = Infinity } = options;
  // Every (record, token) pair once, as parallel arrays (typed where they hold numbers:
  // at 200,000 schools there are six million pairs). A token's body is its prefix of
  // pairBodyLength characters, so routes are cut from the token itself, not from a copy.
  // Pair numbers grow with record numbers and every list of pairs below keeps pair
  // order, so a record's pairs in a list are side by side (distinct() and stub() count on it).
  let pairCount = 0;
  for (const r of records) pairCount += r.tokens.length;
  const pairRecord = new Int32Array(pairCount);
  const pairBodyLength = new Int32Array(pairCount);
  const pairUnit = new Int8Array(pairCount);
  /** The token's tier, or -1 where matchToken finds none (a malformed token matches nothing). */
  const pairTier = new Int8Array(pairCount);
  const pairToken: string[] = [];
  const top = new Map<string, number[]>();
  records.forEach((r, record) => {
    for (const token of r.tokens) {
      if (!token.startsWith(HAN_PREFIX) && !token.startsWith(PINYIN_PREFIX)) continue;
      const body = tokenBody(token);
      const route = routeOf(body, Math.min(minUnits(body), unitsIn(body)));
      const pair = pairToken.push(token) - 1;
      pairRecord[pair] = record;
      pairBodyLength[pair] = body.length;
      pairUnit[pair] = unitOf(body);
      pairTier[pair] = matchToken(body, token)?.tier ?? -1;
      const list = top.get(route);
      if (list) list.push(pair);
      else top.set(route, [pair]);
    }
  });
  /** Records in a list of pairs: a record's pairs are side by side (see above), so count the runs. */
  const distinct = (pairs: readonly number[]) => {
    let n = 0;
    let last = -1;
    for (const p of pairs) {
      if (pairRecord[p] !== last) n++;
      last = pairRecord[p]!;
    }
    return n;
  };
  /** Estimated JSON bytes of a route's part of a bundle: each record's tokens and RECORD_BYTES. */
  const routeBytes = (pairs: readonly number[]) => {
    let bytes = RECORD_BYTES * distinct(pairs);
    for (const p of pairs) bytes += pairToken[p]!.length + 1;
    return bytes;
  };

  // The records a query equal to the route would show first, as the search page ranks them.
  const stub = (route: string, pairs: number[]): number[] => {
    // Each record's best pair (the first of equals); its pairs are side by side.
    const best: { pair: number; match: TokenMatch }[] = [];
    let last = -1;
    for (const p of pairs) {
      // matchToken(route, token), knowing that the token starts with the route.
      const tier = pairTier[p]!;
      if (tier < 0) continue;
      const extra = pairBodyLength[p]! - route.length;
      const match: TokenMatch = { exact: extra === 0, tier, extra: extra / pairUnit[p]! };
      const top = best[best.length - 1];
      if (pairRecord[p] !== last || !top) {
        best.push({ pair: p, match });
        last = pairRecord[p]!;
      } else if (compareMatches(match, top.match) < 0) best[best.length - 1] = { pair: p, match };
    }
    const ranked = firstInOrder(best, (a, b) => compareMatches(a.match, b.match) || a.pair - b.pair, stubRecords);
    // As many of them as maxBytes holds.
    let bytes = 0;
    const within = ranked.findIndex((b) => (bytes += RECORD_BYTES + pairToken[b.pair]!.length + 1) > maxBytes);
    return (within < 0 ? ranked : ranked.slice(0, within)).map((b) => b.pair);
  };

  const splits: string[] = [];
  const crowded: string[] = [];
  const leaves: { route: string; pairs: number[]; bytes: number }[] = [];
  const place = (route: string, pairs: number[]) => {
    const bytes = routeBytes(pairs);
    if (distinct(pairs) <= maxRecords && bytes <= maxBytes) return void leaves.push({ route, pairs, bytes });
    crowded.push(route);
    const routeUnits = unitsIn(route);
    // Children by the unit after the route (routeOf(body, routeUnits + 1), the body being
    // the token's prefix), keyed by its character codes (a small integer for the ASCII
    // tokens are made of) so that a pair costs no string.
    const children = new Map<number | string, { child: string; pairs: number[] }>();
    for (const p of pairs) {
      const bodyLength = pairBodyLength[p]!;
      const unit = pairUnit[p]!;
      if ((bodyLength - 2) / unit <= routeUnits) continue;
      const token = pairToken[p]!;
      const end = Math.min(2 + (routeUnits + 1) * unit, bodyLength);
      let key: number | string = 0;
      for (let i = route.length; i < end && typeof key === 'number'; i++) {
        const code = token.charCodeAt(i);
        key = code < 128 && end - route.length <= 3 ? key * 129 + code + 1 : token.slice(route.length, end);
      }
      const entry = children.get(key);
      if (entry) entry.pairs.push(p);
      else children.set(key, { child: token.slice(0, end), pairs: [p] });
    }
    // Too many records end exactly here (一小 in every county): keep the best.
    const best = stub(route, pairs);
    leaves.push({ route, pairs: best, bytes: routeBytes(best) });
    if (children.size === 0) return;
    splits.push(route);
    for (const { child, pairs: list } of children.values()) place(child, list);
  };
  for (const [route, pairs] of top) place(route, pairs);

  // Spread the routes over buckets of about half the largest route, and of an eighth
  // of maxBytes, so that few buckets draw more than maxBytes (few own bundles in the table).
  const total = leaves.reduce((n, leaf) => n + distinct(leaf.pairs), 0);
  const totalBytes = leaves.reduce((n, leaf) => n + leaf.bytes, 0);
  const buckets = Math.max(1, Math.ceil(total / (maxRecords / 2)), Math.ceil(totalBytes / (maxBytes / 8)));
  const byBucket = Array.from({ length: buckets }, () => [] as typeof leaves);
  for (const leaf of leaves) byBucket[bucketOf(leaf.route, buckets)]!.push(leaf);
  // A bucket the hash gave too much: its heaviest routes move to bundles of their own.
  const own: typeof leaves = [];
  for (const list of byBucket) {
    let bytes = list.reduce((n, leaf) => n + leaf.bytes, 0);
    list.sort((a, b) => b.bytes - a.bytes || (a.route < b.route ? -1 : 1));
    while (bytes > maxBytes && list.length > 1) {
      const leaf = list.shift()!;
      own.push(leaf);
      bytes -= leaf.bytes;
    }
  }
  own.sort((a, b) => (a.route < b.route ? -1 : 1));
  // Each record of a bundle with its tokens, by record number; a record's tokens in the
  // order its leaves and pairs come, each once (a stub and its children may share pairs).
  // Sorting numbers (record × seq + position, exact below 2^53) is much cheaper than a Set per record.
  const membersOf = (list: typeof leaves) => {
    const tokens: string[] = [];
    for (const leaf of list) for (const p of leaf.pairs) tokens.push(pairToken[p]!);
    const SEQ = 2 ** Math.ceil(Math.log2(tokens.length + 1));
    const keys = new Float64Array(tokens.length);
    let i = 0;
    for (const leaf of list) for (const p of leaf.pairs) keys[i] = pairRecord[p]! * SEQ + i++;
    keys.sort();
    const members: { record: number; tokens: string[] }[] = [];
    for (const key of keys) {
      const record = Math.floor(key / SEQ);
      const token = tokens[key % SEQ]!;
      const member = members[members.length - 1];
      if (member?.record !== record) members.push({ record, tokens: [token] });
      else if (!member.tokens.includes(token)) member.tokens.push(token);
    }
    return members;
  };
  return {
    table: { version: 3, buckets, splits: splits.sort(), crowded: crowded.sort(), own: own.map((leaf) => leaf.route) },
    bundles: [
      ...byBucket.map((list, i) => ({ name: `b${i}`, members: membersOf(list) })),
      ...own.map((leaf) => ({ name: leaf.route, members: membersOf([leaf]) })),
    ],
    routes: leaves.length,
  };
}
