import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../src/lib/data/queries.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { groupView } from '../../src/lib/views/group.ts';
import { policyView } from '../../src/lib/views/policy.ts';
import { regionLetterPages, regionLetterView, regionView } from '../../src/lib/views/region.ts';
import { sourcePageView, sourcesIndexView } from '../../src/lib/views/sources.ts';
import { depthThatFits, regionTree } from '../../src/lib/views/tree.ts';
import { schoolView } from '../../src/lib/views/school.ts';
import { miniFiles } from './fixture-project.ts';

/** The mini fixture plus a second group that names the first as related, with one member. */
function fixture() {
  const files = miniFiles();
  const append = (path: string, rows: string) => {
    const text = new TextDecoder().decode(files.get(path));
    files.set(path, new TextEncoder().encode(`${text.endsWith('\n') ? text : `${text}\n`}${rows}\n`));
  };
  append('data/groups.csv', 'fx-no2-group,示例市第二小学联盟,fx-city,alliance,,2022,,12,,,fx-no1-group,,fx-news,,,');
  append('data/memberships.csv', 'fx-no2-group,fx-no2-primary,lead,,2022,,fx-news,,,');
  const { dataset, problems } = validateProject(files);
  expect(problems).toEqual([]);
  return indexDataset(dataset);
}
const idx = fixture();

describe('group view', () => {
  const view = groupView(idx, 'fx-no1-group');
  it('lists members with their school and stage, lead first, former apart', () => {
    expect(view.current.map((r) => [r.school.id, r.membership.role, r.stage?.id])).toEqual([
      ['fx-no1-primary', 'lead', 'primary'],
      ['fx-no2-primary', 'member', 'primary'],
      ['fx-no1-east', 'campus', 'primary'],
    ]);
    expect(view.former.map((r) => r.school.id)).toEqual(['fx-no3-primary']);
    expect(view.leadSchool?.id).toBe('fx-no1-primary');
  });
  it('finds designations, the profile, policies and the groups that name it as related', () => {
    expect(view.designations.map((d) => d.title)).toEqual(['市级优质教育集团']);
    expect(view.profile?.id).toBe('fx-no1-group');
    expect(view.policies.map((p) => p.id)).toEqual(['fx-plan']);
    expect(view.pairedFrom.map((g) => g.id)).toEqual(['fx-no2-group']);
    expect(view.related).toBeUndefined();
    expect(groupView(idx, 'fx-no2-group').related?.id).toBe('fx-no1-group');
  });
  it('places the group under its regions and names every file behind it', () => {
    expect(view.ancestors.map((r) => r.id)).toEqual(['fx-prov', 'fx-city', 'fx-dist']);
    expect(view.sources.map((s) => s.id)).toEqual(['fx-news']);
    expect(view.files[0]).toEqual({ file: 'data/groups.csv', line: 2 });
    expect(view.files.at(-1)).toEqual({ file: 'content/groups/fx-no1-group.mdx' });
    expect(view.files).toHaveLength(1 + 4 + 1);
    expect(view.description).toBe('示例市第一小学教育集团（东区）：牵头校示例市第一小学，已列出 2 所学校，1 个校区。');
  });
  it('says when a source lists no members', () => {
    const files = miniFiles();
    const { dataset } = validateProject(files);
    dataset.memberships = [];
    expect(groupView(indexDataset(dataset), 'fx-no1-group').description).toBe('示例市第一小学教育集团（东区）：来源未列出成员名单。');
  });
  it('refuses an unknown id', () => {
    expect(() => groupView(idx, 'nope')).toThrow('nope');
  });
});

describe('school view', () => {
  it('gives history oldest first, current groups, peers, units and policies', () => {
    const view = schoolView(idx, 'fx-no2-primary');
    expect(view.history.map((h) => [h.group.id, h.current])).toEqual([
      ['fx-no1-group', true],
      ['fx-no2-group', true],
    ]);
    expect(view.currentGroups.map((g) => g.id)).toEqual(['fx-no1-group', 'fx-no2-group']);
    expect(view.peers.map((p) => [p.group.id, p.members.map((m) => m.school.id)])).toEqual([
      ['fx-no1-group', ['fx-no1-primary', 'fx-no1-east']],
      ['fx-no2-group', []],
    ]);
    expect(view.policies.map((p) => p.id)).toEqual(['fx-plan']);
    expect(view.unitLabel).toBe('独立学校');
    expect(view.description).toBe('示例市第二小学（东区）属于示例市第一小学教育集团、示例市第二小学联盟。');
  });
  it('links a campus to its parent school, and the school to its campuses', () => {
    expect(schoolView(idx, 'fx-no1-east').parent?.id).toBe('fx-no1-primary');
    expect(schoolView(idx, 'fx-no1-east').unitLabel).toBe('校区');
    expect(schoolView(idx, 'fx-no1-primary').units.map((u) => u.id)).toEqual(['fx-no1-east']);
  });
  it('marks a membership that ended as former', () => {
    const view = schoolView(idx, 'fx-no3-primary');
    expect(view.history.map((h) => h.current)).toEqual([false]);
    expect(view.currentGroups).toEqual([]);
    expect(view.description).toBe('示例市第三小学（东区）：暂无集团记录。');
  });
});

