/**
 * The sound pass: names that sound like the query. A phone's pinyin keyboard gives a
 * character with the right sound and the wrong shape (九区小学 for 九曲小学), southern
 * speakers type z for zh, and pinyin typed fast drops or swaps a letter (xiaoxe). So,
 * when no name matches as typed, the query is compared with the pinyin keys the index
 * already holds (codes.ts qp…), in three grades:
 *   0  the same toneless syllables (a Chinese query read through PINYIN_TABLE);
 *   1  the same after folding the usual 模糊音 pairs (z/zh, c/ch, s/sh, n/l, f/h,
 *      an/ang, en/eng, in/ing) on both sides;
 *   2  (typed pinyin only) after folding, a letter missing, extra, wrong or swapped:
 *      one from five letters, two from ten.
 * Grades 0 and 1 are shown as matched by sound (按读音匹配), grade 2 as close. The index
 * gains nothing: the pinyin of a Chinese query comes from a table of the common
 * characters (pinyin-table.ts, about 10 kB) that the page loads only for this pass.
 *
 * Pure: no DOM, no pinyin dictionary.
 */
import { decodeCanonical, HAN_PREFIX, PINYIN_PREFIX } from './codes.ts';
import { matchesFilters, type ActiveFilters, type KeyBundle } from './name-index.ts';
import { numberPinyin } from './normalize.ts';
import type { Ranked } from './query.ts';
import { bundleFor, routeFor, type ShardTable } from './shards.ts';

let readings: Map<string, string> | undefined;

/** Installs the character → pinyin table (pinyin-table.ts does so when imported); '' removes it (a cold cache). */
export function setPinyinTable(text: string): void {
  const map = new Map<string, string>();
  for (const [, syllable, chars] of text.matchAll(/([a-z]+)([^a-z]+)/g)) for (const ch of chars!) map.set(ch, syllable!);
  readings = text ? map : undefined;
}
export const hasPinyinTable = () => readings !== undefined;

/**
 * The toneless pinyin of a canonical name (normalize.ts), as the index spells names:
 * digits read out (19 → shijiu), letters kept. Null when a character is not in the
 * table (a rare one: no guess is better than a wrong one) or the table is not loaded.
 */
export function hanPinyin(canonicalText: string): string | null {
  if (!readings) return null;
  let out = '';
  for (const part of canonicalText.match(/\d+|[a-z]+|[^\da-z]/gu) ?? []) {
    if (/^\d/.test(part)) out += numberPinyin(part);
    else if (/^[a-z]/.test(part)) out += part;
    else {
      const r = readings.get(part);
      if (r === undefined) return null;
      out += r;
    }
  }
  return out;
}

/** The pinyin of a name key (qz…), or null (see hanPinyin). */
export function keyPinyin(key: string): string | null {
  if (!key.startsWith(HAN_PREFIX)) return key.startsWith(PINYIN_PREFIX) ? key.slice(PINYIN_PREFIX.length) : null;
  const text = decodeCanonical(key.slice(HAN_PREFIX.length));
  return text.includes('?') ? null : hanPinyin(text);
}

/**
 * Run-together pinyin with the 模糊音 pairs folded: zh ch sh → z c s, ng → n (ang, eng,
 * ing), then h → f and l → n. Applied to both sides, so a fold that merges more than a
 * pair (ong → on) only ever merges, never parts, two spellings of one name.
 */
export function foldSound(letters: string): string {
  return letters
    .replace(/([zcs])h/g, '$1')
    .replace(/ng/g, 'n')
    .replace(/h/g, 'f')
    .replace(/l/g, 'n');
}

/** Letter slips allowed in folded pinyin of n letters. */
const maxLetterSlips = (n: number) => (n >= 10 ? 2 : n >= 5 ? 1 : 0);

/**
 * The fewest letters missing, extra, wrong or swapped (adjacent) that turn `query`
 * into a prefix of `name`, and where that prefix ends; null beyond `limit` or when
 * the first letters differ (the index is routed by them).
 */
export function prefixSlips(query: string, name: string, limit: number): { slips: number; end: number } | null {
  const n = query.length;
  const m = Math.min(name.length, n + limit);
  if (n === 0 || name[0] !== query[0]) return null;
  // Optimal string alignment distance, rows over the query, columns over the name's prefix;
  // of equal ones the longest prefix (xiaoxe → xiaoxue, not xiaox).
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const row = [i];
    let low = i;
    for (let j = 1; j <= m; j++) {
      const same = query[i - 1] === name[j - 1];
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (same ? 0 : 1));
      if (i > 1 && j > 1 && query[i - 1] === name[j - 2] && query[i - 2] === name[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      low = Math.min(low, d);
    }
    if (low > limit) return null;
    prev2 = prev;
    prev = row;
  }
  let best: { slips: number; end: number } | null = null;
  for (let j = 1; j <= m; j++) if (prev[j]! <= limit && (!best || prev[j]! <= best.slips)) best = { slips: prev[j]!, end: j };
  return best;
}

export interface SoundMatch {
  /** 0 the same pinyin, 1 the same after folding 模糊音, 2 letter slips too. */
  grade: 0 | 1 | 2;
  /** Letter slips: grade 2 after folding; grade 1 as typed (how many letters the fold bridged). */
  slips: number;
  tier: number;
  /** Letters of the name after the part the query matched. */
  extra: number;
}

