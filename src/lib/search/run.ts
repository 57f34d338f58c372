/**
 * The search loop: what the search page does with a query, from the plan (query.ts)
 * to an ordered list of results, with the downloads injected so the unit tests and the
 * benchmark run this very loop on an index in memory or on disk.
 *
 *   1. strict: each name attempt of the plan in turn (whole name, word by word,
 *      pinyin, as typed), each key looked up in its bundle (name-index.ts); a Chinese
 *      query that finds nothing is simplified (simplify.ts, loaded on demand) and tried again;
 *   2. sound (sound.ts): when the strict pass finds nothing, names that sound like the
 *      query (homophones, 模糊音, slips in typed pinyin), the pinyin table loaded on demand;
 *   3. tolerant (tolerant.ts): when the strict pass finds nothing or little, names close
 *      to the query, below every exact result;
 *   4. full text: Pagefind over the pages' prose, when injected (the browser).
 *
 * Pure: no DOM, no file system.
 */
import {
  RECORDS_PER_CHUNK,
  bundleFile,
  bundlesFor,
  chunkFile,
  chunkOf,
  kindOf,
  rankRecords,
  tableFile,
  type ActiveFilters,
  type DisplayEntry,
  type KeyBundle,
  type NameIndexTable,
} from './name-index.ts';
import { hasHan, hasSimplifier, keepWordChars } from './normalize.ts';
import { isAmbiguous, planQuery, setAsideFiller, type Attempt, type QueryPlan } from './query.ts';
import { isCrowded } from './shards.ts';
import { hanPinyin, hasPinyinTable, keyPinyin, MAX_HAN_SOUND_BUNDLES, MAX_SOUND_BUNDLES, rankSound, soundBundles } from './sound.ts';
import { closeBundles, rankClose } from './tolerant.ts';

/** What a result shows. */
export interface ResultItem {
  /** Site path without the base path (/schools/<id>/), or as Pagefind gives it. */
  url: string;
  title: string;
  kind: string;
  lines: string[];
}

/** A page of full-text results, from whatever full-text index the page has. */
export interface TextResults {
  total: number;
  /** Results from a position on; may return fewer than asked (hits dropped as not containing every word). */
  next: (from: number, count: number) => Promise<ResultItem[]>;
}

export interface SearchFetchers {
  /** A name-index file by name (table, k/b3, r/12), parsed. */
  indexFile: (name: string) => Promise<unknown>;
  /** Loads the traditional → simplified dictionary (simplify.ts); absent when it is already loaded. */
  loadSimplifier?: () => Promise<unknown>;
  /**
   * Whether a text may hold traditional characters (traditional.ts, a small download),
   * asked before loadSimplifier; absent: any Chinese text may.
   */
  mayBeTraditional?: (text: string) => Promise<boolean>;
  /** Loads the character → pinyin table (pinyin-table.ts) for the sound pass; absent when it is already loaded. */
  loadPinyin?: () => Promise<unknown>;
  /** Full-text search for a text attempt; absent: no full-text fallback. */
  fullText?: (attempt: Attempt, filters: ActiveFilters) => Promise<TextResults | null>;
  /** True once a newer search has started: stop early. */
  isStale?: () => boolean;
}

type OutcomeHow =
  /** Names that match the query (exact or by prefix). */
  | 'exact'
  /** Exact results first, then close ones (`exact` of them exact). */
  | 'exact+close'
  /** Names that sound like the query (`exact` of them), then close ones: no name matches as typed. */
  | 'sound'
  /** Only close matches: no name matches the query as typed. */
  | 'close'
  /** Full-text results. */
  | 'text'
  | 'none';

export interface SearchOutcome {
  plan: QueryPlan;
  /** The attempt that answered (the first one when nothing did). */
  attempt: Attempt | undefined;
  how: OutcomeHow;
  /** Results in all; the first `exact` of them are exact matches. */
  total: number;
  exact: number;
  /** The first two results answer the query equally well. */
  ambiguous: boolean;
  /** Only the best matches of a very common name were searched (shards.ts). */
  crowded: boolean;
  /** Results from a position on. */
  next: (from: number, count: number) => Promise<ResultItem[]>;
}

/** Below this many exact results, close matches are listed after them. */
export const FEW_EXACT = 3;

