/**
 * Questions the pages ask of the dataset, answered without Astro or the DOM:
 * a group's members on a date, a school's history, a region's subtree and totals.
 */
import { dateBounds, dateSortKey, type FuzzyDate } from '../fuzzy-date.ts';
import type { Group, Membership, Region, School, Source, Term } from '../schemas/index.ts';
import type { Dataset, Located, PolicyEntry } from './dataset.ts';

export interface DatasetIndex {
  data: Dataset;
  region: Map<string, Located<Region>>;
  school: Map<string, Located<School>>;
  group: Map<string, Located<Group>>;
  source: Map<string, Located<Source>>;
  term: Map<string, Located<Term>>;
  childRegions: Map<string, Located<Region>[]>;
  membershipsByGroup: Map<string, Located<Membership>[]>;
  membershipsBySchool: Map<string, Located<Membership>[]>;
}

function groupBy<T>(rows: T[], key: (row: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');

export function indexDataset(data: Dataset): DatasetIndex {
  const childRegions = groupBy(data.regions, (r) => r.parent);
  for (const list of childRegions.values()) list.sort(byName);
  return {
    data,
    region: new Map(data.regions.map((r) => [r.id, r])),
    school: new Map(data.schools.map((s) => [s.id, s])),
    group: new Map(data.groups.map((g) => [g.id, g])),
    source: new Map(data.sources.map((s) => [s.id, s])),
    term: new Map(data.terms.map((t) => [t.id, t])),
    childRegions,
    membershipsByGroup: groupBy(data.memberships, (m) => m.group),
    membershipsBySchool: groupBy(data.memberships, (m) => m.school),
  };
}

/** Root first, the region itself last. */
export function regionAncestors(idx: DatasetIndex, id: string): Located<Region>[] {
  const chain: Located<Region>[] = [];
  const seen = new Set<string>();
  let current = idx.region.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    current = current.parent ? idx.region.get(current.parent) : undefined;
  }
  return chain;
}

/** The region and every region below it. */
export function regionSubtree(idx: DatasetIndex, id: string): Set<string> {
  const out = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    for (const child of idx.childRegions.get(next) ?? []) stack.push(child.id);
  }
  return out;
}

export const rootRegions = (idx: DatasetIndex) => idx.data.regions.filter((r) => !r.parent).sort(byName);

export function groupsInRegion(idx: DatasetIndex, id: string, { deep = true } = {}): Located<Group>[] {
  const ids = deep ? regionSubtree(idx, id) : new Set([id]);
  return idx.data.groups.filter((g) => ids.has(g.region)).sort(byName);
}

export function schoolsInRegion(idx: DatasetIndex, id: string, { deep = true } = {}): Located<School>[] {
  const ids = deep ? regionSubtree(idx, id) : new Set([id]);
  return idx.data.schools.filter((s) => ids.has(s.region)).sort(byName);
}

export function policiesForRegion(idx: DatasetIndex, id: string): PolicyEntry[] {
  const ancestors = new Set(regionAncestors(idx, id).map((r) => r.id));
  const below = regionSubtree(idx, id);
  return idx.data.policies.filter((p) => [p.region, ...p.regions].some((r) => ancestors.has(r) || below.has(r)));
}

export interface RegionTotals {
  regions: number;
  groups: number;
  schools: number;
  memberships: number;
  policies: number;
  /** Members that sources count without naming them. */
  reportedMembers: number;
}

export function regionTotals(idx: DatasetIndex, id: string): RegionTotals {
  const groups = groupsInRegion(idx, id);
  return {
    regions: regionSubtree(idx, id).size - 1,
    groups: groups.length,
    schools: schoolsInRegion(idx, id).length,
    memberships: groups.reduce((n, g) => n + (idx.membershipsByGroup.get(g.id)?.length ?? 0), 0),
    policies: policiesForRegion(idx, id).length,
    reportedMembers: groups.reduce((n, g) => n + (g.reported_members ?? 0), 0),
  };
}

/** A membership has ended when a `left` date is recorded. */
export const isCurrent = (m: Membership) => m.left.parsed.kind === 'unknown';

