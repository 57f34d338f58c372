/** Search keys: the ASCII words Pagefind indexes, their encoding, and what a record gets. */
import { describe, expect, it } from 'vitest';
import { decodeCanonical, encodeCanonical, hanKey, hanToken, matchToken, pinyinKey, pinyinToken } from '../../src/lib/search/codes.ts';
import {
  buildTokens,
  canonicalJoin,
  isMeaningfulTail,
  pinyinOf,
  regionShortName,
  shortForms,
  stripRegionPrefixes,
  type RegionLevel,
} from '../../src/lib/search/keys.ts';
import { canonical } from '../../src/lib/search/normalize.ts';
import { pinyin } from 'pinyin-pro';

/** Readable tokens: Chinese keys decoded, pinyin as is, each with its tier. */
const readable = (tokens: string[]) =>
  tokens.map((t) => (t.startsWith('qz') ? `${decodeCanonical(t.slice(2, -2))}:${t.slice(-1)}` : `${t.slice(2, -1)}:${t.slice(-1)}`));
const has = (tokens: string[], ...expected: string[]) => {
  const r = readable(tokens);
  for (const e of expected) expect(r, e).toContain(e);
};
const zhengzhou: RegionLevel[] = [
  { level: 'province', names: ['河南省', '河南', '豫'] },
  { level: 'city', names: ['郑州市', '郑州'] },
];
const lingbao: RegionLevel[] = [
  { level: 'province', names: ['河南省', '河南'] },
  { level: 'city', names: ['三门峡市', '三门峡'] },
  { level: 'district', names: ['灵宝市', '灵宝', '三门峡市灵宝市'] },
];
const schoolOpts = { shortForms: true, regionPrefixed: true, parts: true, pinyin: true };

describe('key encoding', () => {
  it('is plain lower-case ASCII that Pagefind keeps as one word', () => {
    for (const s of ['郑州市19初', '1x模式', '𠀋小学', 'abc']) {
      const t = hanToken(canonical(s), 9);
      expect(t).toMatch(/^qz[0-9a-y]+z9$/);
    }
    expect(pinyinToken('jingbalu', 5)).toBe('qpjingbalu5');
  });

  it('keeps prefixes: a prefix of a name is a prefix of its code', () => {
    const name = '经8路小';
    for (let i = 1; i <= name.length; i++) expect(encodeCanonical(name).startsWith(encodeCanonical(name.slice(0, i)))).toBe(true);
    expect(decodeCanonical(encodeCanonical('郑州市19初1x'))).toBe('郑州市19初1x');
  });

  it('gives different characters different codes', () => {
    // One expect over all 20,992 characters: an expect per character is slow on a busy machine.
    const codes: string[] = [];
    for (let cp = 0x4e00; cp <= 0x9fff; cp++) codes.push(encodeCanonical(String.fromCodePoint(cp)));
    expect(codes.filter((c) => c.length !== 3)).toEqual([]);
    const seen = new Set(codes);
    expect(seen.size).toBe(codes.length);
    for (const ch of '0123456789abcdefghijklmnopqrstuvwxyz') expect(seen.has(encodeCanonical(ch))).toBe(false);
  });

  it('tells an exact match from an extension, and reads the tier', () => {
    const token = hanToken('19初', 8);
    expect(matchToken(hanKey('19初'), token)).toEqual({ exact: true, tier: 8, extra: 0 });
    expect(matchToken(hanKey('19'), token)).toEqual({ exact: false, tier: 8, extra: 1 });
    expect(matchToken(hanKey('19中'), token)).toBeNull();
    expect(matchToken(pinyinKey('jingba'), pinyinToken('jingbalu', 5))).toEqual({ exact: false, tier: 5, extra: 2 });
    expect(matchToken(pinyinKey('jingbalu'), pinyinToken('jingbalu', 5))).toEqual({ exact: true, tier: 5, extra: 0 });
    // A pinyin key never matches a Chinese token, nor the other way round.
    expect(matchToken('qz', pinyinToken('abc', 5))).toBeNull();
  });
});

