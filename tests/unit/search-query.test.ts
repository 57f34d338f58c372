/** The query side: the keys (or full-text words) for what a reader typed, and how results are ordered. */
import { describe, expect, it } from 'vitest';
import { hanKey, hanToken, pinyinKey, pinyinToken } from '../../src/lib/search/codes.ts';
import { rankRecords, type KeyBundle } from '../../src/lib/search/name-index.ts';
import { bestMatch, compareMatches, containsAllParts, isAmbiguous, planQuery, setAsideFiller } from '../../src/lib/search/query.ts';
import { canonical, foldText, hasSimplifier } from '../../src/lib/search/normalize.ts';

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

  it('sets aside the words of a question around a name', () => {
    const cases: [string, string, string[]][] = [
      ['经八路小学在哪个集团', '经8路小', ['在哪个集团']],
      ['十九中属于哪个教育集团', '19中', ['属于哪个教育集团']],
      ['我家孩子在永长街回民小学上学', '永长街回民小', ['我家孩子在', '上学']],
      ['请问，实验教育集团是哪个集团的？', '实验集团', ['请问', '是哪个集团', '的']],
      ['育英中学是哪所学校', '育英中', ['是哪所学校']],
      ['经五路小学吗', '经5路小', ['吗']],
      ['济南市经八路小学校', '济南市经8路小', ['校']],
      ['育秀小学学校', '育秀小', ['学校']],
      // Spoken (issue #28): 它, 有集团, 是集团校, 属于什么, a second clause.
      ['孩子在郑州互助路小学读书，它有集团吗', '郑州互助路小', ['孩子在', '读书', '它', '有集团', '吗']],
      ['分水岭小学是集团校吗？', '分水岭小', ['是集团校', '吗']],
      ['我想问一下经八路小学是不是集团校呢', '经8路小', ['我想问一下', '是不是集团校', '呢']],
      ['请问下，育晖小学属于什么教育集团呢？', '育晖小', ['请问下', '属于什么教育集团', '呢']],
      ['我女儿在灵宝市第三小学读书，这个学校有集团吗', '灵宝市3小', ['我女儿在', '读书', '这个学校', '有集团', '吗']],
      ['啊，南上山街小学呢？谢谢', '南上山街小', ['啊', '呢', '谢谢']],
    ];
    for (const [query, name, setAside] of cases) {
      const plan = planQuery(query);
      expect(plan.attempts[0]!.keys, query).toEqual([hanKey(name)]);
      // Set aside as folded (the converter, once loaded, folds 什么 to 什幺).
      expect(plan.setAside, query).toEqual(setAside.map(foldText));
      // The words as typed stay a later attempt; full text looks for the name alone.
      expect(plan.attempts.map((a) => a.keys[0]).indexOf(hanKey(canonical(query)))).toBeGreaterThan(0);
      const text = plan.attempts.at(-1)!;
      expect(text.kind).toBe('text');
      expect(text.parts.join(''), query).not.toContain(setAside.at(-1));
    }
  });

  it('tries each clause of a sentence on its own', () => {
    const keys = planQuery('它有集团吗，孩子在互助路小学').attempts.map((a) => a.keys[0]);
    expect(keys).toContain(hanKey('互助路小'));
    expect(keys[0]).not.toBe(hanKey('互助路小'));
  });

  it('keeps words that belong to names', () => {
    const cases: [string, string][] = [
      ['实验', '实验'],
      ['实验教育集团', '实验集团'],
      ['中心小学', '中心小'],
      ['十九中教育集团', '19中集团'],
      ['上学', '上学'],
      ['哪所', '哪所'],
      ['在哪个集团', '在哪个集团'],
      ['西湖学校', '西湖学校'],
      ['实验中学校区', '实验中校区'],
    ];
    for (const [query, name] of cases) {
      const plan = planQuery(query);
      expect(plan.attempts[0]!.keys, query).toEqual([hanKey(name)]);
      expect(plan.setAside, query).toEqual([]);
    }
    expect(setAsideFiller('集团的')).toEqual({ core: '集团', setAside: ['的'] });
    expect(setAsideFiller('中的')).toEqual({ core: '中的', setAside: [] });
    expect(setAsideFiller('一中吗').core).toBe('一中');
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
  /** Records as the name index holds them: one bundle with every token, ranked by rankRecords. */
  const rank = (keys: string[], records: { name: string; tokens: string[] }[]) => {
    const bundle: KeyBundle = { members: records.map((r, i): [number, string, number] => [i, r.tokens.join(' '), 0]), filters: [''] };
    return rankRecords(
      keys,
      keys.map(() => bundle),
    ).map((r) => ({ ...r, name: records[r.item]!.name }));
  };
  const rec = (name: string, tokens: string[]) => ({ name, tokens });

  it('puts an exact name before a longer one that starts with it', () => {
    const group = rec('郑州市第十九初级中学教育集团', [hanToken('19初集团', 9), hanToken('19中集团', 5)]);
    const school = rec('郑州市第十九初级中学', [hanToken('19初', 9), hanToken('19中', 5)]);
    expect(rank([hanKey('19中')], [group, school]).map((r) => r.name)).toEqual([school.name, group.name]);
  });

  it('puts a real name or alias before a derived short form', () => {
    const derived = rec('济南实验初级中学', [hanToken('实验初', 9), hanToken('实验中', 5)]);
    const alias = rec('漯河市实验中学', [hanToken('实验中', 8)]);
    expect(rank([hanKey('实验中')], [derived, alias])[0]!.name).toBe(alias.name);
  });

  it('puts a short form before a piece of a name, and a shorter extension first', () => {
    const a = bestMatch([hanKey('回民')], [hanToken('回民小', 2)])!;
    const b = bestMatch([hanKey('回民')], [hanToken('回民路小', 9)])!;
    expect(compareMatches(b, a)).toBeLessThan(0);
    const near = bestMatch([pinyinKey('jingba')], [pinyinToken('jingbalu', 9)])!;
    const far = bestMatch([pinyinKey('jingba')], [pinyinToken('jingbaluxiaoxue', 9)])!;
    expect(compareMatches(near, far)).toBeLessThan(0);
  });

  it('keeps record order among equals, and says the name is ambiguous', () => {
    const ranked = rank([hanKey('育秀')], [rec('a', [hanToken('育秀小', 9)]), rec('b', [hanToken('育秀中', 9)])]);
    expect(ranked.map((r) => r.name)).toEqual(['a', 'b']);
    expect(isAmbiguous(ranked)).toBe(true);
  });

  it('drops a record that does not match every word, so no word is ignored', () => {
    const only = rec('经八路', [hanToken('经8路小', 9)]);
    expect(rank([hanKey('经8路'), hanKey('火星')], [only])).toEqual([]);
    expect(rank([hanKey('经8路')], [only])).toHaveLength(1);
  });

  it('checks full-text hits for every word', () => {
    expect(containsAllParts('济南​市​经八路​小学', ['经八路', '小学'])).toBe(true);
    expect(containsAllParts('济南市经八路小学', ['经八路', '火星'])).toBe(false);
    expect(containsAllParts('經八路小學', ['经八路'])).toBe(true);
  });
});
