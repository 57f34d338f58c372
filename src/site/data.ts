/** The validated dataset for pages, assembled once from the content collections. */
import { getCollection } from 'astro:content';
import type { Dataset, GroupProfileEntry, PolicyEntry } from '../lib/data/dataset.ts';

let cached: Promise<Dataset> | undefined;

async function assemble(): Promise<Dataset> {
  // CSV collections hold exactly the validator's rows; keep them in file order.
  const csv = async <K extends keyof Dataset>(name: K) =>
    (await getCollection(name as never))
      .map((e: { data: { _line: number } }) => e.data)
      .sort((a, b) => a._line - b._line) as unknown as Dataset[K];
  const policies = (await getCollection('policies')).map((e): PolicyEntry => ({
    ...e.data,
    id: e.id,
    _file: `content/policies/${e.id}.mdx`,
    _body: e.body ?? '',
  }));
  const groupProfiles = (await getCollection('groupProfiles')).map((e): GroupProfileEntry => ({
    ...e.data,
    id: e.id,
    _file: `content/groups/${e.id}.mdx`,
    _body: e.body ?? '',
  }));
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    sources: await csv('sources'),
    terms: await csv('terms'),
    metrics: await csv('metrics'),
    regions: await csv('regions'),
    schools: await csv('schools'),
    groups: await csv('groups'),
    memberships: await csv('memberships'),
    designations: await csv('designations'),
    statistics: await csv('statistics'),
    policies: policies.sort(byId),
    groupProfiles: groupProfiles.sort(byId),
  };
}

export function getDataset(): Promise<Dataset> {
  cached ??= assemble();
  return cached;
}