/** The name index's files, read through the injected fetcher. */
function nameIndexReader(fetchers: SearchFetchers) {
  const table = () => fetchers.indexFile(tableFile()) as Promise<NameIndexTable>;
  const named = (names: readonly (string | undefined)[]): Promise<(KeyBundle | undefined)[]> =>
    Promise.all(names.map((name) => (name ? (fetchers.indexFile(bundleFile(name)) as Promise<KeyBundle>) : Promise.resolve(undefined))));
  const bundles = async (keys: readonly string[]) => named(bundlesFor(await table(), keys));
  /** What the results list shows for these records, in this order. */
  const display = async (records: readonly number[]): Promise<ResultItem[]> => {
    const chunks = new Map<number, DisplayEntry[]>();
    await Promise.all(
      [...new Set(records.map(chunkOf))].map(async (c) => chunks.set(c, (await fetchers.indexFile(chunkFile(c))) as DisplayEntry[])),
    );
    return records.flatMap((record) => {
      const entry = chunks.get(chunkOf(record))?.[record % RECORDS_PER_CHUNK];
      if (!entry) return [];
      const [url, title, kind, lines] = entry;
      return [{ url, title, kind, lines }];
    });
  };
  return { table, named, bundles, display };
}

/** Runs a query through the name index (strict, then tolerant) and full text, as the search page does. */
export async function runSearch(query: string, filters: ActiveFilters, fetchers: SearchFetchers): Promise<SearchOutcome | null> {
  const stale = () => fetchers.isStale?.() ?? false;
  const index = nameIndexReader(fetchers);
  const listOf = (records: number[]) => (from: number, count: number) => index.display(records.slice(from, from + count));
  const tried = new Set<string>();
  let crowded = false;
  /** Only traditional characters not yet folded can make a Chinese query find nothing as typed. */
  const mayBeTraditional = async (plan: QueryPlan) =>
    hasHan(plan.folded) && !hasSimplifier() && (fetchers.mayBeTraditional ? await fetchers.mayBeTraditional(plan.folded) : true);
  /**
   * Keys that name a region exactly (its name or alias, the best match in its bundle)
   * become region filters for the other keys; null when none does, or all do.
   */
  const byPlace = async (keys: readonly string[], bundles: readonly (KeyBundle | undefined)[], active: ActiveFilters) => {
    const places: number[] = [];
    const rest: number[] = [];
    keys.forEach((key, i) => {
      const bundle = bundles[i];
      const top = rankRecords([key], [bundle], {})[0];
      const code = top && bundle ? bundle.members.find(([r]) => r === top.item)?.[2] : undefined;
      const isPlace =
        top && top.match.exact && top.match.tier >= 8 && code !== undefined && kindOf(bundle!.filters[code] ?? '') === 'region';
      if (isPlace) places.push(top.item);
      else rest.push(i);
    });
    if (places.length === 0 || rest.length === 0) return null;
    const ids = (await index.display(places)).map((r) => /^\/regions\/([^/]+)\/$/.exec(r.url)?.[1] ?? '');
    if (ids.some((id) => id === '')) return null;
    return rankRecords(
      rest.map((i) => keys[i]!),
      rest.map((i) => bundles[i]),
      active,
      ids,
    );
  };
  let plan = planQuery(query);
  const empty = (): SearchOutcome => ({
    plan,
    attempt: plan.attempts[0],
    how: 'none',
    total: 0,
    exact: 0,
    ambiguous: false,
    crowded,
    next: () => Promise.resolve([]),
  });
  if (plan.attempts.length === 0) return empty();

  // 1. Strict, for every name attempt; then once more with traditional characters folded.
  for (;;) {
    for (const attempt of plan.attempts) {
      if (attempt.kind === 'text' || tried.has(attempt.pagefindQuery)) continue;
      tried.add(attempt.pagefindQuery);
      const [table, bundles] = await Promise.all([index.table(), index.bundles(attempt.keys)]);
      if (stale()) return null;
      // Words of which some name a place (郑州 十九中, 1+X 市中区, Huzhulu …, Zhongyuan District):
      // the rest must match a record in that place. A place's route may be crowded at
      // country scale (its bundle holds only its best records), so places narrow by region,
      // not by intersecting keys; failing that, every word must match a key of the record.
      const narrowed = attempt.keys.length > 1 ? await byPlace(attempt.keys, bundles, filters) : null;
      if (stale()) return null;
      const ranked = narrowed && narrowed.length > 0 ? narrowed : rankRecords(attempt.keys, bundles, filters);
      crowded ||= attempt.keys.some((key) => isCrowded(table, key));
      if (ranked.length === 0) continue;
      const exact = ranked.map((r) => r.item);
      // A few exact results: close ones after them, from the bundles already here.
      const close =
        ranked.length < FEW_EXACT && attempt.kind === 'name' ? rankClose(attempt.keys[0]!, bundles, [], filters, new Set(exact)) : [];
      const all = [...exact, ...close.map((r) => r.item)];
      return {
        plan,
        attempt,
        how: close.length > 0 ? 'exact+close' : 'exact',
        total: all.length,
        exact: exact.length,
        ambiguous: isAmbiguous(ranked),
        crowded: attempt.keys.some((key) => isCrowded(table, key)),
        next: listOf(all),
      };
    }
    if (!fetchers.loadSimplifier || !(await mayBeTraditional(plan))) break;
    await fetchers.loadSimplifier();
    if (stale()) return null;
    plan = planQuery(query);
  }

  // 2. Sound (sound.ts): names that sound like the query. Skipped when the bundle already
  // read holds a name with every character of the query in order (a word left out):
  // that close match is the likelier one, and the sound pass downloads more.
  const whole = plan.attempts.find((a) => a.kind === 'name' && hasHan(plan.folded));
  const closeHere = whole ? rankClose(whole.keys[0]!, await index.bundles([whole.keys[0]!]), [], filters) : [];
  if (stale()) return null;
  if (!(closeHere[0] && closeHere[0].match.slips === 0)) {
    const typed = plan.attempts.find((a) => a.kind === 'pinyin');
    const source = whole ?? typed;
    if (whole && fetchers.loadPinyin && !hasPinyinTable()) await fetchers.loadPinyin();
    // A Chinese query is read as typed (灵宝市第三小学, not the canonical 灵宝市3小): the
    // index spells names with their 第 and 学.
    const letters = whole ? hanPinyin(keepWordChars(setAsideFiller(plan.folded).core)) : typed ? keyPinyin(typed.keys[0]!) : null;
    if (source && letters && letters.length >= 3) {
      const names = soundBundles(await index.table(), letters, whole ? MAX_HAN_SOUND_BUNDLES : MAX_SOUND_BUNDLES);
      const ranked = rankSound(letters, await index.named(names), filters, !whole);
      if (stale()) return null;
      const sound = ranked.filter((r) => r.match.grade < 2).map((r) => r.item);
      const slipped = ranked.filter((r) => r.match.grade === 2).map((r) => r.item);
      const found = new Set(ranked.map((r) => r.item));
      const all = [...sound, ...slipped, ...closeHere.map((r) => r.item).filter((r) => !found.has(r))];
      if (all.length > 0) {
        return {
          plan,
          attempt: source,
          how: sound.length > 0 ? 'sound' : 'close',
          total: all.length,
          exact: sound.length,
          ambiguous: false,
          crowded,
          next: listOf(all),
        };
      }
    }
  }

  // 3. Tolerant: the first whole-name attempt, in the bundle the strict pass read; only
  // when nothing there is close, in a few more (tolerant.ts closeBundles).
  if (whole) {
    const key = whole.keys[0]!;
    let close = closeHere;
    if (close.length === 0) {
      const { anchored, shifted } = closeBundles(await index.table(), key);
      const [a, s] = await Promise.all([index.named(anchored), index.named(shifted ? [shifted] : [])]);
      close = rankClose(key, a, s, filters);
    }
    if (stale()) return null;
    if (close.length > 0) {
      return {
        plan,
        attempt: whole,
        how: 'close',
        total: close.length,
        exact: 0,
        ambiguous: false,
        crowded,
        next: listOf(close.map((r) => r.item)),
      };
    }
  }

  // 4. Full text.
  const text = plan.attempts.find((a) => a.kind === 'text');
  if (text && fetchers.fullText) {
    const found = await fetchers.fullText(text, filters);
    if (stale()) return null;
    if (found && found.total > 0) {
      return { plan, attempt: text, how: 'text', total: found.total, exact: 0, ambiguous: false, crowded: false, next: found.next };
    }
  }
  return empty();
}
