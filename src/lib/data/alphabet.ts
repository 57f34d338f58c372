/** A–Z index of Chinese names by the pinyin initial of their first character. */
import { pinyin } from 'pinyin-pro';

export function initialOf(name: string): string {
  const first = pinyin(name.slice(0, 1), { pattern: 'first', toneType: 'none', type: 'array' })[0] ?? '';
  const letter = first.slice(0, 1).toUpperCase();
  return /^[A-Z]$/.test(letter) ? letter : '#';
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
