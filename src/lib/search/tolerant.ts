/**
 * The tolerant pass: names a reader half-remembers. When the strict prefix match
 * (codes.ts matchToken) finds nothing or little, a Chinese query is aligned with the
 * name keys of the bundles the strict pass read, plus a small fixed number of others
 * (closeBundles): its characters in order inside a name, the characters it leaves
 * out penalised (胜利小学 → 胜利大街小学, 泉景小学部 → 泉景中学小学部), and up to one
 * character wrong or extra in a name of four or more (经九路小学 → 经八路小学). These close matches always rank
 * below every exact one.
 *
 * Pure: no DOM. Keys and tokens are compared in their code units (three symbols per
 * character, codes.ts), never decoded.
 */
import { HAN_PREFIX } from './codes.ts';
import { matchesFilters, type ActiveFilters, type KeyBundle } from './name-index.ts';
import type { Ranked } from './query.ts';
import { bundleFor, routeFor, type ShardTable } from './shards.ts';

const UNIT = 3;

export interface CloseMatch {
  /** Characters typed wrong or extra (0–maxSlips). */
  slips: number;
  /** Runs of name characters the query leaves out (大街 in 胜利大街小学). */
  gaps: number;
  /** Name characters left out, in all. */
  skipped: number;
  /** The token's tier (9 name … 2 part of a name). */
  tier: number;
  /** Name characters after the last one the query reached. */
  extra: number;
}

/** The characters of a name key (qz…) or token body, as code units. */
function unitsOf(key: string): string[] {
  const out: string[] = [];
  for (let i = HAN_PREFIX.length; i + UNIT <= key.length; i += UNIT) out.push(key.slice(i, i + UNIT));
  return out;
}

/**
 * Slips a query of n characters may have: none below four characters (育秀 and 育英 are
 * different schools, and so are 19中 and 14中), one from four, two from eight.
 */
export const maxSlips = (n: number) => (n >= 8 ? 2 : n >= 4 ? 1 : 0);
/** Most runs of left-out name characters, and most characters left out. */
const MAX_GAPS = 2;
const MAX_SKIPPED = 4;

/** A single cost for the dynamic programme; the order is slips, then gaps, then skipped characters. */
const cost = (slips: number, gaps: number, skipped: number) => slips * 10_000 + gaps * 100 + skipped;

/**
 * How the query's characters align with the start of a name: every query character
 * matched, wrong (a slip) or extra (a slip); name characters in between left out (gaps);
 * the first characters must agree (the name index is routed by them). Null when
 * the alignment needs more slips or gaps than allowed.
 */
export function alignName(
  query: readonly string[],
  name: readonly string[],
  slipsAllowed = maxSlips(query.length),
): Omit<CloseMatch, 'tier'> | null {
  const n = query.length;
  const m = name.length;
  if (n < 3 || m === 0 || query[0] !== name[0]) return null;
  const INF = Number.MAX_SAFE_INTEGER;
  // best[i][j][g]: query[0..i) against name[0..j); g = 1 when the last step left out a name character.
  type Cell = { c: number; slips: number; gaps: number; skipped: number };
  const none: Cell = { c: INF, slips: 0, gaps: 0, skipped: 0 };
  let prev: [Cell, Cell][] = Array.from({ length: m + 1 }, () => [none, none]);
  prev[0] = [{ c: 0, slips: 0, gaps: 0, skipped: 0 }, none];
  // Row 0: leaving out name characters before the first query character is not allowed (anchored).
  const better = (a: Cell, b: Cell) => (a.c <= b.c ? a : b);
  const step = (from: Cell, slips: number, gaps: number, skipped: number): Cell =>
    from.c === INF
      ? none
      : (() => {
          const s = from.slips + slips;
          const g = from.gaps + gaps;
          const k = from.skipped + skipped;
          return s > slipsAllowed || g > MAX_GAPS || k > MAX_SKIPPED ? none : { c: cost(s, g, k), slips: s, gaps: g, skipped: k };
        })();
  let best: Omit<CloseMatch, 'tier'> | null = null;
  for (let i = 1; i <= n; i++) {
    const row: [Cell, Cell][] = Array.from({ length: m + 1 }, () => [none, none]);
    for (let j = 0; j <= m; j++) {
      // Extra query character (typed, not in the name).
      let plain = better(step(prev[j]![0], 1, 0, 0), step(prev[j]![1], 1, 0, 0));
      if (j > 0) {
        const same = query[i - 1] === name[j - 1];
        // The first characters must agree; after that a wrong character is a slip.
        if (i === 1 && j === 1 && !same) continue;
        const diag = better(step(prev[j - 1]![0], same ? 0 : 1, 0, 0), step(prev[j - 1]![1], same ? 0 : 1, 0, 0));
        plain = better(plain, diag);
      }
      row[j]![0] = plain;
      if (j > 0 && i < n) {
        // Leave out name[j − 1]: opens a gap after a plain step, extends one after a gap.
        row[j]![1] = better(step(row[j - 1]![0], 0, 1, 1), step(row[j - 1]![1], 0, 0, 1));
      }
    }
    prev = row;
  }
  for (let j = 1; j <= m; j++) {
    const cell = prev[j]![0];
    if (cell.c === INF) continue;
    // Most of the query must be in the name, in order.
    if (n - cell.slips < 2) continue;
    const candidate = { slips: cell.slips, gaps: cell.gaps, skipped: cell.skipped, extra: m - j };
    if (!best || cost(candidate.slips, candidate.gaps, candidate.skipped) < cost(best.slips, best.gaps, best.skipped)) best = candidate;
    else if (
      cost(candidate.slips, candidate.gaps, candidate.skipped) === cost(best.slips, best.gaps, best.skipped) &&
      candidate.extra < best.extra
    )
      best = candidate;
  }
  return best;
}

