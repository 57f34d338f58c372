/**
 * Search keys: what the name index (name-index.ts) files each record under and what a
 * query looks up, as plain lower-case ASCII words, so that matching never depends on
 * how Chinese is segmented. A query key matches every indexed token that starts with
 * it, which turns prefix search on names into prefix search on keys.
 *
 *   qz… a canonical name (see normalize.ts), three characters per character, from a
 *       35-symbol alphabet (0-9 a-y): prefix of a name ⇔ prefix of its key.
 *   qp… pinyin or pinyin initials, letters only.
 *
 * An indexed key token ends with its tier, so the page can tell an exact match from
 * an extension and a name from a short form: qz…z9 (the z cannot occur in a code),
 * qp…9 (pinyin has no digits).
 */

export const HAN_PREFIX = 'qz';
export const PINYIN_PREFIX = 'qp';
/** Marks, for Pagefind, each record's block on a page that holds several (the glossary): qb + record id. */
export const BLOCK_PREFIX = 'qb';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxy';
const BASE = ALPHABET.length; // 35 → 42 875 three-symbol codes
const DIGIT_SLOT = 42800;
const LETTER_SLOT = 42810;
const SPARE_SLOT = 42836; // anything else (never produced by canonical())

function slot(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x30 && cp <= 0x39) return DIGIT_SLOT + cp - 0x30;
  if (cp >= 0x61 && cp <= 0x7a) return LETTER_SLOT + cp - 0x61;
  // CJK Unified Ideographs Extension A and the main block.
  if (cp >= 0x3400 && cp <= 0x9fff) return cp - 0x3400;
  // Rarer ideographs (extensions B–…) share the remaining codes; a clash only widens a match.
  if (cp >= 0x20000) return 27648 + ((cp - 0x20000) % (DIGIT_SLOT - 27648));
  return SPARE_SLOT;
}

function encodeChar(ch: string): string {
  let n = slot(ch);
  const a = n % BASE;
  n = Math.floor(n / BASE);
  const b = n % BASE;
  const c = Math.floor(n / BASE);
  return ALPHABET[c]! + ALPHABET[b]! + ALPHABET[a]!;
}

/** The code of a canonical string (three symbols per character). */
export function encodeCanonical(canonicalText: string): string {
  let out = '';
  for (const ch of canonicalText) out += encodeChar(ch);
  return out;
}

/** Decodes a code back to text (tests and debugging). */
export function decodeCanonical(code: string): string {
  let out = '';
  for (let i = 0; i + 3 <= code.length; i += 3) {
    const n = ALPHABET.indexOf(code[i]!) * BASE * BASE + ALPHABET.indexOf(code[i + 1]!) * BASE + ALPHABET.indexOf(code[i + 2]!);
    if (n >= LETTER_SLOT && n < LETTER_SLOT + 26) out += String.fromCharCode(0x61 + n - LETTER_SLOT);
    else if (n >= DIGIT_SLOT && n < DIGIT_SLOT + 10) out += String(n - DIGIT_SLOT);
    else if (n < 27648) out += String.fromCodePoint(n + 0x3400);
    else out += '?';
  }
  return out;
}

export type Tier = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** The query word for a canonical string. */
export const hanKey = (canonicalText: string) => HAN_PREFIX + encodeCanonical(canonicalText);
/** The indexed token for a canonical string at a tier. */
export const hanToken = (canonicalText: string, tier: Tier) => `${hanKey(canonicalText)}z${tier}`;
/** The query word for pinyin letters. */
export const pinyinKey = (letters: string) => PINYIN_PREFIX + letters;
/** The indexed token for pinyin letters at a tier. */
export const pinyinToken = (letters: string, tier: Tier) => `${pinyinKey(letters)}${tier}`;

export interface TokenMatch {
  /** The token is the query key itself, not a longer name that starts with it. */
  exact: boolean;
  tier: number;
  /** How much longer the indexed name is than the query (characters for xq, letters for xp). */
  extra: number;
}

/** How a query key matches one indexed token, or null when it does not. */
export function matchToken(key: string, token: string): TokenMatch | null {
  if (!token.startsWith(key)) return null;
  const han = key.startsWith(HAN_PREFIX);
  if (han !== token.startsWith(HAN_PREFIX)) return null;
  const tierChar = token[token.length - 1]!;
  const tier = Number(tierChar);
  if (!Number.isInteger(tier)) return null;
  const body = han ? token.slice(0, -2) : token.slice(0, -1);
  if (han && token[token.length - 2] !== 'z') return null;
  const extraChars = body.length - key.length;
  if (extraChars < 0) return null;
  return { exact: extraChars === 0, tier, extra: han ? extraChars / 3 : extraChars };
}
