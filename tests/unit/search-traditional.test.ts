/** The list of traditional characters the search page checks before it downloads the converter. */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { traditionalCharacters } from '../../src/lib/search/traditional-source.ts';
import { isTraditional, mayBeTraditional } from '../../src/lib/search/traditional.ts';
import { simplify } from '../../src/lib/search/simplify.ts';

describe('traditional characters', () => {
  it('lists what opencc-js converts (run scripts/traditional-chars.ts after updating opencc-js)', () => {
    const expected = new Set(traditionalCharacters());
    expect(expected.size).toBeGreaterThan(2000);
    // Every character of the BMP and the first astral planes, against opencc-js's list.
    const wrong: string[] = [];
    for (let cp = 0x3000; cp < 0x32000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (isTraditional(ch) !== expected.has(ch)) wrong.push(ch);
    }
    expect(wrong).toEqual([]);
    for (const ch of expected) expect(isTraditional(ch), ch).toBe(true);
  });

  it('flags traditional queries and lets simplified ones through', () => {
    for (const q of ['經八路小學', '鄭州十九中', '濟南育秀中學', '乾淨']) expect(mayBeTraditional(q), q).toBe(true);
    for (const q of ['经八路小学', '郑州十九中', '胜利小学', '南上山小学', 'jingbalu', '102']) expect(mayBeTraditional(q), q).toBe(false);
  });

  it('flags every query the converter changes in the query set, here or not', () => {
    // Queries are fixed text in the repository, not data: the set covers the traditional kind.
    const rows = Papa.parse<{ query: string }>(readFileSync('tests/search-queries.csv', 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const converted = rows.filter((r) => simplify(r.query) !== r.query);
    expect(converted.length).toBeGreaterThan(5);
    for (const r of converted) expect(mayBeTraditional(r.query), r.query).toBe(true);
  });
});
