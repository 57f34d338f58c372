/**
 * Text normalisation shared by the index (build time) and the query (browser).
 * Pure: no Astro, no DOM, no pinyin dictionary — small enough for the search page.
 * The traditional → simplified dictionary lives in simplify.ts, loaded when needed.
 *
 * The canonical form of a name is what both sides compare:
 *   traditional → simplified, full-width → half-width, lower case, punctuation and
 *   spaces dropped, Chinese numerals → Arabic (十九 → 19, 一百零二 → 102), 第 before a
 *   number dropped, and school-type words shortened (初级中学/初中 → 初, 中学 → 中,
 *   小学 → 小, 教育集团 → 集团 …). 郑州市第十九初级中学 → 郑州市19初.
 */
type Simplifier = (text: string) => string;
let simplifier: Simplifier | undefined;

/**
 * Installs the traditional → simplified converter. simplify.ts does so when it is
 * imported: the index side always imports it, the search page only when a query
 * may be written in traditional characters (its dictionary is most of the page's
 * script).
 */
export function setSimplifier(fn: Simplifier): void {
  simplifier = fn;
}
export const hasSimplifier = () => simplifier !== undefined;

/** Traditional (Taiwan, Hong Kong or OpenCC standard) characters to simplified, once simplify.ts is loaded. */
export function toSimplified(text: string): string {
  return simplifier ? simplifier(text) : text;
}

/** Width, case and script folded: ＂鄭州１９中＂ → "郑州19中". */
export function foldText(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase());
}

const HAN = /\p{Script=Han}/u;
export const hasHan = (text: string) => HAN.test(text);

/** Only Han characters, ASCII letters and digits survive (after folding). */
export function keepWordChars(text: string): string {
  return text.replace(/[^\p{Script=Han}a-z0-9]/gu, '');
}

// ---------------------------------------------------------------------------
// Numerals

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** The characters of a Chinese numeral. */
export const NUMERAL_CHARS = '零〇一二三四五六七八九十百千';
const NUMERAL_RUN = new RegExp(`[${NUMERAL_CHARS}]+`, 'g');

/**
 * The value of a Chinese numeral written the way school names write them:
 * 十九 → "19", 一百零二 → "102", 二七 → "27" (digit by digit when there is no unit).
 * Returns null for a run that is not a well-formed number (十十).
 */
export function chineseNumeralToArabic(run: string): string | null {
  const chars = [...run];
  if (chars.length === 0) return null;
  if (!chars.some((c) => c in UNITS)) return chars.map((c) => String(DIGITS[c] ?? '')).join('') || null;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const c of chars) {
    if (c in UNITS) {
      const unit = UNITS[c]!;
      if (unit >= lastUnit) return null;
      total += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
    } else {
      const d = DIGITS[c]!;
      if (d === 0) continue; // 零 only marks a skipped place: 一百零二
      if (digit !== null) return null;
      digit = d;
    }
  }
  return String(total + (digit ?? 0));
}

