/**
 * Whether a query may be written in traditional characters: the search page asks this
 * (loading about 4 kB) before it downloads the converter (simplify.ts, about 40 kB) for
 * a query that found nothing as typed. The list is traditional-chars.ts.
 */
import { BITMAP_FIRST, BITMAP_LAST, TRADITIONAL_BITMAP, TRADITIONAL_OTHERS } from './traditional-chars.ts';

const bitmap = Uint8Array.from(atob(TRADITIONAL_BITMAP), (c) => c.charCodeAt(0));
const others = new Set(TRADITIONAL_OTHERS);

/** True when the converter changes this character (alone or in a phrase). */
export function isTraditional(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  if (cp < BITMAP_FIRST || cp > BITMAP_LAST) return others.has(ch);
  const n = cp - BITMAP_FIRST;
  return (bitmap[n >> 3]! & (1 << (n & 7))) !== 0;
}

/** True when some character of the text is one the converter changes. */
export const mayBeTraditional = (text: string) => [...text].some(isTraditional);
