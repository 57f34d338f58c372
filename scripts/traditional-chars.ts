/**
 * node scripts/traditional-chars.ts
 *
 * Writes src/lib/search/traditional-chars.ts: every character that the
 * traditional → simplified converter (simplify.ts, OpenCC data via opencc-js) changes
 * on its own. The search page loads that list (about 10 kB) to decide whether a query
 * that found nothing may be in traditional characters, before it downloads the
 * converter itself (about 40 kB). tests/unit/search-traditional.test.ts fails when
 * the list and opencc-js disagree: run this again after updating opencc-js.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { traditionalCharacters } from '../src/lib/search/traditional-source.ts';

const chars = traditionalCharacters();
const file = join(import.meta.dirname, '../src/lib/search/traditional-chars.ts');
writeFileSync(
  file,
  `/**
 * Characters the traditional → simplified converter (simplify.ts) changes on their own,
 * ${[...chars].length} of them. Written by scripts/traditional-chars.ts from opencc-js; do not edit.
 */
export const TRADITIONAL_CHARACTERS = '${chars}';
`,
);
console.log(`${file}: ${[...chars].length} characters`);
