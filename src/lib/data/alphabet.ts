/** A–Z index of Chinese names by the pinyin initial of their first character. */
import { pinyin } from 'pinyin-pro';

// A name's letter depends on its first character alone, and names share a few thousand of them.
const initialOfCharacter = new Map<string, string>();

export function initialOf(name: string): string {
  const character = name.slice(0, 1);
  let letter = initialOfCharacter.get(character);
  if (letter === undefined) {
    const first = (pinyin(character, { pattern: 'first', toneType: 'none', type: 'array' })[0] ?? '').slice(0, 1).toUpperCase();
    letter = /^[A-Z]$/.test(first) ? first : '#';
    initialOfCharacter.set(character, letter);
  }
  return letter;
}

/** Names grouped by initial, letters in order, names in pinyin order within a letter. */
export function alphabetize<T>(items: T[], name: (item: T) => string): { letter: string; items: T[] }[] {
  const buckets = new Map<string, T[]>();
  for (const item of items) {
    const letter = initialOf(name(item));
    const list = buckets.get(letter) ?? [];
    list.push(item);
    buckets.set(letter, list);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map(([letter, list]) => ({ letter, items: list.sort((a, b) => name(a).localeCompare(name(b), 'zh-CN-u-co-pinyin')) }));
}
