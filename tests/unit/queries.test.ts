import { describe, expect, it } from 'vitest';
import {
  activeOn,
  groupMembers,
  indexDataset,
  leadSchool,
  regionAncestors,
  regionSubtree,
  regionTotals,
  schoolHistory,
  schoolPeers,
  citationsOf,
} from '../../src/lib/data/queries.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { miniFiles } from './fixture-project.ts';

const idx = indexDataset(validateProject(miniFiles()).dataset);

describe('group members', () => {
  it('lists current members lead first, and former members apart', () => {
    const { current, former } = groupMembers(idx, 'fx-no1-group');
    expect(current.map((m) => m.school)).toEqual(['fx-no1-primary', 'fx-no2-primary', 'fx-no1-east']);
    expect(former.map((m) => m.school)).toEqual(['fx-no3-primary']);
    expect(leadSchool(idx, 'fx-no1-group')?.id).toBe('fx-no1-primary');
  });
  it('answers who was a member on a given day', () => {
    expect(groupMembers(idx, 'fx-no1-group', '2022-06-01').current.map((m) => m.school)).toContain('fx-no3-primary');
    expect(groupMembers(idx, 'fx-no1-group', '2024-06-01').current.map((m) => m.school)).not.toContain('fx-no3-primary');
    // The campus joined "2021": only certain from the end of 2021.
    expect(groupMembers(idx, 'fx-no1-group', '2021-06-01').current.map((m) => m.school)).not.toContain('fx-no1-east');
    expect(groupMembers(idx, 'fx-no1-group', '2020-01-01').current).toEqual([]);
  });
  it('treats a membership as active only when its dates make it certain', () => {
    const m = idx.membershipsByGroup.get('fx-no1-group')!.find((x) => x.school === 'fx-no3-primary')!;
    expect(activeOn(m, '2023-07-31')).toBe(true);
    expect(activeOn(m, '2023-08-15')).toBe(false);
  });
});

describe('schools', () => {
  it('gives a school its history and its peers', () => {
    expect(schoolHistory(idx, 'fx-no3-primary').map((m) => m.left.text)).toEqual(['2023-08']);
    const peers = schoolPeers(idx, 'fx-no2-primary');
    expect(peers).toHaveLength(1);
    expect(peers[0]!.members.map((m) => m.school)).toEqual(['fx-no1-primary', 'fx-no1-east']);
    expect(schoolPeers(idx, 'fx-no3-primary')).toEqual([]);
  });
});

describe('regions', () => {
  it('walks up and down the tree', () => {
    expect(regionAncestors(idx, 'fx-dist').map((r) => r.id)).toEqual(['fx-prov', 'fx-city', 'fx-dist']);
    expect([...regionSubtree(idx, 'fx-prov')].sort()).toEqual(['fx-city', 'fx-dist', 'fx-prov']);
  });
  it('totals a region with everything below it', () => {
    expect(regionTotals(idx, 'fx-prov')).toEqual({ regions: 2, groups: 1, schools: 4, memberships: 4, policies: 1, reportedMembers: 0 });
    expect(regionTotals(idx, 'fx-dist').groups).toBe(1);
  });
});

describe('sources', () => {
  it('lists what cites a source', () => {
    const kinds = citationsOf(idx, 'fx-news').map((c) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(['集团', '学校', '成员名单', '统计数据', '政策']));
  });
});
