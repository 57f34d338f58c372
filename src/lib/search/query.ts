/**
 * The query side: what a reader typed → the keys to look up in the name index (or the
 * words to ask Pagefind's full-text index), and how to order what comes back. Pure and
 * small: the search page bundles it.
 */
import { hanKey, matchToken, pinyinKey, type TokenMatch } from './codes.ts';
import { readEnglish } from './english.ts';
import { canonical, foldText, hasHan, hasSimplifier, keepWordChars, normalizePinyin } from './normalize.ts';

type AttemptKind = 'name' | 'pinyin' | 'words' | 'text';

/** One way of asking the indexes; the page tries them in order until one finds something. */
export interface Attempt {
  kind: AttemptKind;
  /**
   * The words sent to Pagefind for a full-text attempt (space-separated: Pagefind requires
   * all of them); for a name attempt, its keys. Also what makes two attempts the same.
   */
  pagefindQuery: string;
  /** The key each result must match (one per part); empty for a full-text attempt. */
  keys: string[];
  /** For a full-text attempt: the parts each result's text must contain. */
  parts: string[];
}

export interface QueryPlan {
  /** The reader's text, trimmed. */
  input: string;
  /** Simplified, folded text (shown as "searched for …" when it differs). */
  folded: string;
  /** The words around a name that were set aside (请问, 在哪个集团 …), in the order typed. */
  setAside: string[];
  attempts: Attempt[];
}

// ---------------------------------------------------------------------------
// Questions and filler

/**
 * Words a parent puts around a name: asking (请问, 在哪个集团, 属于哪个, 吗), or telling
 * (我家孩子在 … 上学). Only at the start or the end of the query, and only whole
 * phrases: 集团 on its own belongs to a group's name, 实验 and 中心 to schools' names.
 * Folded text (simplified, lower case); longer phrases first.
 */
const LEADING_FILLER = [
  '我想问一下',
  '我想问下',
  '我想问',
  '请问一下',
  '请问下',
  '想问一下',
  '问一下',
  '请问',
  '想问',
  '我想知道',
  '想知道',
  '您好',
  '你好',
  '帮我查一下',
  '帮我查',
  '查一下',
  '我家孩子在',
  '我家小孩在',
  '我的孩子在',
  '我孩子在',
  '孩子在',
  '小孩在',
  '女儿在',
  '儿子在',
  '我女儿在',
  '我儿子在',
  '我家孩子',
  '我家小孩',
  '那个',
  '啊',
  '嗯',
];
const TRAILING_FILLER = [
  '在哪个教育集团',
  '属于哪个教育集团',
  '是哪个教育集团',
  '归哪个教育集团',
  '在哪个集团',
  '属于哪个集团',
  '是哪个集团',
  '归哪个集团',
  '哪个教育集团',
  '哪个集团',
  '属于什么集团',
  '是什么集团',
  '什么集团',
  '属于什么教育集团',
  '属于什么',
  '有没有教育集团',
  '有没有集团',
  '有教育集团',
  '有集团',
  '是不是集团学校',
  '是不是集团校',
  '是不是集团',
  '是集团学校',
  '是集团校',
  '是集团',
  '这个学校',
  '这所学校',
  '属于哪个',
  '是哪个',
  '在哪个',
  '是哪所学校',
  '哪所学校',
  '是哪所',
  '哪所',
  '在哪里',
  '在哪儿',
  '在哪',
  '怎么样',
  '上学',
  '读书',
  '念书',
  '就读',
  '谢谢',
  '它',
  '吗',
  '呢',
  '啊',
  '呀',
  '吧',
  '的',
];
// Plain Han words: nothing to escape. 小学校 and 中学学校 are the school (小学, 中学).
// Folded as the query is: once the traditional-character converter is loaded it folds
// some simplified words too (什么 → 什幺), so the patterns are built for each state.
const fillerPatterns = new Map<boolean, { leading: RegExp; trailing: RegExp }>();
function fillers(): { leading: RegExp; trailing: RegExp } {
  const state = hasSimplifier();
  let hit = fillerPatterns.get(state);
  if (!hit) {
    const fold = (list: string[]) => [...new Set(list.map(foldText))].sort((a, b) => b.length - a.length).join('|');
    hit = {
      leading: new RegExp(`^(?:${fold(LEADING_FILLER)})`, 'u'),
      trailing: new RegExp(`(?:${fold(TRAILING_FILLER)}|(?<=[小中]学)学?校)$`, 'u'),
    };
    fillerPatterns.set(state, hit);
  }
  return hit;
}

