/** The tolerant pass (tolerant.ts): names a reader half-remembers, ranked below every exact match. */
import { describe, expect, it } from 'vitest';
import { encodeCanonical, hanKey, hanToken } from '../../src/lib/search/codes.ts';
import { filterCode, type KeyBundle } from '../../src/lib/search/name-index.ts';
import { canonical } from '../../src/lib/search/normalize.ts';
import { bucketOf, type ShardTable } from '../../src/lib/search/shards.ts';
import { alignName, closeBundles, compareClose, MAX_CLOSE_BUNDLES, maxSlips, rankClose } from '../../src/lib/search/tolerant.ts';

/** A canonical name as the code units tolerant.ts compares. */
const units = (text: string) => encodeCanonical(canonical(text)).match(/.{3}/g)!;
const align = (query: string, name: string) => alignName(units(query), units(name));

describe('alignName', () => {
  it('finds a name with a word left out, the gap counted', () => {
    expect(align('胜利小学', '胜利大街小学')).toEqual({ slips: 0, gaps: 1, skipped: 2, extra: 0 });
    expect(align('南上山小学', '南上山街小学')).toEqual({ slips: 0, gaps: 1, skipped: 1, extra: 0 });
    expect(align('泉景小学部', '泉景中学小学部')).toEqual({ slips: 0, gaps: 1, skipped: 1, extra: 0 });
    // What follows the last character reached counts as extra, as in a prefix match.
    expect(align('民生小学', '民生大街小学教育集团')).toEqual({ slips: 0, gaps: 1, skipped: 2, extra: 2 });
  });

  it('allows one character wrong or extra from four characters, two from eight', () => {
    expect(align('经九路小学', '经八路小学')).toEqual({ slips: 1, gaps: 0, skipped: 0, extra: 0 });
    expect(align('济南市经八路小学校', '济南市经八路小学')).toEqual({ slips: 1, gaps: 0, skipped: 0, extra: 0 });
    expect(align('经九路中学', '经八路小学')).toBeNull();
    expect(maxSlips(3)).toBe(0);
    expect(maxSlips(4)).toBe(1);
    expect(maxSlips(8)).toBe(2);
    // Short queries get no slips: 育秀 is not 育英, 十九中 is not 十四中.
    expect(align('十九中', '十四中')).toBeNull();
    expect(align('育秀小学', '育英小学')).toBeNull();
  });

  it('needs the first characters to agree and limits what is left out', () => {
    expect(align('京八路小学', '经八路小学')).toBeNull();
    expect(align('胜利小学', '胜利一二三四五小学')).toBeNull();
    expect(align('胜利小学', '胜利一路二路三路小学')).toBeNull();
    expect(align('胜利小学', '胜利')).toBeNull();
    expect(align('胜利', '胜利大街小学')).toBeNull();
  });

  it('prefers fewer slips, then fewer gaps, then fewer characters left out', () => {
    const a = { slips: 0, gaps: 1, skipped: 2, tier: 2, extra: 0 };
    expect(compareClose(a, { ...a, slips: 1, gaps: 0, skipped: 0 })).toBeLessThan(0);
    expect(compareClose(a, { ...a, gaps: 2 })).toBeLessThan(0);
    expect(compareClose(a, { ...a, skipped: 3 })).toBeLessThan(0);
    expect(compareClose({ ...a, tier: 9 }, a)).toBeLessThan(0);
    expect(compareClose(a, { ...a, extra: 1 })).toBeLessThan(0);
    expect(compareClose(a, a)).toBe(0);
  });
});

