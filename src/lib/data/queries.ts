/**
 * Questions the pages ask of the dataset, answered without Astro or the DOM:
 * a group's members on a date, a school's history, a region's subtree and totals.
 */
import { dateBounds, dateSortKey } from '../fuzzy-date.ts';
import { isExact } from '../quantity.ts';
import type { Designation, Membership, Metric, Region, School, Source, Statistic, Term } from '../schemas/index.ts';
import type { Dataset, GroupProfileEntry, GroupRecord, Located, PolicyEntry } from './dataset.ts';

export interface DatasetIndex {
  data: Dataset;
  region: Map<string, Located<Region>>;
  school: Map<string, Located<School>>;
  group: Map<string, GroupRecord>;
  source: Map<string, Located<Source>>;
  term: Map<string, Located<Term>>;
  metric: Map<string, Located<Metric>>;
  policy: Map<string, PolicyEntry>;
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

// One collator for every comparison: same order as localeCompare(…, 'zh-CN'), far cheaper per call.
const zhCollator = new Intl.Collator('zh-CN');
const byName = (a: { name: string }, b: { name: string }) => zhCollator.compare(a.name, b.name);

/**
 * Lookups derived from an index on first use and kept with it, so that pages asking
 * per record (a school's units, a region's totals) do not scan every row each time.
 */
interface Derived {
  subtree: Map<string, Set<string>>;
  totals: Map<string, RegionTotals>;
  schoolsByRegion: Map<string, Located<School>[]>;
  groupsByRegion: Map<string, GroupRecord[]>;
  unitsBySchool: Map<string, Located<School>[]>;
  policiesByGroup: Map<string, PolicyEntry[]>;
  statisticsByRegion: Map<string, Located<Statistic>[]>;
  designationsByGroup: Map<string, Located<Designation>[]>;
  /** Groups whose related_group names the key. */
  groupsRelatedTo: Map<string, GroupRecord[]>;
  profileByGroup: Map<string, GroupProfileEntry>;
  order: Map<object, number>;
  citations?: Map<string, Citation[]>;
}
const derivedCache = new WeakMap<DatasetIndex, Derived>();
function derived(idx: DatasetIndex): Derived {
  let d = derivedCache.get(idx);
  if (d) return d;
  const policiesByGroup = new Map<string, PolicyEntry[]>();
  for (const p of idx.data.policies)
    for (const g of new Set(p.groups)) {
      const list = policiesByGroup.get(g);
      if (list) list.push(p);
      else policiesByGroup.set(g, [p]);
    }
  const order = new Map<object, number>();
  idx.data.schools.forEach((s, i) => order.set(s, i));
  idx.data.groups.forEach((g, i) => order.set(g, i));
  d = {
    subtree: new Map(),
    totals: new Map(),
    schoolsByRegion: groupBy(idx.data.schools, (s) => s.region),
    groupsByRegion: groupBy(idx.data.groups, (g) => g.region),
    unitsBySchool: groupBy(idx.data.schools, (s) => s.parent_school),
    policiesByGroup,
    statisticsByRegion: groupBy(idx.data.statistics, (s) => s.region),
    designationsByGroup: groupBy(idx.data.designations, (x) => x.group),
    groupsRelatedTo: groupBy(idx.data.groups, (g) => g.related_group),
    // The first profile for a group wins, as a scan with find() would give.
    profileByGroup: new Map([...idx.data.groupProfiles].reverse().map((p) => [p.group, p])),
    order,
  };
  derivedCache.set(idx, d);
  return d;
}

/** The rows of the given regions, in the order filtering the whole table would give. */
function rowsIn<T extends object>(idx: DatasetIndex, byRegion: Map<string, T[]>, ids: Set<string>): T[] {
  const out: T[] = [];
  for (const id of ids) for (const row of byRegion.get(id) ?? []) out.push(row);
  if (ids.size > 1) {
    const order = derived(idx).order;
    out.sort((a, b) => order.get(a)! - order.get(b)!);
  }
  return out;
}

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
    metric: new Map(data.metrics.map((m) => [m.id, m])),
    policy: new Map(data.policies.map((p) => [p.id, p])),
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
  return new Set(subtreeOf(idx, id));
}

function subtreeOf(idx: DatasetIndex, id: string): Set<string> {
  const memo = derived(idx).subtree;
  const known = memo.get(id);
  if (known) return known;
  const out = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    for (const child of idx.childRegions.get(next) ?? []) stack.push(child.id);
  }
  memo.set(id, out);
  return out;
}

export const rootRegions = (idx: DatasetIndex) => idx.data.regions.filter((r) => !r.parent).sort(byName);

export function groupsInRegion(idx: DatasetIndex, id: string, { deep = true } = {}): GroupRecord[] {
  const ids = deep ? subtreeOf(idx, id) : new Set([id]);
  return rowsIn(idx, derived(idx).groupsByRegion, ids).sort((a, b) => zhCollator.compare(a.label, b.label));
}

export function schoolsInRegion(idx: DatasetIndex, id: string, { deep = true } = {}): Located<School>[] {
  const ids = deep ? subtreeOf(idx, id) : new Set([id]);
  return rowsIn(idx, derived(idx).schoolsByRegion, ids).sort(byName);
}

/** The schools recorded in a region and below it, unsorted: for counting, where schoolsInRegion's sort would be wasted. */
export function* eachSchoolInRegion(idx: DatasetIndex, id: string): Generator<Located<School>> {
  const byRegion = derived(idx).schoolsByRegion;
  for (const r of subtreeOf(idx, id)) yield* byRegion.get(r) ?? [];
}