/**
 * The name in a question: filler at either end set aside, repeatedly (我家孩子在 …
 * 上学, … 是哪个集团的). Punctuation and spaces around filler go with it. What is
 * left must still hold two characters, or nothing is set aside.
 */
export function setAsideFiller(folded: string): { core: string; setAside: string[] } {
  const front: string[] = [];
  const back: string[] = [];
  const edge = /^[^\p{Script=Han}a-z0-9]+|[^\p{Script=Han}a-z0-9]+$/gu;
  let s = folded.replace(edge, '');
  const { leading: LEADING, trailing: TRAILING } = fillers();
  for (let changed = true; changed;) {
    changed = false;
    const lead = LEADING.exec(s);
    if (lead && keepWordChars(s.slice(lead[0].length)).length >= 2) {
      front.push(lead[0]);
      s = s.slice(lead[0].length).replace(edge, '');
      changed = true;
    }
    const trail = TRAILING.exec(s);
    if (trail && keepWordChars(s.slice(0, trail.index)).length >= 2) {
      back.unshift(trail[0]);
      s = s.slice(0, trail.index).replace(edge, '');
      changed = true;
    }
  }
  return { core: s, setAside: [...front, ...back] };
}

const MAX_QUERY = 80;
/** Punctuation between the clauses of a sentence (folded: full-width marks are ASCII by then). */
const CLAUSE_BREAK = /[,.?!;:、，。？！；：]+/u;

/** The attempts for a query, best first. An empty plan means there is nothing to search. */
export function planQuery(raw: string): QueryPlan {
  const input = raw.trim().slice(0, MAX_QUERY);
  const folded = foldText(input).replace(/\s+/g, ' ').trim();
  const attempts: Attempt[] = [];
  const add = (a: Attempt) => {
    if (a.pagefindQuery && !attempts.some((b) => b.pagefindQuery === a.pagefindQuery)) attempts.push(a);
  };
  const { core, setAside } = hasHan(folded) ? setAsideFiller(folded) : { core: folded, setAside: [] };
  const wordsOf = (text: string) => text.split(' ').filter((p) => keepWordChars(p) !== '');
  const parts = wordsOf(core);
  if (parts.length === 0) return { input, folded, setAside: [], attempts };

  const nameAttempt = (texts: string[]): Attempt | null => {
    const canon = texts.map(canonical).filter((c) => c !== '');
    if (canon.length === 0) return null;
    const keys = canon.map(hanKey);
    return { kind: texts.length > 1 ? 'words' : 'name', pagefindQuery: keys.join(' '), keys, parts: [] };
  };
  const pinyinAttempt = (texts: string[]): Attempt | null => {
    const letters = normalizePinyin(texts.join(''));
    if (letters.length < 2) return null;
    const key = pinyinKey(letters);
    return { kind: 'pinyin', pagefindQuery: key, keys: [key], parts: [] };
  };

  if (hasHan(folded)) {
    // 郑州 十九中 is one name typed with a space; 黄牌 预警 too. Try it whole first.
    const whole = nameAttempt([parts.join('')]);
    if (whole) add(whole);
    if (parts.length > 1) {
      const each = nameAttempt(parts);
      if (each) add(each);
    }
    // In case a word set aside belonged to the name after all.
    if (setAside.length > 0) {
      const asTyped = nameAttempt([wordsOf(folded).join('')]);
      if (asTyped) add(asTyped);
    }
    // A spoken question in several clauses (它有集团吗，孩子在互助路小学): each clause on its
    // own, its filler set aside, longest first, so words around the name never hide it.
    const clauses = core
      .split(CLAUSE_BREAK)
      .map((c) => setAsideFiller(c).core.replace(/\s+/g, ''))
      .filter((c) => keepWordChars(c).length >= 2);
    if (clauses.length > 1)
      for (const c of [...clauses].sort((a, b) => b.length - a.length)) {
        const attempt = nameAttempt([c]);
        if (attempt) add(attempt);
      }
  } else {
    const hasLetters = /[a-z]/.test(folded);
    const hasDigits = /\d/.test(folded);
    // An English name (… Primary School, No. 19 …): its pinyin whole, then place by place.
    const english = hasLetters ? readEnglish(folded) : null;
    if (english) {
      for (const letters of english.whole)
        add({ kind: 'pinyin', pagefindQuery: pinyinKey(letters), keys: [pinyinKey(letters)], parts: [] });
      for (const words of english.words) {
        const keys = words.map(pinyinKey);
        add({ kind: 'words', pagefindQuery: keys.join(' '), keys, parts: [] });
      }
    }
    const pinyin = hasLetters ? pinyinAttempt(parts) : null;
    const name = nameAttempt([parts.join('')]);
    // "jingbalu xiaoxue" is pinyin; "102", "1+X" and "68" are names.
    if (hasLetters && !hasDigits) {
      if (pinyin) add(pinyin);
      if (name) add(name);
    } else {
      if (name) add(name);
      if (pinyin) add(pinyin);
    }
  }
  // Last resort: Pagefind's own full-text search of the page text.
  add({ kind: 'text', pagefindQuery: parts.join(' '), keys: [], parts });
  return { input, folded, setAside, attempts };
}

