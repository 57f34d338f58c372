/**
 * node scripts/pinyin-table.ts
 *
 * Writes src/lib/search/pinyin-table.ts: the toneless pinyin of the 3,755 common
 * characters (GB 2312 level 1), as pinyin-pro reads each one alone, grouped by syllable.
 * The search page loads it (about 10 kB) only when a Chinese query finds no name as
 * typed, to look for names that sound the same (sound.ts). The index spells names
 * with the same function (keys.ts pinyinOf). tests/unit/search-sound.test.ts fails
 * when the table and pinyin-pro disagree: run this again after updating pinyin-pro.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyinTableText } from '../src/lib/search/pinyin-source.ts';

const text = pinyinTableText();
const file = join(import.meta.dirname, '../src/lib/search/pinyin-table.ts');
writeFileSync(
  file,
  `/**
 * Toneless pinyin of the common characters (GB 2312 level 1), grouped by syllable:
 * each run of letters is a syllable, the characters after it read so. Written by
 * scripts/pinyin-table.ts from pinyin-pro; do not edit. Importing it installs it (sound.ts).
 */
import { setPinyinTable } from './sound.ts';

export const PINYIN_TABLE =
  '${text}';

setPinyinTable(PINYIN_TABLE);
`,
);
console.log(`${file}: ${[...text].filter((c) => c > '\u3000').length} characters`);