describe('name forms', () => {
  it('strips the region names in front of a name', () => {
    const forms = ['郑州市', '郑州', '中原区', '郑州市中原区'];
    expect(stripRegionPrefixes('郑州市中原区互助路小学', forms)).toBe('互助路小学');
    expect(stripRegionPrefixes('郑州互助路小学', forms)).toBe('互助路小学');
    expect(stripRegionPrefixes('郑州市', forms)).toBe('郑州市');
    // Never down to less than two characters.
    expect(stripRegionPrefixes('郑州一中', ['郑州一'])).toBe('郑州一中');
  });

  it('shortens school types the way people say them', () => {
    expect(shortForms('第十九初级中学').sort()).toEqual(
      ['十九初级中学', '十九初中', '十九初', '十九中', '第十九初中', '第十九初', '第十九中'].sort(),
    );
    expect(shortForms('第四小学')).toEqual(expect.arrayContaining(['四小学', '四小', '第四小']));
    expect(shortForms('第十九初级中学教育集团')).toEqual(expect.arrayContaining(['十九中教育集团', '十九中集团', '十九初中集团']));
    expect(shortForms('育英教育集团')).toEqual(['育英集团']);
  });

  it('knows a region by its short name', () => {
    expect(regionShortName('郑州市')).toBe('郑州');
    expect(regionShortName('获嘉县')).toBe('获嘉');
    expect(regionShortName('中原区')).toBe('中原');
    expect(regionShortName('市中区')).toBeNull();
    expect(regionShortName('天津')).toBeNull();
  });

  it('indexes only the tails that name something', () => {
    expect(isMeaningfulTail('回民小')).toBe(true);
    expect(isMeaningfulTail('民小')).toBe(false);
    expect(isMeaningfulTail('5集团')).toBe(false);
    expect(isMeaningfulTail('小')).toBe(false);
    expect(isMeaningfulTail('中东校区')).toBe(false);
    expect(isMeaningfulTail('区西岗中')).toBe(false);
  });

  it('reads pinyin in context, one syllable per character', () => {
    expect(pinyinOf('长江路中学').full.join(' ')).toBe('chang jiang lu zhong xue');
    expect(pinyinOf('102初中').full.join('')).toBe('yibailingerchuzhong');
    expect(pinyinOf('吕梁').full.join('')).toBe('lvliang');
    expect(pinyinOf('经八路小学').initials.join('')).toBe('jblxx');
  });

  it('folds tones and initials as pinyin-pro itself would', () => {
    // pinyinOf asks pinyin-pro once for toned syllables and strips them itself: the
    // result must be what pinyin-pro's own options give, for every character it knows
    // (alone and in context) and for the odd ones (ü, syllabic n/m, ê, tone sandhi, letters).
    const opts = { toneType: 'none', type: 'array', v: true, nonZh: 'spaced' } as const;
    const clean = (a: string[]) => a.map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
    const texts = ['绿女吕略', '嗯呣欸哼', '一不了一个不是了解看了', '々好好々', 'abc中x学', '𠀀𪚥丼'];
    const block = Array.from({ length: 0x9fff - 0x4e00 + 1 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    for (let i = 0; i < block.length; i += 6) texts.push(block.slice(i, i + 6));
    for (const text of texts) {
      const expected = { full: clean(pinyin(text, opts)), initials: clean(pinyin(text, { ...opts, pattern: 'first' })) };
      expect(pinyinOf(text), text).toEqual(expected);
    }
  });
});

describe('canonicalJoin', () => {
  it('gives canonical(head + tail), also where the two parts run into each other', () => {
    const pairs: [string, string][] = [
      ['郑州', '十九中'],
      ['郑州市', '第十九初级中学'],
      ['二', '十中'], // one numeral: 二十中 → 20中
      ['第', '19初'], // 第 before a number goes
      ['第', '十九中'],
      ['城中', '学府路小学'], // 中学 across the join
      ['初', '中学'],
      ['初级', '中学'],
      ['教育', '集团'],
      ['教育发展共', '同体'],
      ['沈', '下'], // a converter phrase across the join: 沈下 → 沉下, 沈 alone stays
      ['回', '覆'],
      ['乾', '淨'],
      ['乾淨', '路小学'],
      ['鄭州', '十九中'],
      ['', '十九中'],
      ['郑州', ''],
    ];
    for (const [head, tail] of pairs) expect(canonicalJoin(head, tail), `${head}|${tail}`).toBe(canonical(head + tail));
  });

  it('agrees with canonical() on made-up names of the characters that interact', () => {
    // Numerals, 第, school-type words, traditional characters and phrases, digits, letters.
    const alphabet = [...'零〇一二三四五六七八九十百千第初高级中学小教育发展共同体集团联盟乾淨沈下回覆坏土郑州路东a19'];
    let seed = 1;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const word = () =>
      Array.from({ length: 1 + Math.floor(random() * 5) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 20_000; i++) {
      const head = word();
      const tail = word();
      expect(canonicalJoin(head, tail), `${head}|${tail}`).toBe(canonical(head + tail));
    }
  });
});

describe('a record’s tokens', () => {
  it('cover the full name, the core, short forms, the city, pinyin and initials', () => {
    const tokens = buildTokens(
      [
        { text: '郑州市第十九初级中学', tier: 9 },
        { text: '19初', tier: 8 },
      ],
      { regions: zhengzhou, ...schoolOpts },
    );
    has(tokens, '郑州市19初:9', '19初:9', '19中:5', '郑州19中:5', '郑州19初:5', '郑州市19中:5');
    has(tokens, 'zhengzhoushidishijiuchujizhongxue:9', 'shijiuzhong:5', 'zhengzhoushijiuzhong:5', 'dsjcjzx:8', 'sjz:4');
    // Best tier first, each token once.
    const tiers = tokens.map((t) => Number(t.slice(-1)));
    expect([...tiers].sort((a, b) => b - a)).toEqual(tiers);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('let a county-level city stand in front of a short form (灵宝四小)', () => {
    const tokens = buildTokens([{ text: '灵宝市第四小学', tier: 9 }], { regions: lingbao, ...schoolOpts });
    has(tokens, '4小:9', '灵宝4小:5', 'lingbaosixiaoxue:5', 'lbsxx:4');
    // …but not the city before the county's numbered school: 三门峡四小 is the city's own
    // (canonical forms: 三门峡 has a numeral, 3门峡).
    const r = readable(tokens);
    for (const t of ['3门峡4小:5', '3门峡市4小:5', 'sanmenxiasixiao:5', 'sanmenxiasixiaoxue:5']) expect(r).not.toContain(t);
    has(tokens, '3门峡灵宝4小:5');
    // A named school keeps the city in front (三门峡实验小学 may well be it).
    has(buildTokens([{ text: '灵宝市实验小学', tier: 9 }], { regions: lingbao, ...schoolOpts }), '3门峡实验小:5');
  });

  it('index pieces of a name, so 回民小学 finds 永长街回民小学', () => {
    const tokens = buildTokens([{ text: '济南市永长街回民小学', tier: 9 }], {
      regions: [
        { level: 'city', names: ['济南市', '济南'] },
        { level: 'district', names: ['市中区', '济南市中区'] },
      ],
      ...schoolOpts,
    });
    has(tokens, '永长街回民小:9', '回民小:2', '街回民小:2', 'huiminxiaoxue:2', 'jinanyongchangjiehuiminxiaoxue:5');
    expect(readable(tokens)).not.toContain('民小:2');
  });

  it('keep names typed in full exact, even when a longer name starts the same way', () => {
    const tokens = buildTokens(
      [
        { text: '郑州市', tier: 9 },
        { text: '郑州', tier: 8 },
      ],
      { regions: [{ level: 'province', names: ['河南省'] }], pinyin: true },
    );
    has(tokens, 'zhengzhou:8', 'zhengzhoushi:9', '郑州:8', '郑州市:9');
  });

  it('add a related name at a low tier (a group’s lead school)', () => {
    const tokens = buildTokens([{ text: '经五教育集团', tier: 9 }], {
      regions: [{ level: 'city', names: ['济南市', '济南'] }],
      shortForms: true,
      related: ['济南市经五路小学'],
    });
    has(tokens, '经5集团:9', '经5路小:3', '济南市经5路小:3');
  });

  it('stay small', () => {
    const tokens = buildTokens([{ text: '三门峡市灵宝市第四小学', tier: 9 }], { regions: lingbao, ...schoolOpts });
    expect(tokens.join(' ').length).toBeLessThan(700);
  });
});