describe('region view', () => {
  it('totals the subtree and lists its groups with lead and named members', () => {
    const view = regionView(idx, 'fx-city');
    expect(view.totals).toMatchObject({ groups: 2, schools: 4, regions: 1 });
    expect(view.children.map((c) => [c.region.id, c.totals.groups])).toEqual([['fx-dist', 1]]);
    const rows = Object.fromEntries(view.groups.map((g) => [g.group.id, g]));
    expect(rows['fx-no1-group']).toMatchObject({ named: 3, within: { id: 'fx-dist' }, lead: { id: 'fx-no1-primary' } });
    expect(rows['fx-no2-group']).toMatchObject({ named: 1, within: undefined, lead: { id: 'fx-no2-primary' } });
  });
  it('lists schools A–Z by pinyin initial with their current groups', () => {
    const view = regionView(idx, 'fx-dist');
    expect(view.letters.map((l) => [l.letter, l.anchor])).toEqual([['S', 'az-S']]);
    const byId = Object.fromEntries(view.letters[0]!.schools.map((r) => [r.school.id, r.groups.map((g) => g.id)]));
    expect(byId).toEqual({
      'fx-no1-primary': ['fx-no1-group'],
      'fx-no1-east': ['fx-no1-group'],
      'fx-no2-primary': ['fx-no1-group', 'fx-no2-group'],
      'fx-no3-primary': [],
    });
  });
  it('holds the region’s own statistics (by metric, then date), their sources and files, and its policies in three parts', () => {
    const view = regionView(idx, 'fx-city');
    // statistics.csv lines: coverage-rate 2023-12, 2024-09/2024-10, 2022-12, 2026-12; group-count 2024-09.
    expect(view.statistics.map((s) => [s.metric, s._line])).toEqual([
      ['coverage-rate', 4],
      ['coverage-rate', 2],
      ['coverage-rate', 3],
      ['coverage-rate', 5],
      ['group-count', 6],
    ]);
    expect(view.sources.map((s) => s.id)).toEqual(['fx-news']);
    expect(view.files).toHaveLength(1 + 5);
    expect(view.policies.own.map((p) => p.id)).toEqual(['fx-plan']);
    expect(view.policies.inherited).toEqual([]);
    expect(view.policyCount).toBe(view.policies.own.length + view.policies.below.length);
    expect(view.levelLabel).toBe('地市级');
    expect(regionView(idx, 'fx-dist').statistics).toEqual([]);
  });
  it('says in its lede and description what a source reports against what is listed', () => {
    const view = regionView(idx, 'fx-city');
    expect(view.groupCount).toEqual({
      listed: 2,
      reported: 12,
      reportedWords: '12 个',
      words: '教育集团：来源报告 12 个，本站已收录 2 个',
    });
    expect(view.unitWords).toBe('3 所学校，1 个校区');
    expect(view.description).toBe(
      '示例市的教育集团、成员学校、政策与统计数据：教育集团：来源报告 12 个，本站已收录 2 个，3 所学校，1 个校区。',
    );
    expect(view.children.map((c) => [c.region.id, c.totals.groups, c.unitWords])).toEqual([['fx-dist', 1, '3 所学校 · 1 个校区']]);
    expect(view.search?.kind).toBe('region');
  });
  it('shows the region’s designations, and cites and dates them as it does its figures', () => {
    const files = miniFiles();
    const append = (path: string, row: string) => {
      const text = new TextDecoder().decode(files.get(path));
      files.set(path, new TextEncoder().encode(`${text.endsWith('\n') ? text : `${text}\n`}${row}\n`));
    };
    const path = 'data/designations.csv';
    append(
      'data/sources.csv',
      'fx-pilot-list,示例省改革先行区名单,示例省教育厅,2024-06-01,https://example.org/list,list,,,2024-06-02,,,,,',
    );
    append(path, ',fx-city,provincial,集团化办学改革先行区,2024-06,fx-pilot-list,');
    const { dataset, problems } = validateProject(files);
    expect(problems).toEqual([]);
    const view = regionView(indexDataset(dataset), 'fx-city');
    expect(view.designations.map((d) => d.title)).toEqual(['集团化办学改革先行区']);
    expect(view.sources.map((s) => s.id)).toEqual(['fx-news', 'fx-pilot-list']);
    expect(view.files.at(-1)).toMatchObject({ file: path });
  });
});