/** 9–7: a name or alias; 6–4: a short form or the name with its city; 3–0: part of a name. */
const tierClass = (tier: number) => (tier >= 7 ? 2 : tier >= 4 ? 1 : 0);

/** Negative when a is the closer match. */
export function compareClose(a: CloseMatch, b: CloseMatch): number {
  return (
    a.slips - b.slips ||
    a.gaps - b.gaps ||
    a.skipped - b.skipped ||
    tierClass(b.tier) - tierClass(a.tier) ||
    a.extra - b.extra ||
    b.tier - a.tier
  );
}

/** Most bundles the tolerant pass reads beyond the strict pass's own. */
export const MAX_CLOSE_BUNDLES = 4;

/**
 * The bundles the tolerant pass reads for a name key when nothing in the strict pass's
 * own bundle is close. That bundle holds every name that agrees with the query in the
 * characters the index routes by (one, or more where the index splits crowded
 * routes); a slip among those characters is looked for, at most MAX_CLOSE_BUNDLES
 * more bundles, in:
 *   - the key without one of them (济南的经八路小学 → 济南经八路小学: an extra character);
 *   - the key without its first character (京八路小学 → 八路小学 among the parts of names),
 *     returned apart as `shifted`: the first character then counts as a slip;
 *   - the shorter routes' stubs, their best records (a word left out or a character
 *     wrong early in a very common prefix is found only among those).
 * Without split routes (a small site) that is one bundle, and `shifted` perhaps another.
 */
export function closeBundles(table: ShardTable, key: string): { anchored: string[]; shifted: string | null } {
  const strict = bundleFor(table, key);
  const route = routeFor(table, key);
  if (!key.startsWith(HAN_PREFIX) || !strict || !route) return { anchored: [], shifted: null };
  const units = unitsOf(key);
  const depth = unitsOf(route).length;
  const anchored = [strict];
  let shifted: string | null = null;
  const room = () => anchored.length - 1 + (shifted ? 1 : 0) < MAX_CLOSE_BUNDLES;
  const add = (k: string) => {
    const name = bundleFor(table, k);
    if (name && !anchored.includes(name) && room()) anchored.push(name);
  };
  for (let p = depth - 1; p >= 1; p--) add(HAN_PREFIX + units.filter((_, i) => i !== p).join(''));
  if (units.length >= 4) {
    const name = bundleFor(table, HAN_PREFIX + units.slice(1).join(''));
    if (name && room()) shifted = name;
  }
  for (let n = depth - 1; n >= 1; n--) add(HAN_PREFIX + units.slice(0, n).join(''));
  return { anchored, shifted };
}

/**
 * Records whose name keys are close to the query key, closest first (record number
 * breaking ties). `anchored` bundles are aligned from the first character; `shifted`
 * bundles were looked up without the query's first character, which then counts as
 * one slip. Records in `exclude` (the exact results) are left out.
 */
export function rankClose(
  key: string,
  anchored: readonly (KeyBundle | undefined)[],
  shifted: readonly (KeyBundle | undefined)[],
  active: ActiveFilters = {},
  exclude: ReadonlySet<number> = new Set(),
): Ranked<number, CloseMatch>[] {
  if (!key.startsWith(HAN_PREFIX)) return [];
  const query = unitsOf(key);
  const best = new Map<number, CloseMatch>();
  const consider = (bundle: KeyBundle | undefined, q: readonly string[], slips: number) => {
    const allowed = maxSlips(query.length) - slips;
    if (!bundle || allowed < 0) return;
    for (const [record, tokens, f] of bundle.members) {
      if (exclude.has(record) || !matchesFilters(bundle.filters[f] ?? '', active)) continue;
      for (const token of tokens.split(' ')) {
        if (!token.startsWith(HAN_PREFIX) || token[token.length - 2] !== 'z') continue;
        const name = unitsOf(token.slice(0, -2));
        const aligned = alignName(q, name, allowed);
        if (!aligned) continue;
        const match: CloseMatch = { ...aligned, slips: aligned.slips + slips, tier: Number(token[token.length - 1]) };
        const seen = best.get(record);
        if (!seen || compareClose(match, seen) < 0) best.set(record, match);
      }
    }
  };
  for (const bundle of new Set(anchored)) consider(bundle, query, 0);
  if (query.length >= 4) for (const bundle of new Set(shifted)) consider(bundle, query.slice(1), 1);
  return [...best].map(([item, match]) => ({ item, match })).sort((a, b) => compareClose(a.match, b.match) || a.item - b.item);
}
