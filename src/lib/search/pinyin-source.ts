/**
 * What scripts/pinyin-table.ts writes and tests/unit/search-sound.test.ts checks: the
 * common characters (GB 2312 level 1, decoded with the runtime's GBK decoder) by their
 * toneless reading as the index spells it (keys.ts pinyinOf), grouped by syllable.
 * Build time only: it loads the pinyin dictionary.
 */
import { pinyinOf } from './keys.ts';

/** GB 2312 level 1: rows 0xB0–0xD7, the 3,755 most common characters, by reading. */
export function commonCharacters(): string[] {
  const decoder = new TextDecoder('gbk');
  const out: string[] = [];
  for (let row = 0xb0; row <= 0xd7; row++)
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = decoder.decode(new Uint8Array([row, cell]));
      if (/^\p{Script=Han}$/u.test(ch)) out.push(ch);
    }
  return out;
}

/** "a阿啊…ai爱…": each syllable, then its characters (syllables in order of first use). */
export function pinyinTableText(): string {
  const groups = new Map<string, string>();
  for (const ch of commonCharacters()) {
    const reading = pinyinOf(ch).full[0] ?? '';
    if (!/^[a-z]+$/.test(reading)) continue;
    groups.set(reading, (groups.get(reading) ?? '') + ch);
  }
  return [...groups].map(([reading, chars]) => reading + chars).join('');
}
