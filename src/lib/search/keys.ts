/**
 * The index side: the key tokens the name index files a record under (build time
 * only — this file loads the pinyin dictionary, the search page must not import it).
 *
 * From every name of a record (tier 9 name, 8 alias, 7 former name) it derives:
 *   - the name and its core without region prefixes (郑州市第十九初级中学 → 第十九初级中学);
 *   - short forms, tier 5: 十九初级中学, 十九初中, 十九初, 十九中, and the core with its
 *     city or district in front (郑州十九中, 灵宝四小);
 *   - parts, tier 2: every meaningful tail of the core (永长街回民小学 → 回民小学 …),
 *     so any piece of a name finds it by prefix;
 *   - pinyin and pinyin initials of the name, core and short forms.
 * Each variant is stored in canonical form (normalize.ts), so 第十九初级中学, 十九初中 and
 * 19初 meet on the same key.
 */
import { pinyin } from 'pinyin-pro';
import { hanToken, PINYIN_PREFIX, pinyinToken, type Tier } from './codes.ts';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import {
  arabicNumeralsToChinese,
  canonical,
  canonicalSteps,
  CONTRACTION_WORDS,
  displayForm,
  NUMERAL_CHARS,
  type CanonicalSteps,
} from './normalize.ts';
// Data may be written in traditional characters too: fold them like queries.
import './simplify.ts';

export interface NameInput {
  text: string;
  tier: Tier;
}

export interface RegionLevel {
  level: 'province' | 'city' | 'district';
  /** The region's name and aliases as written (郑州市, 郑州). */
  names: string[];
  /** A municipality (直辖市) is a province that stands where a city would. */
  municipality?: boolean;
}

export interface KeyOptions {
  /** The record's region and its ancestors, outermost first. */
  regions: RegionLevel[];
  /** School-type short forms (初级中学 → 初中, 初, 中 …) and group suffixes (教育集团 → 集团). */
  shortForms?: boolean;
  /** The core also with the city or district in front (郑州十九中). */
  regionPrefixed?: boolean;
  /** Tails of the core, so a piece of the name finds it. */
  parts?: boolean;
  /** Pinyin and initials. */
  pinyin?: boolean;
  /** Further names matched at a low tier (a group's lead school), canonical only. */
  related?: string[];
}

const TYPE_SHORT: [string, string[]][] = [
  ['初级中学', ['初中', '初', '中']],
  ['高级中学', ['高中', '高', '中']],
  ['初中', ['初', '中']],
  ['高中', ['高', '中']],
  ['中学', ['中']],
  ['小学', ['小']],
];
const GROUP_SHORT: [string, string[]][] = [
  ['教育集团', ['集团']],
  ['教育联盟', ['联盟']],
  ['教育发展共同体', ['发展共同体', '共同体']],
];
/** Short forms up to this many characters also get pinyin keys. */
const MAX_SPOKEN = 7;
/** …and with their city or district in front when this short (郑州十九中, 灵宝四小). */
const MAX_SPOKEN_WITH_PLACE = 5;
/** Words that say what kind of thing a name is, not which one (in canonical form). */
const GENERIC_TAILS = ['共同体', '集团', '联盟', '学校', '校区', '小部', '中部', '小', '中', '初', '高', '校', '部'];

/** 郑州市 → 郑州, 中原区 → 中原: the short name a reader types before a school. */
export function regionShortName(name: string): string | null {
  const m = /^(.{2,})[省市区县]$/u.exec(name);
  // 市中区 → 市中 is no name anyone types.
  return m && !/^[省市区县]/u.test(m[1]!) ? m[1]! : null;
}

function formsOf(level: RegionLevel): string[] {
  const out = new Set<string>();
  for (const n of level.names) {
    const d = displayForm(n);
    if (!d) continue;
    out.add(d);
    const short = regionShortName(d);
    if (short) out.add(short);
  }
  return [...out];
}

