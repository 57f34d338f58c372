/**
 * What record pages say about editors' entries (src/lib/data/editorial.ts), on the mini
 * fixture plus a few rows: campuses counted apart, a region's own designations and
 * policies apart from inherited ones, reported against listed groups, type wording.
 */
import { describe, expect, it } from 'vitest';
import {
  campusWords,
  countUnits,
  groupCountSummary,
  groupTypeWord,
  groupUnitCounts,
  regionDesignations,
  regionPolicies,
  regionUnitCounts,
  reportedGroupCount,
  unitCountWords,
} from '../../src/lib/data/editorial.ts';
import { headlineFigures } from '../../src/lib/data/headlines.ts';
import { indexDataset } from '../../src/lib/data/queries.ts';
import { formatProblem } from '../../src/lib/problem.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { miniFiles, text } from './fixture-project.ts';

function withRows(rows: Record<string, string>) {
  const files = miniFiles();
  for (const [file, add] of Object.entries(rows)) {
    const before = files.has(file) ? new TextDecoder().decode(files.get(file)) : '';
    files.set(file, text(before + add));
  }
  const result = validateProject(files);
  return { idx: indexDataset(result.dataset), problems: result.problems.map(formatProblem) };
}

const { idx, problems } = withRows({
  'data/regions.csv': 'fx-west,西区,district,,fx-city,,,,\n',
  'data/designations.csv': ',fx-dist,provincial,集团化办学改革先行区,2024-06,fx-news,\n',
  'data/statistics.csv': 'fx-dist,group-count,,19,,actual,fx-news,来源未注明统计时间,,,\nfx-west,group-count,2024,0,,actual,fx-news,,,,\n',
  'content/policies/fx-pilot.mdx':
    '---\ntitle: "先行区名单"\nissuer: "示例省教育厅"\nregion: "fx-prov"\nsource: "fx-news"\nsummary: "测试用。"\nregions:\n  - "fx-dist"\n---\n正文。\n',
});

describe('the extra rows', () => {
  it('are valid', () => expect(problems).toEqual([]));
});

describe('schools and campuses', () => {
  it('are counted apart, and worded so', () => {
    expect(countUnits([{ unit: 'school' }, { unit: 'campus' }, { unit: 'campus' }, { unit: 'division' }])).toEqual({
      schools: 1,
      campuses: 2,
      divisions: 1,
    });
    expect(unitCountWords({ schools: 1, campuses: 4, divisions: 0 })).toBe('1 所学校，4 个校区');
    expect(unitCountWords({ schools: 0, campuses: 0, divisions: 0 })).toBe('0 所学校');
    expect(unitCountWords({ schools: 2, campuses: 1, divisions: 1 }, ' · ')).toBe('2 所学校 · 1 个校区 · 1 个学部');
    expect(campusWords({ schools: 1, campuses: 4, divisions: 1 })).toBe('4 个校区、1 个学部');
    expect(campusWords({ schools: 3, campuses: 0, divisions: 0 })).toBe('');
  });
  it('for a group and a region', () => {
    // fx-no1-group: the lead, one member and a campus now; a third school left.
    expect(groupUnitCounts(idx, 'fx-no1-group')).toEqual({ schools: 2, campuses: 1, divisions: 0 });
    expect(regionUnitCounts(idx, 'fx-prov')).toEqual({ schools: 3, campuses: 1, divisions: 0 });
  });
});

