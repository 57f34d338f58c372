/** The query side: what is sent to Pagefind for what a reader typed, and how hits are ordered. */
import { describe, expect, it } from 'vitest';
import { hanKey, hanToken, pinyinKey, pinyinToken } from '../../src/lib/search/codes.ts';
import { bestMatch, compareMatches, containsAllParts, isAmbiguous, planQuery, rankCandidates } from '../../src/lib/search/query.ts';
import { hasSimplifier } from '../../src/lib/search/normalize.ts';

describe('without the traditional-character dictionary', () => {
  it('leaves traditional characters as they are until simplify.ts is loaded', async () => {
    expect(hasSimplifier()).toBe(false);
    expect(planQuery('經八路').folded).toBe('經八路');
    await import('../../src/lib/search/simplify.ts');
    expect(hasSimplifier()).toBe(true);
    expect(planQuery('經八路').folded).toBe('经八路');
  });
});

describe('planQuery', () => {
  it('sends one Chinese key for a Chinese name, in any script or numeral style', () => {
    for (const q of ['十九中', '19中', '１９中', ' 十九中 ']) {
      const plan = planQuery(q);
      expect(plan.attempts[0], q).toMatchObject({ kind: 'name', pagefindQuery: hanKey('19中'), keys: [hanKey('19中')] });
    }
    expect(planQuery('經八路小學').attempts[0]!.pagefindQuery).toBe(hanKey('经8路小'));
  });

  it('tries a name typed with spaces whole first, then word by word, then as text', () => {
    const plan = planQuery('郑州 十九中');
    expect(plan.attempts.map((a) => a.kind)).toEqual(['name', 'words', 'text']);
    expect(plan.attempts[0]!.keys).toEqual([hanKey('郑州19中')]);
    expect(plan.attempts[1]!.keys).toEqual([hanKey('郑州'), hanKey('19中')]);
    expect(plan.attempts[2]!.parts).toEqual(['郑州', '十九中']);
  });

  it('reads Latin letters as pinyin or initials, spaces and case ignored', () => {
    expect(planQuery('Jingbalu Xiaoxue').attempts[0]).toMatchObject({ kind: 'pinyin', keys: [pinyinKey('jingbaluxiaoxue')] });
    expect(planQuery('jblxx').attempts[0]!.keys).toEqual([pinyinKey('jblxx')]);
    expect(planQuery('19zhong').attempts.map((a) => a.pagefindQuery)).toContain(pinyinKey('shijiuzhong'));
  });

  it('reads digits and symbols without Chinese as a name first (102, 1+X)', () => {
    expect(planQuery('102').attempts[0]!.keys).toEqual([hanKey('102')]);
    expect(planQuery('1+X').attempts[0]!.keys).toEqual([hanKey('1x')]);
  });

  it('asks nothing for an empty query', () => {
    expect(planQuery('   ').attempts).toEqual([]);
    expect(planQuery('，。！').attempts).toEqual([]);
  });

  it('bounds the query length', () => {
    expect(planQuery('学'.repeat(500)).input.length).toBe(80);
  });
});

describe('ranking', () => {
  const rec = (name: string, tokens: string[], score = 1) => ({ name, tokens, score });

  it('puts an exact name before a longer one that starts with it', () => {
    const school = rec('郑州市第十九初级中学', [hanToken('19初', 9), hanToken('19中', 5)]);
    const group = rec('郑州市第十九初级中学教育集团', [hanToken('19初集团', 9), hanToken('19中集团', 5)], 5);
    const ranked = rankCandidates([hanKey('19中')], [group, school]);
    expect(ranked.map((r) => r.item.name)).toEqual([school.name, group.name]);
  });

  it('puts a real name or alias before a derived short form', () => {
    const alias = rec('漯河市实验中学', [hanToken('实验中', 8)]);
    const derived = rec('济南实验初级中学', [hanToken('实验初', 9), hanToken('实验中', 5)], 9);
    expect(rankCandidates([hanKey('实验中')], [derived, alias])[0]!.item).toBe(alias);
  });

  it('puts a short form before a piece of a name, and a shorter extension first', () => {
    const a = bestMatch([hanKey('回民')], [hanToken('回民小', 2)])!;
    const b = bestMatch([hanKey('回民')], [hanToken('回民路小', 9)])!;
    expect(compareMatches(b, a)).toBeLessThan(0);
    const near = bestMatch([pinyinKey('jingba')], [pinyinToken('jingbalu', 9)])!;
    const far = bestMatch([pinyinKey('jingba')], [pinyinToken('jingbaluxiaoxue', 9)])!;
    expect(compareMatches(near, far)).toBeLessThan(0);
  });

  it('keeps Pagefind’s order among equals', () => {
    const a = rec('a', [hanToken('育秀小', 9)], 1);
    const b = rec('b', [hanToken('育秀中', 9)], 2);
    const ranked = rankCandidates([hanKey('育秀')], [a, b]);
    expect(ranked.map((r) => r.item.name)).toEqual(['b', 'a']);
    expect(isAmbiguous(ranked)).toBe(true);
  });

  it('drops a hit that does not match every word, so no word is ignored', () => {
    const only = rec('经八路', [hanToken('经8路小', 9)]);
    expect(rankCandidates([hanKey('经8路'), hanKey('火星')], [only])).toEqual([]);
    expect(rankCandidates([hanKey('经8路')], [only])).toHaveLength(1);
  });

  it('checks full-text hits for every word', () => {
    expect(containsAllParts('济南​市​经八路​小学', ['经八路', '小学'])).toBe(true);
    expect(containsAllParts('济南市经八路小学', ['经八路', '火星'])).toBe(false);
    expect(containsAllParts('經八路小學', ['经八路'])).toBe(true);
  });
});