describe('policy view', () => {
  it('splits governance into stated and missing points and resolves targets and groups', () => {
    const view = policyView(idx, 'fx-plan');
    expect(view.governance).toEqual([{ label: '办学模式', value: '紧密型为主' }]);
    expect(view.missing).toEqual(['组织与理事会', '教师交流', '考核评价', '经费保障', '进入与退出']);
    expect(view.targets.map((t) => [t.target.value, t.metric?.id])).toEqual([[80, 'coverage-rate']]);
    expect(view.governedRegions.map((r) => r.id)).toEqual(['fx-city']);
    expect(view.governedGroups.map((g) => g.id)).toEqual(['fx-no1-group']);
    expect(view.ancestors.map((r) => r.id)).toEqual(['fx-prov', 'fx-city']);
    expect(view.files).toEqual([{ file: 'content/policies/fx-plan.mdx' }]);
  });
});

/** Limits small enough that the mini fixture counts as a country. */
const tiny = { treeNodes: 2, groups: 1, schools: 3, citations: 2, figures: 1, chartRegions: 1, coverageRows: 1 };

describe('pages that stay light at country size', () => {
  it('a region over the limits lists only its own groups and schools and counts the rest below', () => {
    const city = regionView(idx, 'fx-city', tiny);
    expect(city.groups.map((g) => g.group.id)).toEqual(['fx-no2-group']);
    expect(city.groupsBelow).toBe(1);
    expect(city.letters).toEqual([]);
    expect(city.schoolsBelow).toBe(4);
    expect(city.letterPages).toEqual([]);
  });
  it('a region without child regions moves its long A–Z list to per-letter pages', () => {
    const dist = regionView(idx, 'fx-dist', tiny);
    expect(dist.letters).toEqual([]);
    expect(dist.schoolsBelow).toBe(0);
    expect(dist.letterPages).toEqual([{ letter: 'S', slug: 's', count: 4 }]);
    expect(regionLetterPages(idx, tiny)).toEqual([{ id: 'fx-dist', slug: 's' }]);
    expect(regionLetterPages(idx)).toEqual([]);
    const page = regionLetterView(idx, 'fx-dist', 's');
    expect(page.letter.schools.map((r) => r.school.id)).toHaveLength(4);
    expect(page.letters).toEqual([{ letter: 'S', slug: 's', count: 4 }]);
    expect([page.title, page.description]).toEqual(['东区的学校：S', '东区首字母为 S 的 4 所学校。']);
    expect(() => regionLetterView(idx, 'fx-dist', 'q')).toThrow('q');
  });
  it('within the limits a region lists its whole subtree', () => {
    const city = regionView(idx, 'fx-city');
    expect(city.groupsBelow).toBe(0);
    expect(city.schoolsBelow).toBe(0);
    expect(city.letters.flatMap((l) => l.schools)).toHaveLength(4);
  });
  it('the region tree stops at the deepest level that fits', () => {
    expect(depthThatFits(idx, 100)).toBe(Infinity);
    expect(depthThatFits(idx, 2)).toBe(1);
    expect(depthThatFits(idx, 1)).toBe(0);
    const tree = regionTree(idx, 1);
    expect(tree.map((n) => n.region.id)).toEqual(['fx-prov']);
    expect(tree[0]!.children.map((n) => [n.region.id, n.hiddenChildren, n.children.length])).toEqual([['fx-city', 1, 0]]);
    expect(tree[0]!.totals.schools).toBe(4);
  });
  it('sources move to per-source pages with capped citation lists', () => {
    expect(sourcesIndexView(idx).split).toBe(false);
    const index = sourcesIndexView(idx, tiny);
    expect(index.split).toBe(true);
    expect(index.sources.map((s) => s.source.id)).toEqual(['fx-news']);
    const page = sourcePageView(idx, 'fx-news', tiny);
    expect(page.total).toBe(index.sources[0]!.citations.length);
    const schools = page.kinds.find((k) => k.kind === '学校')!;
    expect([schools.total, schools.shown.length]).toEqual([4, 2]);
    expect(page.kinds.reduce((n, k) => n + k.total, 0)).toBe(page.total);
  });
});