describe('closeBundles', () => {
  const key = (text: string) => hanKey(canonical(text));
  const b = (route: string, table: ShardTable) => `b${bucketOf(route, table.buckets)}`;

  it('reads one bundle on a small site, and one more for a first-character slip', () => {
    const flat: ShardTable = { version: 3, buckets: 7, splits: [], crowded: [], own: [] };
    expect(closeBundles(flat, key('胜利小学'))).toEqual({ anchored: [b(key('胜'), flat)], shifted: null });
    expect(closeBundles(flat, key('京八路小学'))).toEqual({ anchored: [b(key('京'), flat)], shifted: b(key('八'), flat) });
    expect(closeBundles(flat, 'qpshengli')).toEqual({ anchored: [], shifted: null });
  });

  it('under split routes, also reads the key without one routed character and the shorter routes’ stubs, a few at most', () => {
    const split: ShardTable = {
      version: 3,
      buckets: 100_000,
      splits: [key('济'), key('济南'), key('济南的')].sort(),
      crowded: [key('济'), key('济南'), key('济南的')].sort(),
      own: [],
    };
    const { anchored, shifted } = closeBundles(split, key('济南的经八路小学'));
    expect(anchored[0]).toBe(b(key('济南的经'), split));
    // Without 的 (or 南): where 济南经八路小学 is filed.
    expect(anchored).toContain(b(key('济南经'), split));
    expect(shifted).toBe(b(key('南'), split));
    expect(anchored.length - 1 + (shifted ? 1 : 0)).toBe(MAX_CLOSE_BUNDLES);
    expect(new Set(anchored).size).toBe(anchored.length);
    // One split route: the key without its second character, the rest, and the stub of the first.
    const one: ShardTable = { version: 3, buckets: 100_000, splits: [key('济')], crowded: [key('济')], own: [] };
    expect(closeBundles(one, key('济南的经八路小学'))).toEqual({
      anchored: [b(key('济南'), one), b(key('济的'), one), b(key('济'), one)],
      shifted: b(key('南'), one),
    });
  });
});

describe('rankClose', () => {
  const school = filterCode({ kind: ['school'], region: ['shandong'], stage: ['primary'], type: [] });
  const group = filterCode({ kind: ['group'], region: ['shandong'], stage: [], type: ['led'] });
  const bundle = (members: [number, string[], string][]): KeyBundle => ({
    members: members.map(([record, tokens, code]) => [
      record,
      tokens.map((t) => hanToken(canonical(t.slice(0, -1)), Number(t.at(-1)) as 9)).join(' '),
      code === school ? 0 : 1,
    ]),
    filters: [school, group],
  });
  const b = bundle([
    [0, ['胜利大街小学9', '济南胜利大街小学5'], school],
    [1, ['胜利路小学9'], school],
    [2, ['胜利教育集团9', '胜利大街小学3'], group],
    [3, ['胜利中学9'], school],
  ]);

  it('ranks the closest first and leaves out records that are not close', () => {
    const ranked = rankClose(hanKey(canonical('胜利小学')), [b], []);
    expect(ranked.map((r) => r.item)).toEqual([1, 0, 2]);
    expect(ranked[0]!.match).toMatchObject({ slips: 0, gaps: 1, skipped: 1 });
    // The group reaches 胜利大街小学 only through its lead school (tier 3): after the school.
    expect(ranked[2]!.match.tier).toBe(3);
  });

  it('narrows by filters, leaves out the exact results and reads each bundle once', () => {
    const key = hanKey(canonical('胜利小学'));
    expect(rankClose(key, [b], [], { kind: 'group' }).map((r) => r.item)).toEqual([2]);
    expect(rankClose(key, [b], [], {}, new Set([1])).map((r) => r.item)).toEqual([0, 2]);
    expect(rankClose(key, [b, b, undefined], [])).toEqual(rankClose(key, [b], []));
  });

  it('finds a name whose first character was typed wrong through the bundle of the rest, as one slip', () => {
    const rest = bundle([[5, ['经八路小学9', '八路小学2'], school]]);
    const key = hanKey(canonical('京八路小学'));
    const ranked = rankClose(key, [], [rest]);
    expect(ranked.map((r) => r.item)).toEqual([5]);
    expect(ranked[0]!.match.slips).toBe(1);
    // A slip in the first character uses up the only slip of a short name.
    expect(rankClose(hanKey(canonical('京九路小学')), [], [rest])).toEqual([]);
  });

  it('matches only name keys', () => {
    expect(rankClose('qpshenglixiaoxue', [b], [])).toEqual([]);
  });
});
