/**
 * The search loop (run.ts) the search page runs, here over name indexes built in memory
 * from hand-made records: strict attempts first, traditional characters folded on
 * demand, close matches only below exact ones, full text last, stale searches dropped.
 */
import { describe, expect, it } from 'vitest';
import { buildTokens } from '../../src/lib/search/keys.ts';
import { buildNameIndex, type NameIndex } from '../../src/lib/search/name-index.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';
import { FEW_EXACT, runSearch, type SearchFetchers } from '../../src/lib/search/run.ts';
import type { ShardOptions } from '../../src/lib/search/shards.ts';
import { MAX_CLOSE_BUNDLES } from '../../src/lib/search/tolerant.ts';

const jinan = [
  { level: 'province' as const, names: ['山东省'] },
  { level: 'city' as const, names: ['济南市'] },
];
const school = (id: string, name: string, aliases: string[] = []): SearchRecord => ({
  kind: 'school',
  id,
  url: `/schools/${id}/`,
  title: name,
  kindLabel: '学校',
  lines: ['济南市'],
  filters: { kind: ['school'], region: ['shandong', 'jinan'], stage: ['primary'], type: [] },
  tokens: buildTokens([{ text: name, tier: 9 }, ...aliases.map((text) => ({ text, tier: 8 as const }))], {
    regions: jinan,
    shortForms: true,
    regionPrefixed: true,
    parts: true,
    pinyin: true,
  }),
});
const records = [
  school('shenglidajie', '济南市胜利大街小学'),
  school('shenglilu', '济南市胜利路中学'),
  school('jingbalu', '济南市经八路小学'),
  school('jingwulu', '济南市经五路小学'),
  school('yuxiu', '济南市育秀小学'),
  school('yuxiu-middle', '济南育秀中学'),
];

/** Fetchers over an index in memory, counting the files read. */
function memory(index: NameIndex, extra: Partial<SearchFetchers> = {}) {
  const read: string[] = [];
  const fetchers: SearchFetchers = {
    indexFile: (name) => {
      read.push(name);
      return Promise.resolve(index.files.get(name));
    },
    ...extra,
  };
  return { fetchers, read };
}
const urls = async (query: string, index = buildNameIndex(records), extra: Partial<SearchFetchers> = {}) => {
  const outcome = (await runSearch(query, {}, memory(index, extra).fetchers))!;
  return { outcome, urls: (await outcome.next(0, 10)).map((r) => r.url) };
};

