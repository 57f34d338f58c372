/**
 * The records' JSON downloads (src/lib/open-data/json-records.ts), on the mini fixture:
 * one file per school, group, policy and region, next to its page, holding the row as the
 * CSV has it (dates as written) and what hangs off it.
 */
import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../src/lib/data/queries.ts';
import { recordJsonFiles } from '../../src/lib/open-data/json-records.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { miniFiles } from './fixture-project.ts';

const { dataset } = validateProject(miniFiles());
const files = new Map([...recordJsonFiles(indexDataset(dataset))].map((f) => [f.path, f.body]));
const read = (path: string) => JSON.parse(files.get(path)!) as Record<string, unknown>;

describe('recordJsonFiles', () => {
  it('writes one file per record, next to its page', () => {
    const expected = [
      ...dataset.schools.map((s) => `schools/${s.id}.json`),
      ...dataset.groups.map((g) => `groups/${g.id}.json`),
      ...dataset.policies.map((p) => `policies/${p.id}.json`),
      ...dataset.regions.map((r) => `regions/${r.id}.json`),
    ];
    expect([...files.keys()]).toEqual(expected);
  });

  it('gives a school its memberships in the order it joined, dates as the source wrote them', () => {
    const school = read('schools/fx-no3-primary.json');
    expect(school).toMatchObject({ id: 'fx-no3-primary', name: '示例市第三小学' });
    expect(school.memberships).toEqual([
      expect.objectContaining({ group: 'fx-no1-group', role: 'member', joined: '2020-09', left: '2023-08', note: '2023年退出' }),
    ]);
    expect(Object.keys(school).some((k) => k.startsWith('_'))).toBe(false);
  });

  it('gives a group its members and designations, a policy its targets and summary, a region its statistics', () => {
    const group = read('groups/fx-no1-group.json');
    expect((group.memberships as { school: string }[]).map((m) => m.school)).toContain('fx-no1-east');
    expect(group).toHaveProperty('designations');
    const policy = read(`policies/${dataset.policies[0]!.id}.json`);
    expect(policy).toHaveProperty('targets');
    expect(typeof policy.summary_markdown).toBe('string');
    expect(read(`regions/${dataset.regions[0]!.id}.json`)).toHaveProperty('statistics');
  });

  it('is indented JSON ending in a newline, the same bytes every time', () => {
    const body = files.get('schools/fx-no1-primary.json')!;
    expect(body).toMatch(/^\{\n {2}"id": "fx-no1-primary",/);
    expect(body.endsWith('}\n')).toBe(true);
    expect(new Map([...recordJsonFiles(indexDataset(dataset))].map((f) => [f.path, f.body]))).toEqual(files);
  });
});