export function policiesForRegion(idx: DatasetIndex, id: string): PolicyEntry[] {
  const ancestors = new Set(regionAncestors(idx, id).map((r) => r.id));
  const below = subtreeOf(idx, id);
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
  const d = derived(idx);
  const known = d.totals.get(id);
  if (known) return { ...known };
  const ids = subtreeOf(idx, id);
  let groups = 0;
  let schools = 0;
  let memberships = 0;
  let reportedMembers = 0;
  for (const r of ids) {
    schools += d.schoolsByRegion.get(r)?.length ?? 0;
    for (const g of d.groupsByRegion.get(r) ?? []) {
      groups++;
      memberships += idx.membershipsByGroup.get(g.id)?.length ?? 0;
      // Only an exact count adds up: 约900 or 2—4 is shown as written, never summed.
      if (g.reported_members && isExact(g.reported_members)) reportedMembers += g.reported_members.min;
    }
  }
  const totals = { regions: ids.size - 1, groups, schools, memberships, policies: policiesForRegion(idx, id).length, reportedMembers };
  d.totals.set(id, totals);
  return { ...totals };
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
export function schoolPeers(idx: DatasetIndex, schoolId: string): { group: GroupRecord; members: Located<Membership>[] }[] {
  return schoolHistory(idx, schoolId)
    .filter(isCurrent)
    .flatMap((m) => {
      const group = idx.group.get(m.group);
      if (!group) return [];
      return [{ group, members: groupMembers(idx, group.id).current.filter((x) => x.school !== schoolId) }];
    });
}

/** Campuses and divisions recorded under a school. */
export const schoolUnits = (idx: DatasetIndex, schoolId: string) => [...(derived(idx).unitsBySchool.get(schoolId) ?? [])];

/** A region's own statistics rows, in file order. */
export const regionStatistics = (idx: DatasetIndex, regionId: string) => [...(derived(idx).statisticsByRegion.get(regionId) ?? [])];

/** A group's designations, in file order. */
export const groupDesignations = (idx: DatasetIndex, groupId: string) => [...(derived(idx).designationsByGroup.get(groupId) ?? [])];

/** Groups that name this one as their related group, in file order. */
export const groupsRelatedTo = (idx: DatasetIndex, groupId: string) => [...(derived(idx).groupsRelatedTo.get(groupId) ?? [])];

export const groupProfileOf = (idx: DatasetIndex, groupId: string): GroupProfileEntry | undefined => derived(idx).profileByGroup.get(groupId);

export function policiesForGroup(idx: DatasetIndex, groupId: string): PolicyEntry[] {
  return [...(derived(idx).policiesByGroup.get(groupId) ?? [])];
}

export interface Citation {
  kind: string;
  label: string;
  href: string;
}

/** Everything that names a source, for the sources page. */
export function citationsOf(idx: DatasetIndex, sourceId: string): Citation[] {
  const d = derived(idx);
  d.citations ??= allCitations(idx);
  return [...(d.citations.get(sourceId) ?? [])];
}

/** Every source's citations in one pass over the data (kinds in the order the page lists them). */
function allCitations(idx: DatasetIndex): Map<string, Citation[]> {
  const d = idx.data;
  const kinds = ['集团', '学校', '成员名单', '统计数据', '政策', '地区'] as const;
  const bySource = new Map<string, Map<string, Map<string, Citation>>>();
  const add = (sourceIds: string[], kind: (typeof kinds)[number], key: string, make: () => Citation) => {
    for (const sourceId of sourceIds) addOne(sourceId, kind, key, make);
  };
  const addOne = (sourceId: string, kind: (typeof kinds)[number], key: string, make: () => Citation) => {
    let perKind = bySource.get(sourceId);
    if (!perKind) bySource.set(sourceId, (perKind = new Map(kinds.map((k) => [k, new Map<string, Citation>()]))));
    const list = perKind.get(kind)!;
    if (!list.has(key)) list.set(key, make());
  };
  d.groups.forEach((g, i) => add(g.source, '集团', String(i), () => ({ kind: '集团', label: g.label, href: `/groups/${g.id}/` })));
  d.schools.forEach((s, i) => add(s.source, '学校', String(i), () => ({ kind: '学校', label: s.name, href: `/schools/${s.id}/` })));
  for (const m of d.memberships)
    add(m.source, '成员名单', m.group, () => ({ kind: '成员名单', label: idx.group.get(m.group)?.name ?? m.group, href: `/groups/${m.group}/#members` }));
  for (const s of d.statistics)
    add(s.source, '统计数据', s.region, () => ({ kind: '统计数据', label: idx.region.get(s.region)?.name ?? s.region, href: `/regions/${s.region}/#statistics` }));
  d.policies.forEach((p, i) => add([p.source, ...p.sources], '政策', String(i), () => ({ kind: '政策', label: p.title, href: `/policies/${p.id}/` })));
  d.regions.forEach((r, i) => {
    add(r.source, '地区', String(i), () => ({ kind: '地区', label: r.name, href: `/regions/${r.id}/` }));
  });
  const out = new Map<string, Citation[]>();
  for (const [sourceId, perKind] of bySource) out.set(sourceId, kinds.flatMap((k) => [...perKind.get(k)!.values()]));
  return out;
}