describe('runSearch', () => {
  it('answers a name exactly, with what the results show', async () => {
    const { outcome, urls: got } = await urls('经八路小学');
    expect(outcome.exact).toBe(1);
    expect(got[0]).toBe('/schools/jingbalu/');
    expect(await outcome.next(0, 1)).toEqual([{ url: '/schools/jingbalu/', title: '济南市经八路小学', kind: '学校', lines: ['济南市'] }]);
  });

  it('answers a question by the name inside it', async () => {
    const { outcome, urls: got } = await urls('请问经八路小学在哪个集团？');
    expect(outcome.plan.setAside).toEqual(['请问', '在哪个集团']);
    expect(got[0]).toBe('/schools/jingbalu/');
  });

  it('lists close matches when no name matches, and says so', async () => {
    const { outcome, urls: got } = await urls('胜利小学');
    expect(outcome.how).toBe('close');
    expect(outcome.exact).toBe(0);
    expect(got[0]).toBe('/schools/shenglidajie/');
  });

  it('puts close matches after a few exact ones, never before', async () => {
    const { outcome, urls: got } = await urls('经八路小');
    expect(outcome.how).toBe('exact+close');
    expect(outcome.exact).toBeLessThan(FEW_EXACT);
    expect(got.slice(0, outcome.exact)).toEqual(['/schools/jingbalu/']);
    expect(got.slice(outcome.exact)).toContain('/schools/jingwulu/');
    // Enough exact results: no close ones.
    const many = await urls('济南');
    expect(many.outcome.how).toBe('exact');
    expect(many.outcome.total).toBe(records.length);
  });

  it('finds the same with every route split, reading only a few more bundles for close matches', async () => {
    // Close matches under a split route come from its stub (its best records).
    const tiny: ShardOptions = { maxRecords: 1, stubRecords: 4 };
    const index = buildNameIndex(records, tiny);
    expect((await urls('胜利小学', index)).urls[0]).toBe('/schools/shenglidajie/');
    expect((await urls('经八路小学', index)).urls[0]).toBe('/schools/jingbalu/');
    const strict = memory(index);
    await runSearch('经八路小学', {}, strict.fetchers);
    const close = memory(index);
    await runSearch('经八路小学校', {}, close.fetchers);
    const bundles = (read: string[]) => new Set(read.filter((f) => f.startsWith('k/'))).size;
    expect(bundles(close.read) - bundles(strict.read)).toBeLessThanOrEqual(MAX_CLOSE_BUNDLES);
  });

  it('narrows exact and close matches by the filters', async () => {
    const o = (await runSearch('胜利小学', { kind: 'group' }, memory(buildNameIndex(records)).fetchers))!;
    expect(o.total).toBe(0);
    expect(o.how).toBe('none');
  });

  it('folds traditional characters', async () => {
    // keys.ts has installed the dictionary here; search-query.test.ts checks the page before it is loaded.
    const { urls: got } = await urls('經八路小學');
    expect(got[0]).toBe('/schools/jingbalu/');
  });

  it('asks full text last, and only when no name is close', async () => {
    const asked: string[] = [];
    const fullText: SearchFetchers['fullText'] = (attempt) => {
      asked.push(attempt.parts.join(' '));
      return Promise.resolve({ total: 1, next: () => Promise.resolve([{ url: '/policies/p/', title: 'p', kind: '政策', lines: [] }]) });
    };
    const text = await urls('减负', buildNameIndex(records), { fullText });
    expect(text.outcome.how).toBe('text');
    expect(text.urls).toEqual(['/policies/p/']);
    await urls('胜利小学', buildNameIndex(records), { fullText });
    expect(asked).toEqual(['减负']);
  });

  it('finds a name by its sound, loading the pinyin table only then', async () => {
    let loads = 0;
    const loadPinyin = () => {
      loads++;
      return import('../../src/lib/search/pinyin-table.ts');
    };
    expect((await urls('经八路小学', buildNameIndex(records), { loadPinyin })).outcome.exact).toBe(1);
    // Every character of 胜利小学 is in 胜利大街小学, in order: the close match, no table.
    expect((await urls('胜利小学', buildNameIndex(records), { loadPinyin })).outcome.how).toBe('close');
    expect(loads).toBe(0);
    const homophone = await urls('经巴路小学', buildNameIndex(records), { loadPinyin });
    expect(loads).toBe(1);
    expect(homophone.outcome.how).toBe('sound');
    expect(homophone.outcome.exact).toBe(1);
    expect(homophone.urls[0]).toBe('/schools/jingbalu/');
    // 经七路 sounds like no name: close candidates only, never a sound match.
    const absent = await urls('经七路小学', buildNameIndex(records), { loadPinyin });
    expect(absent.outcome.how).not.toBe('sound');
    expect(absent.outcome.exact).toBe(0);
  });

  it('reads typed pinyin with 模糊音 as a sound match, with a slipped letter as close', async () => {
    const fuzzy = await urls('jinbalu');
    expect(fuzzy.outcome.how).toBe('sound');
    expect(fuzzy.urls[0]).toBe('/schools/jingbalu/');
    const slip = await urls('jingbalu xiaoxe');
    expect(slip.outcome.how).toBe('close');
    expect(slip.outcome.exact).toBe(0);
    expect(slip.urls[0]).toBe('/schools/jingbalu/');
  });

  it('narrows words by a place typed with them', async () => {
    const region = (id: string, name: string, chain: string[]): SearchRecord => ({
      kind: 'region',
      id,
      url: `/regions/${id}/`,
      title: name,
      kindLabel: '地区',
      lines: [],
      filters: { kind: ['region'], region: chain, stage: [], type: [] },
      tokens: buildTokens(
        [
          { text: name, tier: 9 },
          { text: name.slice(0, -1), tier: 8 },
        ],
        { regions: [], pinyin: true },
      ),
    });
    const zhengzhou = {
      ...school('zz-jingbalu', '郑州市经八路小学'),
      filters: { ...school('x', 'x').filters, region: ['henan', 'zhengzhou'] },
    };
    const index = buildNameIndex([
      ...records,
      zhengzhou,
      region('jinan', '济南市', ['shandong', 'jinan']),
      region('zhengzhou', '郑州市', ['henan', 'zhengzhou']),
    ]);
    expect((await urls('经八路小学 郑州', index)).urls).toEqual(['/schools/zz-jingbalu/']);
    expect((await urls('经八路小学 济南', index)).urls).toEqual(['/schools/jingbalu/']);
    expect((await urls('Jingbalu Primary School, Zhengzhou', index)).urls).toEqual(['/schools/zz-jingbalu/']);
  });

  it('stops when a newer search has started, and answers nothing for nothing', async () => {
    expect(await runSearch('经八路小学', {}, { ...memory(buildNameIndex(records)).fetchers, isStale: () => true })).toBeNull();
    const empty = (await runSearch('，。', {}, memory(buildNameIndex(records)).fetchers))!;
    expect(empty.how).toBe('none');
    expect(await empty.next(0, 10)).toEqual([]);
  });
});
