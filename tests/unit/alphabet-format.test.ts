import { describe, expect, it } from 'vitest';
import { alphabetize, initialOf } from '../../src/lib/data/alphabet.ts';
import { formatStatValue } from '../../src/lib/data/format.ts';
import { toJsonRecord } from '../../src/lib/open-data/json-records.ts';
import { parseFuzzyDate } from '../../src/lib/fuzzy-date.ts';

describe('A–Z by pinyin', () => {
  it('files names under the initial of their first character', () => {
    expect(initialOf('经五路小学')).toBe('J');
    expect(initialOf('郑州市第十九初级中学')).toBe('Z');
    expect(initialOf('102初中')).toBe('#');
  });
  it('orders letters and names', () => {
    const groups = alphabetize(['育秀小学', '经八路小学', '经五路小学', '泉海小学'], (s) => s);
    expect(groups.map((g) => g.letter)).toEqual(['J', 'Q', 'Y']);
    expect(groups[0]!.items).toEqual(['经八路小学', '经五路小学']);
  });
});

describe('formatStatValue', () => {
  it('formats rates, counts and qualifiers', () => {
    expect(formatStatValue(69.5, 'percent')).toBe('69.5%');
    expect(formatStatValue(53, 'percent')).toBe('53%');
    expect(formatStatValue(11239, 'count')).toBe('11,239');
    expect(formatStatValue(85, 'percent', 'gte')).toBe('≥85%');
  });
});

describe('toJsonRecord', () => {
  it('writes dates as their source text and drops bookkeeping fields', () => {
    expect(
      toJsonRecord({ id: 'x', founded: { text: '2016', parsed: parseFuzzyDate('2016') }, _file: 'data/groups.csv', _line: 3 }),
    ).toEqual({ id: 'x', founded: '2016' });
  });
});