/** 9–7: a name or alias; 6–4: a short form or the name with its place; 3–0: part of a name. */
const tierClass = (tier: number) => (tier >= 7 ? 2 : tier >= 4 ? 1 : 0);

/** Negative when a is the better match. */
function compareSound(a: SoundMatch, b: SoundMatch): number {
  return a.grade - b.grade || a.slips - b.slips || tierClass(b.tier) - tierClass(a.tier) || a.extra - b.extra || b.tier - a.tier;
}

/**
 * Records whose pinyin keys sound like `letters`, best first (record number breaking
 * ties); grade 2 only when `slipsToo` (typed pinyin). Records in `exclude` are left out.
 */
export function rankSound(
  letters: string,
  bundles: readonly (KeyBundle | undefined)[],
  active: ActiveFilters = {},
  slipsToo = false,
  exclude: ReadonlySet<number> = new Set(),
): Ranked<number, SoundMatch>[] {
  if (letters.length < 2) return [];
  const folded = foldSound(letters);
  const limit = slipsToo ? maxLetterSlips(folded.length) : 0;
  const best = new Map<number, SoundMatch>();
  for (const bundle of new Set(bundles)) {
    if (!bundle) continue;
    for (const [record, tokens, f] of bundle.members) {
      if (exclude.has(record) || !matchesFilters(bundle.filters[f] ?? '', active)) continue;
      for (const token of tokens.split(' ')) {
        if (!token.startsWith(PINYIN_PREFIX)) continue;
        const body = token.slice(PINYIN_PREFIX.length, -1);
        const tier = Number(token[token.length - 1]);
        let match: SoundMatch | null = null;
        if (body.startsWith(letters)) match = { grade: 0, slips: 0, tier, extra: body.length - letters.length };
        else {
          const name = foldSound(body);
          // Folding merges more than it should for one reader (si and shi: 四 and 十): of those that
          // sound alike, the fewest letters apart as typed first (shoudongsidishi → 第十, not 第四).
          if (name.startsWith(folded))
            match = { grade: 1, slips: prefixSlips(letters, body, 4)?.slips ?? 5, tier, extra: name.length - folded.length };
          else if (limit > 0) {
            const s = prefixSlips(folded, name, limit);
            if (s) match = { grade: 2, slips: s.slips, tier, extra: name.length - s.end };
          }
        }
        if (!match) continue;
        const seen = best.get(record);
        if (!seen || compareSound(match, seen) < 0) best.set(record, match);
      }
    }
  }
  return [...best].map(([item, match]) => ({ item, match })).sort((a, b) => compareSound(a.match, b.match) || a.item - b.item);
}

/** The 模糊音 pairs, each way: what a reader may have typed for what the index spells. */
const PAIRS: [string, string][] = [
  ['zh', 'z'],
  ['ch', 'c'],
  ['sh', 's'],
  ['z', 'zh'],
  ['c', 'ch'],
  ['s', 'sh'],
  ['n', 'l'],
  ['l', 'n'],
  ['f', 'h'],
  ['h', 'f'],
  ['ang', 'an'],
  ['eng', 'en'],
  ['ing', 'in'],
  ['an', 'ang'],
  ['en', 'eng'],
  ['in', 'ing'],
];

/**
 * Most bundles the sound pass reads beyond the pinyin key's own: for typed pinyin (a
 * 模糊音 slip anywhere, the routing letters too), and for a Chinese query (its syllables
 * are right; a dialect pair rarely decides the route).
 */
export const MAX_SOUND_BUNDLES = 2;
export const MAX_HAN_SOUND_BUNDLES = 1;

/**
 * The bundles where names that sound like `letters` are filed: the pinyin key's own,
 * then those of the key with one 模糊音 pair swapped where it decides the route (zu… →
 * zhu…), at most `most` more. A slip among the routing letters themselves is
 * not looked for (the first two letters, more for common starts at country scale).
 */
export function soundBundles(table: ShardTable, letters: string, most = MAX_SOUND_BUNDLES): string[] {
  const key = PINYIN_PREFIX + letters;
  const own = bundleFor(table, key);
  const ownRoute = routeFor(table, key);
  const depth = (ownRoute?.length ?? PINYIN_PREFIX.length + 2) - PINYIN_PREFIX.length;
  const variants: { route: string; key: string; at: number }[] = [];
  for (let i = 0; i < Math.min(letters.length, depth + 1); i++) {
    for (const [from, to] of PAIRS) {
      if (!letters.startsWith(from, i)) continue;
      // z → zh only where no h follows; an → ang only where no g; h → f not inside zh, ch, sh.
      if (to.startsWith(from) && letters.startsWith(to, i)) continue;
      if (from === 'h' && i > 0 && 'zcs'.includes(letters[i - 1]!)) continue;
      const variant = PINYIN_PREFIX + letters.slice(0, i) + to + letters.slice(i + from.length);
      const route = routeFor(table, variant);
      if (route !== undefined && route !== ownRoute) variants.push({ route, key: variant, at: i });
    }
  }
  // Deepest route first: a route split again and again is a spelling many names share
  // (chongqingshi…), one that stops at two letters (congq…) a spelling hardly any has.
  variants.sort((a, b) => b.route.length - a.route.length || a.at - b.at);
  const out: string[] = own ? [own] : [];
  for (const { key: variant } of variants) {
    if (out.length >= most + (own ? 1 : 0)) break;
    const name = bundleFor(table, variant);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}