describe('a region', () => {
  it('has its own designations, and none of its neighbour’s', () => {
    expect(regionDesignations(idx, 'fx-dist').map((d) => d.title)).toEqual(['集团化办学改革先行区']);
    expect(regionDesignations(idx, 'fx-west')).toEqual([]);
    expect(regionDesignations(idx, 'fx-city')).toEqual([]);
  });
  it('lists the policies naming it apart from those it inherits', () => {
    const ids = (p: { id: string }[]) => p.map((x) => x.id);
    const dist = regionPolicies(idx, 'fx-dist');
    expect(ids(dist.own)).toEqual(['fx-pilot']);
    expect(ids(dist.inherited)).toEqual(['fx-plan']);
    const west = regionPolicies(idx, 'fx-west');
    expect(ids(west.own)).toEqual([]);
    expect(ids(west.inherited).sort()).toEqual(['fx-pilot', 'fx-plan']);
    const city = regionPolicies(idx, 'fx-city');
    expect(ids(city.own)).toEqual(['fx-plan']);
    expect(ids(city.below)).toEqual(['fx-pilot']);
  });
  it('says how many groups its source reports against how many are listed', () => {
    expect(reportedGroupCount(idx, 'fx-dist')?.value).toBe(19);
    expect(groupCountSummary(idx, 'fx-dist')).toEqual({
      listed: 1,
      reported: 19,
      reportedWords: '19 个',
      words: '教育集团：来源报告 19 个，本站已收录 1 个',
    });
    // A report no larger than the list adds nothing.
    expect(groupCountSummary(idx, 'fx-west')).toEqual({ listed: 0, words: '教育集团 0 个' });
    // The mini fixture's city reports 12 groups (2024-09) and lists one.
    expect(groupCountSummary(idx, 'fx-city').words).toBe('教育集团：来源报告 12 个，本站已收录 1 个');
    expect(groupCountSummary(idx, 'fx-prov')).toEqual({ listed: 1, words: '教育集团 1 个' });
  });
});

describe('an undated figure', () => {
  it('is never the latest one on the home page', () => {
    const { idx: withUndated } = withRows({ 'data/statistics.csv': 'fx-city,group-count,,19,,actual,fx-news,来源未注明统计时间,,,\n' });
    const figure = headlineFigures(withUndated).find((f) => f.stat.region === 'fx-city' && f.stat.metric === 'group-count');
    expect(figure?.stat.value).toBe(12);
    expect(figure?.stat.date.text).toBe('2024-09');
  });
});

describe('a group’s type', () => {
  it('is left unsaid when the source does not give it', () => {
    expect(groupTypeWord(idx, { type: 'unspecified' })).toBeUndefined();
    expect(groupTypeWord(idx, { type: 'tight' })).toBe(idx.term.get('tight')!.term);
  });
});

describe('designations', () => {
  it('name a group or a region, not both and not neither', () => {
    const both = withRows({ 'data/designations.csv': 'fx-no1-group,fx-dist,city,示范区,2024,fx-news,\n' }).problems;
    expect(both).toEqual([
      'data/designations.csv:3:2: 错误：一条认定只能给一个集团或一个地区，group 和 region 都填了。修改建议：给集团的认定清空 region；给地区的认定清空 group',
    ]);
    const neither = withRows({ 'data/designations.csv': ',,city,示范区,2024,fx-news,\n' }).problems;
    expect(neither[0]).toContain('data/designations.csv:3:1: 错误：没写认定给了谁');
    const typo = withRows({ 'data/designations.csv': ',fx-dsit,city,示范区,2024,fx-news,\n' }).problems;
    expect(typo).toEqual(['data/designations.csv:3:2: 错误：列 region 引用的地区 "fx-dsit" 不存在。修改建议：你是不是想写 "fx-dist"？']);
  });
});

describe('several sources', () => {
  it('are each checked, with a did-you-mean', () => {
    const { problems: p } = withRows({ 'data/schools.csv': 'fx-no4-primary,示例市第四小学,fx-dist,primary,,school,,,fx-news|fx-newz,\n' });
    expect(p).toEqual(['data/schools.csv:6:9: 错误：列 source 引用的来源 "fx-newz" 不存在。修改建议：你是不是想写 "fx-news"？']);
    const twice = withRows({ 'data/schools.csv': 'fx-no4-primary,示例市第四小学,fx-dist,primary,,school,,,fx-news|fx-news,\n' }).problems;
    expect(twice[0]).toContain('来源 "fx-news" 写了两次');
  });
});
