/**
 * Whether a query may be written in traditional characters: the search page asks this
 * (loading about 10 kB) before it downloads the converter (simplify.ts, about 40 kB) for
 * a query that found nothing as typed. The list is traditional-chars.ts.
 */
import { TRADITIONAL_CHARACTERS } from './traditional-chars.ts';

const traditional = new Set(TRADITIONAL_CHARACTERS);

/** True when some character of the text is one the converter changes. */
export const mayBeTraditional = (text: string) => [...text].some((ch) => traditional.has(ch));
