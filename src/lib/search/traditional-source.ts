/**
 * Where the list in traditional-chars.ts comes from: every character of the OpenCC
 * dictionaries simplify.ts uses that the converter changes, alone or inside one of
 * the dictionaries' phrases (乾 in 乾淨). Build and test time only (it loads the dictionaries).
 */
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import { simplify } from './simplify.ts';

/** The characters, sorted by code point, as one string. */
export function traditionalCharacters(): string {
  const changed = new Set<string>();
  // Each dictionary is "from to|from to|…"; only the "from" side can be traditional.
  for (const dict of [TSCharacters, TSPhrases, TWVariantsRev, HKVariantsRev]) {
    for (const entry of dict.split('|')) {
      const from = [...(entry.split(' ')[0] ?? '')];
      const to = [...simplify(from.join(''))];
      from.forEach((ch, i) => {
        if (simplify(ch) !== ch || (to.length === from.length && to[i] !== ch)) changed.add(ch);
      });
    }
  }
  return [...changed].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}
