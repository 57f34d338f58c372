/**
 * node scripts/traditional-chars.ts
 *
 * Writes src/lib/search/traditional-chars.ts: every character that the
 * traditional → simplified converter (simplify.ts, OpenCC data via opencc-js) changes
 * alone or in a phrase. The search page loads that list (about 4 kB) to decide whether a query
 * that found nothing may be in traditional characters, before it downloads the
 * converter itself (about 40 kB). tests/unit/search-traditional.test.ts fails when
 * the list and opencc-js disagree: run this again after updating opencc-js.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { traditionalCharacters } from '../src/lib/search/traditional-source.ts';

const chars = [...traditionalCharacters()];
// The CJK main block as a bitmap (one bit per character, base64): a third of the
// size of the characters themselves. The few others are listed.
const FIRST = 0x4e00;
const LAST = 0x9fff;
const bits = new Uint8Array(Math.ceil((LAST - FIRST + 1) / 8));
const others: string[] = [];
for (const ch of chars) {
  const cp = ch.codePointAt(0)!;
  if (cp >= FIRST && cp <= LAST) bits[(cp - FIRST) >> 3]! |= 1 << ((cp - FIRST) & 7);
  else others.push(ch);
}
const file = join(import.meta.dirname, '../src/lib/search/traditional-chars.ts');
writeFileSync(
  file,
  `/**
 * Characters the traditional → simplified converter (simplify.ts) changes, ${chars.length} of them:
 * those from U+${FIRST.toString(16).toUpperCase()} to U+${LAST.toString(16).toUpperCase()} as a bitmap (bit n of the bytes is
 * U+${FIRST.toString(16).toUpperCase()} + n, base64), the others listed. Written by scripts/traditional-chars.ts from
 * opencc-js; do not edit.
 */
export const BITMAP_FIRST = 0x${FIRST.toString(16)};
export const BITMAP_LAST = 0x${LAST.toString(16)};
export const TRADITIONAL_BITMAP =
  '${Buffer.from(bits).toString('base64')}';
export const TRADITIONAL_OTHERS =
  '${others.join('')}';
`,
);
console.log(`${file}: ${chars.length} characters`);