const HAN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 19 → 十九, 102 → 一百零二, 110 → 一百一十; digit by digit from 10000 up. */
export function arabicToChinese(value: string | number): string {
  const text = String(value);
  if (!/^\d+$/.test(text)) return text;
  const n = Number(text);
  if (text.length > 1 && text.startsWith('0')) return [...text].map((d) => HAN_DIGITS[Number(d)]).join('');
  if (n >= 10000) return [...text].map((d) => HAN_DIGITS[Number(d)]).join('');
  if (n < 10) return HAN_DIGITS[n]!;
  const places: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let out = '';
  let rest = n;
  let pendingZero = false;
  for (const [size, unit] of places) {
    const d = Math.floor(rest / size);
    rest %= size;
    if (d === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    // 十九, not 一十九 — but 一百一十.
    out += (d === 1 && size === 10 && !out ? '' : HAN_DIGITS[d]) + unit;
  }
  if (rest > 0) out += (pendingZero ? '零' : '') + HAN_DIGITS[rest];
  return out;
}

/** Every Chinese numeral in the text to Arabic digits: 第十九初级中学 → 第19初级中学. */
export function chineseNumeralsToArabic(text: string): string {
  return text.replace(NUMERAL_RUN, (run) => chineseNumeralToArabic(run) ?? run);
}

/** Every run of Arabic digits to a Chinese numeral: 102初中 → 一百零二初中. */
export function arabicNumeralsToChinese(text: string): string {
  return text.replace(/\d+/g, (run) => arabicToChinese(run));
}

// ---------------------------------------------------------------------------
// Canonical form

/** School-type words and their short forms; longer words first (初级中学 before 中学). */
export const CONTRACTIONS: Readonly<Record<string, string>> = {
  初级中学: '初',
  高级中学: '高',
  教育发展共同体: '共同体',
  教育共同体: '共同体',
  教育集团: '集团',
  教育联盟: '联盟',
  初中: '初',
  高中: '高',
  中学: '中',
  小学: '小',
};
// One pass: alternation tries the longer words first at each position.
const CONTRACTION = new RegExp(Object.keys(CONTRACTIONS).join('|'), 'g');

// The index asks for the same names (regions, prefixes) again and again.
const canonicalCache = new Map<string, string>();

/** What canonical() makes of a text, step by step (keys.ts joins canonical forms with these). */
export interface CanonicalSteps {
  /** Folded, punctuation dropped: displayForm(). */
  display: string;
  /** …with Chinese numerals as Arabic digits. */
  numerals: string;
  /** …with 第 before a number dropped. */
  ordinals: string;
  /** …with school-type words shortened: canonical(). */
  canonical: string;
}

/** The school-type words canonical() shortens. */
export const CONTRACTION_WORDS: readonly string[] = Object.keys(CONTRACTIONS);

export function canonicalSteps(text: string): CanonicalSteps {
  const display = keepWordChars(foldText(text));
  const numerals = chineseNumeralsToArabic(display);
  const ordinals = numerals.replace(/第(?=\d)/g, '');
  return { display, numerals, ordinals, canonical: ordinals.replace(CONTRACTION, (word) => CONTRACTIONS[word]!) };
}

/** The canonical comparison form (see the file comment). */
export function canonical(text: string): string {
  const hit = canonicalCache.get(text);
  if (hit !== undefined && hasSimplifier()) return hit;
  const s = canonicalSteps(text).canonical;
  // Only once traditional characters can be folded: before that, the answer may change.
  if (hasSimplifier()) {
    if (canonicalCache.size > 100_000) canonicalCache.clear();
    canonicalCache.set(text, s);
  }
  return s;
}

/** Folded display text: simplified, punctuation dropped, numerals as written. */
export function displayForm(text: string): string {
  return keepWordChars(foldText(text));
}

// ---------------------------------------------------------------------------
// Pinyin typed by a reader

const NUMERAL_PINYIN: Record<string, string> = {
  零: 'ling',
  一: 'yi',
  二: 'er',
  三: 'san',
  四: 'si',
  五: 'wu',
  六: 'liu',
  七: 'qi',
  八: 'ba',
  九: 'jiu',
  十: 'shi',
  百: 'bai',
  千: 'qian',
};

/** Toneless pinyin of a Chinese numeral written out: 19 → shijiu. */
export function numberPinyin(digits: string): string {
  return [...arabicToChinese(digits)].map((c) => NUMERAL_PINYIN[c] ?? '').join('');
}

/**
 * What a reader typed in Latin letters, as the index spells pinyin: lower case, no
 * spaces or apostrophes, tone marks dropped, ü as v, digits read out (19zhong → shijiuzhong).
 */
export function normalizePinyin(text: string): string {
  const s = text.normalize('NFKC').toLowerCase().replace(/u:/g, 'v').replace(/ü/g, 'v').normalize('NFD').replace(/\p{M}/gu, '');
  return s.replace(/\d+/g, (d) => numberPinyin(d)).replace(/[^a-z]/g, '');
}
