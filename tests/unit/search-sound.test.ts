/**
 * The sound pass (sound.ts): the pinyin table against pinyin-pro, the 模糊音 folding,
 * letter slips, ranking, and which bundles it reads; English names (english.ts).
 */
import { describe, expect, it } from 'vitest';
import { pinyinKey, pinyinToken } from '../../src/lib/search/codes.ts';
import { readEnglish } from '../../src/lib/search/english.ts';
import { pinyinOf } from '../../src/lib/search/keys.ts';
import type { KeyBundle } from '../../src/lib/search/name-index.ts';
import { commonCharacters, pinyinTableText } from '../../src/lib/search/pinyin-source.ts';
import { PINYIN_TABLE } from '../../src/lib/search/pinyin-table.ts';
import { foldSound, hanPinyin, keyPinyin, MAX_SOUND_BUNDLES, prefixSlips, rankSound, soundBundles } from '../../src/lib/search/sound.ts';
import { bundleFor, type ShardTable } from '../../src/lib/search/shards.ts';

const bundle = (members: [number, string[]][]): KeyBundle => ({
  members: members.map(([record, tokens]) => [record, tokens.join(' '), 0]),
  filters: ['school|r||'],
});

describe('the pinyin table', () => {
  it('is what pinyin-pro reads (run scripts/pinyin-table.ts after updating pinyin-pro)', () => {
    expect(PINYIN_TABLE).toBe(pinyinTableText());
    expect(commonCharacters()).toHaveLength(3755);
  });

  it('reads a canonical name as the index spells it, digits read out', () => {
    expect(hanPinyin('九区小学')).toBe('jiuquxiaoxue');
    expect(hanPinyin('育辉小学')).toBe(pinyinOf('育晖小学').full.join(''));
    expect(hanPinyin('郑州19中')).toBe('zhengzhoushijiuzhong');
    expect(hanPinyin('1x模式')).toBe('yixmoshi');
    // Not a common character: no guess.
    expect(hanPinyin('九曲小学𠀀')).toBeNull();
    expect(keyPinyin(pinyinKey('huzulu'))).toBe('huzulu');
  });
});

describe('foldSound', () => {
  it('folds each 模糊音 pair to one spelling', () => {
    const pairs: [string, string][] = [
      ['zhu', 'zu'],
      ['chang', 'cang'],
      ['shan', 'san'],
      ['nan', 'lan'],
      ['fu', 'hu'],
      ['jingwu', 'jinwu'],
      ['sheng', 'shen'],
      ['yang', 'yan'],
    ];
    for (const [a, b] of pairs) expect(foldSound(a), `${a} ${b}`).toBe(foldSound(b));
    expect(foldSound('huzhulu')).toBe(foldSound('huzulu'));
    // Different sounds stay apart.
    expect(foldSound('jiuqu')).not.toBe(foldSound('jiuji'));
    expect(foldSound('xiao')).not.toBe(foldSound('qiao'));
  });
});

describe('prefixSlips', () => {
  it('counts a letter missing, extra, wrong or swapped against a prefix of the name', () => {
    expect(prefixSlips('xiaoxe', 'xiaoxuejiaoyu', 1)).toEqual({ slips: 1, end: 7 });
    expect(prefixSlips('xiaoxeu', 'xiaoxue', 1)?.slips).toBe(1);
    expect(prefixSlips('xaioxue', 'xiaoxue', 1)?.slips).toBe(1);
    expect(prefixSlips('kaixunlu', 'kaixuanlu', 1)?.slips).toBe(1);
    expect(prefixSlips('xiaoxue', 'xiaoxue', 0)).toEqual({ slips: 0, end: 7 });
    expect(prefixSlips('xiaoxx', 'xiaoxue', 1)?.slips).toBe(1);
    expect(prefixSlips('xiaoyy', 'xiaoxue', 1)).toBeNull();
    // The first letter must agree: the index is routed by it.
    expect(prefixSlips('biaoxue', 'xiaoxue', 1)).toBeNull();
  });
});

describe('rankSound', () => {
  const b = bundle([
    [0, [pinyinToken('jiuquxiaoxue', 9)]],
    [1, [pinyinToken('jiujixiaoxue', 9)]],
    [2, [pinyinToken('huzhuluxiaoxue', 9)]],
    [3, [pinyinToken('jingwuluxiaoxue', 9), pinyinToken('jingwulu', 5)]],
    [4, [pinyinToken('jingbaluxiaoxue', 9)]],
  ]);

  it('finds the same syllables first, then the same after folding, then (typed) letter slips', () => {
    expect(rankSound('jiuquxiao', [b]).map((r) => [r.item, r.match.grade])).toEqual([[0, 0]]);
    expect(rankSound('huzulu', [b]).map((r) => [r.item, r.match.grade])).toEqual([[2, 1]]);
    expect(rankSound('jinwulu', [b])[0]).toMatchObject({ item: 3, match: { grade: 1, tier: 9, extra: 7 } });
    expect(rankSound('jingbaluxiaoxe', [b])).toEqual([]);
    expect(rankSound('jingbaluxiaoxe', [b], {}, true).map((r) => [r.item, r.match.grade, r.match.slips])).toEqual([[4, 2, 1]]);
  });

  it('keeps short queries exact: no slips below five letters', () => {
    expect(rankSound('jiuq', [b], {}, true).map((r) => r.item)).toEqual([0]);
    expect(rankSound('jiux', [b], {}, true)).toEqual([]);
  });
});

describe('soundBundles', () => {
  it('reads the bundles a 模糊音 pair among the routing letters leads to, a few at most', () => {
    const table: ShardTable = { version: 3, buckets: 64, splits: [], crowded: [], own: [] };
    const names = soundBundles(table, 'zengzhou');
    // Its own route (qpze), then zh… (qpzh).
    expect(names[0]).toBe(bundleFor(table, pinyinKey('zengzhou')));
    expect(names).toContain(bundleFor(table, pinyinKey('zhengzhou')));
    expect(names.length).toBeLessThanOrEqual(1 + MAX_SOUND_BUNDLES);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('readEnglish', () => {
  it('maps the words for kinds of school to pinyin, with places in front', () => {
    expect(readEnglish('zhengzhou no. 19 junior high school')?.whole[0]).toBe('zhengzhoushijiuchuzhong');
    expect(readEnglish('lingbao no.4 primary school')?.whole[0]).toBe('lingbaosixiaoxue');
    expect(readEnglish('jingwu education group')?.whole).toEqual(['jingwujiaoyujituan', 'jingwujituan']);
    expect(readEnglish('changjiang road middle school')?.whole[0]).toBe('changjiangluzhong');
    expect(readEnglish('luohe experimental middle school')?.whole[0]).toBe('luoheshiyanzhong');
  });

  it('makes places keys of their own, largest first', () => {
    expect(readEnglish('huzhulu primary school, zhongyuan district, zhengzhou')?.words[0]).toEqual([
      'zhengzhou',
      'zhongyuan',
      'huzhuluxiaoxue',
    ]);
    expect(readEnglish('zhengzhou no. 19 junior high school')?.words[0]).toEqual(['zhengzhou', 'shijiuchuzhong']);
    expect(readEnglish('kaixuanlu primary school, huojia county')?.words[0]).toEqual(['huojia', 'kaixuanluxiaoxue']);
  });

  it('leaves plain pinyin alone', () => {
    expect(readEnglish('jingbalu xiaoxue')).toBeNull();
    expect(readEnglish('zhengzhou')).toBeNull();
  });
});