// ---------------------------------------------------------------------------
// Ranking

export interface Ranked<T, M = TokenMatch> {
  item: T;
  match: M;
}

/** The best way a record's tokens answer all the keys, or null if some key finds nothing. */
export function bestMatch(keys: string[], tokens: string[]): TokenMatch | null {
  let combined: TokenMatch | null = null;
  for (const key of keys) {
    let best: TokenMatch | null = null;
    for (const token of tokens) {
      const m = matchToken(key, token);
      if (m && (!best || compareMatches(m, best) < 0)) best = m;
    }
    if (!best) return null;
    combined = combined ? combineMatches(combined, best) : best;
  }
  return combined;
}

/** How a record answers two words together: exact only if both are, its weakest tier, the extras added. */
export function combineMatches(a: TokenMatch, b: TokenMatch): TokenMatch {
  return { exact: a.exact && b.exact, tier: Math.min(a.tier, b.tier), extra: a.extra + b.extra };
}

/** 9–7: a name or alias; 6–4: a short form or the name with its city; 3–0: part of a name. */
const tierClass = (tier: number) => (tier >= 7 ? 2 : tier >= 4 ? 1 : 0);

/** Negative when a is the better match. */
export function compareMatches(a: TokenMatch, b: TokenMatch): number {
  if (a.exact !== b.exact) return a.exact ? -1 : 1;
  const ca = tierClass(a.tier);
  const cb = tierClass(b.tier);
  if (ca !== cb) return cb - ca;
  if (a.extra !== b.extra) return a.extra - b.extra;
  return b.tier - a.tier;
}

/** True when the first two results answer the query equally well (育秀 → 育秀小学, 育秀中学). */
export function isAmbiguous<T>(ranked: Ranked<T>[]): boolean {
  const [a, b] = ranked;
  if (!a || !b) return false;
  return a.match.exact === b.match.exact && tierClass(a.match.tier) === tierClass(b.match.tier) && a.match.extra === b.match.extra;
}

/** For full-text results: the page text must contain every part of the query. */
export function containsAllParts(text: string, parts: string[]): boolean {
  const hay = foldText(text.replace(/[\u200b\s]+/g, ''));
  return parts.every((p) => hay.includes(keepWordChars(p)));
}