/** The name without the region names in front of it: 郑州市中原区互助路小学 → 互助路小学. */
export function stripRegionPrefixes(display: string, forms: string[]): string {
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  let s = display;
  for (let changed = true; changed;) {
    changed = false;
    for (const f of sorted) {
      if (f && s.startsWith(f) && [...s].length - [...f].length >= 2) {
        s = s.slice(f.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}

function replaceFirst(text: string, table: [string, string[]][]): string[] {
  for (const [word, shorts] of table) {
    const i = text.indexOf(word);
    if (i >= 0) return shorts.map((s) => text.slice(0, i) + s + text.slice(i + word.length));
  }
  return [];
}

/** 第十九初级中学 → 十九初级中学, 十九初中, 十九初, 十九中 (display forms, without the input). */
export function shortForms(core: string): string[] {
  const out = new Set<string>();
  const bases = new Set([core, core.replace(/第(?=[零〇一二三四五六七八九十百千\d])/g, '')]);
  for (const b of bases) {
    out.add(b);
    for (const v of replaceFirst(b, TYPE_SHORT)) out.add(v);
  }
  for (const v of [...out]) for (const g of replaceFirst(v, GROUP_SHORT)) out.add(g);
  out.delete(core);
  return [...out].filter((v) => [...v].length >= 2);
}

/** Characters a piece worth finding does not start with (中东校区, 区西岗中 …). */
const NO_TAIL_START = /^[中小初高校部区市县省镇]/u;

/** True when a canonical tail names something, not just a kind of thing (回民小 yes, 小 and 中东校区 no). */
export function isMeaningfulTail(tail: string): boolean {
  if (NO_TAIL_START.test(tail)) return false;
  let s = tail;
  for (let changed = true; changed;) {
    changed = false;
    for (const g of GENERIC_TAILS) {
      if (s.endsWith(g) && s.length > g.length) {
        s = s.slice(0, -g.length);
        changed = true;
      }
    }
  }
  return [...s].length >= 2 && !GENERIC_TAILS.includes(s);
}

const pinyinCache = new Map<string, { full: string[]; initials: string[] }>();

/**
 * Each toned syllable pinyin-pro returns (zhōng) → its letters and its initial, as
 * pinyin-pro's own `toneType: 'none', v: true` and `pattern: 'first'` would give them
 * (cleaned to a-z). pinyin-pro strips tones with nine regular expressions per character
 * and would segment every name twice (once per pattern): asking it once for the toned
 * syllables and folding each distinct syllable once here does a fifth of the work.
 */
const syllables = new Map<string, { letters: string; initial: string }>();
const cleanPinyin = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
// pinyin-pro's tone stripping (getPinyinWithoutTone), then its `v` option (ü → v).
const TONES: [RegExp, string][] = [
  [/(ā|á|ǎ|à)/g, 'a'],
  [/(ō|ó|ǒ|ò)/g, 'o'],
  [/(ē|é|ě|è)/g, 'e'],
  [/(ī|í|ǐ|ì)/g, 'i'],
  [/(ū|ú|ǔ|ù)/g, 'u'],
  [/(ǖ|ǘ|ǚ|ǜ)/g, 'ü'],
  [/(n̄|ń|ň|ǹ)/g, 'n'],
  [/(m̄|ḿ|m̌|m̀)/g, 'm'],
  [/(ê̄|ế|ê̌|ề)/g, 'ê'],
];
const toneless = (s: string) => TONES.reduce((t, [re, plain]) => t.replace(re, plain), s).replace(/ü/g, 'v');

function syllable(toned: string): { letters: string; initial: string } {
  let hit = syllables.get(toned);
  if (!hit) {
    // pattern 'first' keeps the first character of each (toned) syllable, then strips its tone.
    const first = toned
      .split(' ')
      .map((p) => p[0] ?? '')
      .join(' ');
    syllables.set(toned, (hit = { letters: cleanPinyin(toneless(toned)), initial: cleanPinyin(toneless(first)) }));
  }
  return hit;
}

/** Toneless pinyin per character (digits read out first), and initials. */
export function pinyinOf(display: string): { full: string[]; initials: string[] } {
  const text = arabicNumeralsToChinese(display);
  let hit = pinyinCache.get(text);
  if (!hit) {
    // One item per character (nonZh 'spaced'); an item that is the character itself is one
    // pinyin-pro has no reading for (a letter, a rare character), which it leaves as it is.
    const toned = pinyin(text, { type: 'array', nonZh: 'spaced' });
    const chars = [...text];
    const full: string[] = [];
    const initials: string[] = [];
    toned.forEach((item, i) => {
      if (item === chars[i]) {
        const kept = cleanPinyin(item);
        full.push(kept);
        initials.push(kept);
      } else {
        const { letters, initial } = syllable(item);
        full.push(letters);
        initials.push(initial);
      }
    });
    hit = { full, initials };
    if (pinyinCache.size > 50_000) pinyinCache.clear();
    pinyinCache.set(text, hit);
  }
  return hit;
}

// ---------------------------------------------------------------------------
// Canonical forms of joined names

/**
 * The dictionary keys simplify.ts would change, as a trie (OpenCC replaces each longest
 * match by its entry's first value): a text in which none of them occurs comes out of
 * the converter as it went in.
 */
interface KeyNode {
  next: Map<string, KeyNode>;
  key: boolean;
}
const changingKeys: KeyNode = { next: new Map(), key: false };
for (const dict of [TWVariantsRev, HKVariantsRev, TSPhrases, TSCharacters]) {
  for (const entry of dict.split('|')) {
    const [from = '', to] = entry.split(' ');
    if (to === from) continue;
    let node = changingKeys;
    for (const ch of from) {
      let next = node.next.get(ch);
      if (!next) node.next.set(ch, (next = { next: new Map(), key: false }));
      node = next;
    }
    node.key = true;
  }
}

/** The node a walk from `node` along `text` ends at (undefined: no key goes on so), or true at a key. */
function walkKeys(node: KeyNode, text: string): KeyNode | true | undefined {
  let at: KeyNode | undefined = node;
  for (const ch of text) {
    at = at.next.get(ch);
    if (!at) return undefined;
    if (at.key) return true;
  }
  return at;
}

const WORD_CHARS = /^[\p{Script=Han}a-z0-9]*$/u;

/** Steps of a display form that can be joined to another (see canonicalJoin), or null. */
function joinableSteps(text: string): CanonicalSteps | null {
  // Han, a-z and 0-9 in NFKC form fold one character at a time (NFKC, case), and a
  // text in which no changing key occurs is not converted at all.
  if (!WORD_CHARS.test(text) || text.normalize('NFKC') !== text) return null;
  const chars = [...text];
  if (chars.some((_, i) => walkKeys(changingKeys, chars.slice(i).join('')) === true)) return null;
  return canonicalSteps(text);
}

const tails = new Map<string, CanonicalSteps | null>();

function tailSteps(text: string): CanonicalSteps | null {
  let hit = tails.get(text);
  if (hit === undefined) {
    if (tails.size > 50_000) tails.clear();
    tails.set(text, (hit = joinableSteps(text)));
  }
  return hit;
}

/** Pieces of a school-type word split in two (初级|中学, 初|中): none may straddle a join. */
const CONTRACTION_SPLITS = CONTRACTION_WORDS.flatMap((w) => [...w].slice(1).map((_, i) => [w.slice(0, i + 1), w.slice(i + 1)] as const));

/** What a head (a region form: few, each joined to many names) could do to the tail after it. */
interface JoinHead {
  steps: CanonicalSteps;
  /** Where changing keys that take in the head's last characters have got to. */
  openKeys: KeyNode[];
  /** It ends in a numeral: a tail that starts with one continues the number. */
  numeral: boolean;
  /** Its numerals end in 第: a tail that starts with a digit loses it. */
  ordinal: boolean;
  /** School-type words it ends the start of (城中 → 学): a tail that starts with the rest makes the word. */
  wordEnds: string[];
}
const heads = new Map<string, JoinHead | null>();

function joinHead(text: string): JoinHead | null {
  let hit = heads.get(text);
  if (hit === undefined) {
    const steps = joinableSteps(text);
    const chars = [...text];
    hit = steps && {
      steps,
      openKeys: chars.flatMap((_, i) => {
        const at = walkKeys(changingKeys, chars.slice(i).join(''));
        return at && at !== true ? [at] : [];
      }),
      numeral: NUMERAL_CHARS.includes(chars[chars.length - 1] ?? '-'),
      ordinal: steps.numerals.endsWith('第'),
      wordEnds: CONTRACTION_SPLITS.filter(([start]) => steps.ordinals.endsWith(start)).map(([, end]) => end),
    };
    if (heads.size > 10_000) heads.clear();
    heads.set(text, hit);
  }
  return hit;
}

/**
 * canonical(head + tail) for two display forms, from the canonical forms of each when
 * nothing of the one can change the other (郑州 + 十九中): a converter phrase across the
 * join (沈 + 下), a numeral that runs on (二 + 十中), 第 before a number (第 + 19), or a
 * school-type word across the join (城中 + 学府路小学). Region prefixes go in front of
 * every short form of every name, so this spares most of the index's canonical() calls;
 * anything doubtful is computed whole.
 */
export function canonicalJoin(head: string, tail: string): string {
  const h = joinHead(head);
  const t = tailSteps(tail);
  if (
    h &&
    t &&
    !h.openKeys.some((node) => walkKeys(node, tail) === true) &&
    !(h.numeral && NUMERAL_CHARS.includes(t.display[0] ?? '-')) &&
    !(h.ordinal && /^\d/.test(t.numerals)) &&
    !h.wordEnds.some((end) => t.ordinals.startsWith(end))
  )
    return h.steps.canonical + t.canonical;
  return canonical(head + tail);
}

/** A name that starts with its number (第一初级中学, 一中, 4小). */
const NUMBERED = new RegExp(`^[第${NUMERAL_CHARS}\\d]`, 'u');

const lower = (t: number): Tier => Math.max(0, Math.min(9, t)) as Tier;

/** The key tokens for a record's names, best tier first, each token once. */
export function buildTokens(names: NameInput[], opts: KeyOptions): string[] {
  const best = new Map<string, Tier>(); // token without its tier → best tier
  const add = (body: string, tier: Tier) => {
    if ((best.get(body) ?? -1) < tier) best.set(body, tier);
  };
  const addCanonical = (c: string, tier: Tier) => {
    if (c) add(hanToken(c, 0).slice(0, -1), tier);
  };
  const addHan = (text: string, tier: Tier) => addCanonical(canonical(text), tier);
  const addPinyin = (display: string, tier: Tier, initialsToo = true) => {
    const { full, initials } = pinyinOf(display);
    const letters = full.join('');
    if (letters.length >= 3) add(pinyinToken(letters, 0).slice(0, -1), tier);
    // Two initials (sx, zy) would match half the country; three narrow it down.
    const first = initials.join('');
    if (initialsToo && first.length >= 3) add(pinyinToken(first, 0).slice(0, -1), lower(tier - 1));
  };

  const levels = opts.regions.map((r) => ({ ...r, forms: formsOf(r) }));
  const allForms = levels.flatMap((l) => l.forms);
  const cityLevel = levels.find((l) => l.level === 'city') ?? levels.find((l) => l.level === 'province' && l.municipality);
  const districtLevel = levels.find((l) => l.level === 'district');
  const prefixForms: string[] = [];
  const bothForms: string[] = [];
  const pinyinPrefixes: string[] = [];
  const cityForms = cityLevel?.forms ?? [];
  const shortest = (forms: string[]) => [...forms].sort((a, b) => a.length - b.length)[0];
  const cityPinyinPrefix = cityLevel ? shortest(cityLevel.forms) : undefined;
  if (opts.regionPrefixed) {
    if (cityLevel) prefixForms.push(...cityLevel.forms);
    if (districtLevel) {
      prefixForms.push(...districtLevel.forms);
      // City and district together only in front of the core (新乡获嘉凯旋路小学), not of every short form.
      if (cityLevel) for (const c of cityLevel.forms) for (const d of districtLevel.forms) if (!d.startsWith(c)) bothForms.push(c + d);
    }
    // In pinyin each place in its shortest form (lingbao sixiao, zhengzhou shijiuzhong);
    // initials only with the nearest one (lbsx).
    for (const level of [districtLevel, cityLevel]) {
      const s = level ? shortest(level.forms) : undefined;
      if (s) pinyinPrefixes.push(s);
    }
  }

  for (const name of names) {
    const display = displayForm(name.text);
    if (!display) continue;
    const core = stripRegionPrefixes(display, allForms);
    addHan(display, name.tier);
    addHan(core, name.tier);
    if (opts.pinyin) {
      addPinyin(display, name.tier);
      addPinyin(core, name.tier);
    }
    const shorts = opts.shortForms ? shortForms(core) : [];
    const derivedTier = lower(Math.min(5, name.tier - 3));
    // Pinyin only for the short forms people say (十九中, 十九中集团); a long name typed
    // in pinyin is found by prefix through the name and its core.
    const spoken = (v: string) => [...v].length <= MAX_SPOKEN;
    for (const v of shorts) {
      addHan(v, derivedTier);
      if (opts.pinyin && spoken(v)) addPinyin(v, derivedTier);
    }
    if (opts.regionPrefixed) {
      for (const base of [core, ...shorts]) {
        // A numbered school of a district or county is numbered there: 获嘉一中 is not 新乡一中,
        // which names the city's own No. 1 (the city goes in front only with the district).
        const cityToo = !(districtLevel && cityLevel && NUMBERED.test(base));
        const forms = base === core ? [...prefixForms, ...bothForms] : prefixForms;
        for (const p of forms) if (cityToo || !cityForms.includes(p)) addCanonical(canonicalJoin(p, base), derivedTier);
        if (opts.pinyin && (base === core || [...base].length <= MAX_SPOKEN_WITH_PLACE))
          pinyinPrefixes.forEach((p, i) => {
            if (cityToo || p !== cityPinyinPrefix) addPinyin(p + base, derivedTier, i === 0);
          });
      }
    }
    if (opts.parts && name.tier >= 8) {
      const c = canonical(core);
      const chars = [...c];
      for (let i = 1; i < chars.length - 1; i++) {
        if (/\d/.test(chars[i - 1]!) && /\d/.test(chars[i]!)) continue;
        const tail = chars.slice(i).join('');
        if (isMeaningfulTail(tail)) add(hanToken(tail, 0).slice(0, -1), 2);
      }
      if (opts.pinyin && name.tier === 9) {
        const coreChars = [...core];
        const { full } = pinyinOf(core);
        if (full.length === coreChars.length) {
          for (let i = 1; i < coreChars.length - 1; i++) {
            const tail = coreChars.slice(i).join('');
            if (!isMeaningfulTail(canonical(tail))) continue;
            const letters = full.slice(i).join('');
            if (letters.length >= 4) add(pinyinToken(letters, 0).slice(0, -1), 2);
          }
        }
      }
    }
  }
  for (const r of opts.related ?? []) {
    const display = displayForm(r);
    if (!display) continue;
    addHan(display, 3);
    addHan(stripRegionPrefixes(display, allForms), 3);
  }
  // A derived pinyin token that merely begins another one of at least its tier adds
  // nothing: the name index finds the longer one by prefix anyway. Names and aliases stay,
  // so that typing one in full is an exact match (zhengzhou → 郑州市 before 郑州市…中学).
  const pinyinBodies = [...best.entries()].filter(([b]) => b.startsWith(PINYIN_PREFIX)).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (let i = 0; i < pinyinBodies.length - 1; i++) {
    const [body, tier] = pinyinBodies[i]!;
    if (tier >= 7) continue;
    for (let j = i + 1; j < pinyinBodies.length && pinyinBodies[j]![0].startsWith(body); j++) {
      if (pinyinBodies[j]![1] >= tier) {
        best.delete(body);
        break;
      }
    }
  }
  return [...best.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([body, tier]) => `${body}${tier}`);
}