/** True when the membership certainly covers the ISO day (imprecise dates count only when certain). */
export function activeOn(m: Membership, iso: string): boolean {
  const joined = dateBounds(m.joined.parsed);
  if (joined && joined.latest > iso) return false;
  if (m.left.parsed.kind === 'unknown') return true;
  const left = dateBounds(m.left.parsed);
  return left ? left.earliest > iso : false;
}

const roleOrder: Record<Membership['role'], number> = { lead: 0, member: 1, campus: 2, alliance: 3 };

function sortMembers(a: Located<Membership>, b: Located<Membership>): number {
  return roleOrder[a.role] - roleOrder[b.role] || dateSortKey(a.joined.parsed).localeCompare(dateSortKey(b.joined.parsed)) || a._line - b._line;
}

export interface GroupMembers {
  current: Located<Membership>[];
  former: Located<Membership>[];
}

/** Members now (no `left` date), or on an ISO day when one is given. */
export function groupMembers(idx: DatasetIndex, groupId: string, onIso?: string): GroupMembers {
  const all = idx.membershipsByGroup.get(groupId) ?? [];
  const current = all.filter((m) => (onIso ? activeOn(m, onIso) : isCurrent(m))).sort(sortMembers);
  const former = all.filter((m) => !isCurrent(m)).sort(sortMembers);
  return { current, former };
}

export function leadSchool(idx: DatasetIndex, groupId: string, onIso?: string): Located<School> | undefined {
  const lead = groupMembers(idx, groupId, onIso).current.find((m) => m.role === 'lead');
  return lead ? idx.school.get(lead.school) : undefined;
}

/** Every group a school has belonged to, oldest first. */
export function schoolHistory(idx: DatasetIndex, schoolId: string): Located<Membership>[] {
  return [...(idx.membershipsBySchool.get(schoolId) ?? [])].sort(
    (a, b) => dateSortKey(a.joined.parsed).localeCompare(dateSortKey(b.joined.parsed)) || a._line - b._line,
  );
}

/** Schools that share a current group with this one, by group. */
export function schoolPeers(idx: DatasetIndex, schoolId: string): { group: Located<Group>; members: Located<Membership>[] }[] {
  return schoolHistory(idx, schoolId)
    .filter(isCurrent)
    .flatMap((m) => {
      const group = idx.group.get(m.group);
      if (!group) return [];
      return [{ group, members: groupMembers(idx, group.id).current.filter((x) => x.school !== schoolId) }];
    });
}

/** Campuses and divisions recorded under a school. */
export const schoolUnits = (idx: DatasetIndex, schoolId: string) => idx.data.schools.filter((s) => s.parent_school === schoolId);

export function policiesForGroup(idx: DatasetIndex, groupId: string): PolicyEntry[] {
  return idx.data.policies.filter((p) => p.groups.includes(groupId));
}

export interface Citation {
  kind: string;
  label: string;
  href: string;
}

/** Everything that names a source, for the sources page. */
export function citationsOf(idx: DatasetIndex, sourceId: string): Citation[] {
  const d = idx.data;
  const out: Citation[] = [];
  for (const g of d.groups) if (g.source === sourceId) out.push({ kind: '集团', label: g.name, href: `/groups/${g.id}/` });
  for (const s of d.schools) if (s.source === sourceId) out.push({ kind: '学校', label: s.name, href: `/schools/${s.id}/` });
  const memberGroups = new Set(d.memberships.filter((m) => m.source === sourceId).map((m) => m.group));
  for (const id of memberGroups) out.push({ kind: '成员名单', label: idx.group.get(id)?.name ?? id, href: `/groups/${id}/#members` });
  const statRegions = new Set(d.statistics.filter((s) => s.source === sourceId).map((s) => s.region));
  for (const id of statRegions) out.push({ kind: '统计数据', label: idx.region.get(id)?.name ?? id, href: `/regions/${id}/#statistics` });
  for (const p of d.policies) if (p.source === sourceId) out.push({ kind: '政策', label: p.title, href: `/policies/${p.id}/` });
  for (const r of d.regions) if (r.source === sourceId) out.push({ kind: '地区', label: r.name, href: `/regions/${r.id}/` });
  return out;
}

export const fuzzyKey = (d: FuzzyDate) => dateSortKey(d);
