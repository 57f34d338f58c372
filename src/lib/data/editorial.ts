/**
 * What record pages say about what editors entered: schools counted apart from their
 * campuses, a region's own designations and the policies that name it (apart from those
 * it inherits), a source's reported group count against the groups listed here, and a
 * group's type in words that read naturally when the source gives none.
 */
import { dateSortKey } from '../fuzzy-date.ts';
import type { Designation, Group, School, Statistic } from '../schemas/index.ts';
import type { Located, PolicyEntry } from './dataset.ts';
import { ALL_STAGES, groupFits } from '../coverage/stages.ts';
import { formatStatValue } from './format.ts';
import {
  eachSchoolInRegion,
  groupMembers,
  groupsInRegion,
  isCurrent,
  regionAncestors,
  regionStatistics,
  regionSubtree,
  regionTotals,
  type DatasetIndex,
} from './queries.ts';

/** Schools, campuses (校区) and divisions (学部) counted apart: a campus is not a school. */
export interface UnitCounts {
  schools: number;
  campuses: number;
  divisions: number;
}

export function countUnits(schools: Iterable<Pick<School, 'unit'>>): UnitCounts {
  const c: UnitCounts = { schools: 0, campuses: 0, divisions: 0 };
  for (const s of schools) {
    if (s.unit === 'campus') c.campuses++;
    else if (s.unit === 'division') c.divisions++;
    else c.schools++;
  }
  return c;
}

/** "1 所学校，4 个校区" — campuses and divisions named only when there are some. */
export function unitCountWords(c: UnitCounts, separator = '，'): string {
  const parts = [`${c.schools} 所学校`];
  if (c.campuses > 0) parts.push(`${c.campuses} 个校区`);
  if (c.divisions > 0) parts.push(`${c.divisions} 个学部`);
  return parts.join(separator);
}

/** Campuses and divisions in words ("4 个校区、1 个学部"), or "" when there are none: for a cell beside the school count. */
export function campusWords(c: UnitCounts): string {
  const parts: string[] = [];
  if (c.campuses > 0) parts.push(`${c.campuses} 个校区`);
  if (c.divisions > 0) parts.push(`${c.divisions} 个学部`);
  return parts.join('、');
}

/** A group's current members by unit. */
export function groupUnitCounts(idx: DatasetIndex, groupId: string): UnitCounts {
  return countUnits(groupMembers(idx, groupId).current.flatMap((m) => idx.school.get(m.school) ?? []));
}

/** The schools, campuses and divisions recorded in a region and below it. */
export function regionUnitCounts(idx: DatasetIndex, regionId: string): UnitCounts {
  return countUnits(eachSchoolInRegion(idx, regionId));
}

/** Titles given to the region itself (改革先行区, 示范区), in date order. */
export function regionDesignations(idx: DatasetIndex, regionId: string): Located<Designation>[] {
  return idx.data.designations
    .filter((d) => d.region === regionId)
    .sort((a, b) => dateSortKey(a.date.parsed).localeCompare(dateSortKey(b.date.parsed)) || a._line - b._line);
}

export interface RegionPolicies {
  /** Policies issued for this region or naming it (its `region` or one of its `regions`). */
  own: PolicyEntry[];
  /** Policies of a region above (the province's), which apply here without naming it. */
  inherited: PolicyEntry[];
  /** Policies of regions below this one. */
  below: PolicyEntry[];
}

/** A region's policies in three parts, so a district does not list its province's policy as its own. */
export function regionPolicies(idx: DatasetIndex, regionId: string): RegionPolicies {
  const ancestors = new Set(regionAncestors(idx, regionId).map((r) => r.id));
  ancestors.delete(regionId);
  const below = regionSubtree(idx, regionId);
  below.delete(regionId);
  const out: RegionPolicies = { own: [], inherited: [], below: [] };
  for (const p of idx.data.policies) {
    const named = [p.region, ...p.regions];
    if (named.includes(regionId)) out.own.push(p);
    else if (named.some((r) => below.has(r))) out.below.push(p);
    else if (named.some((r) => ancestors.has(r))) out.inherited.push(p);
  }
  return out;
}

/** The latest number of groups a source reports for the region itself (dated figures before undated ones). */
export function reportedGroupCount(idx: DatasetIndex, regionId: string): Located<Statistic> | undefined {
  let best: Located<Statistic> | undefined;
  for (const s of regionStatistics(idx, regionId)) {
    if (s.metric !== 'group-count' || s.kind !== 'actual') continue;
    const key = s.date.parsed.kind === 'unknown' ? '' : dateSortKey(s.date.parsed);
    const bestKey = best ? (best.date.parsed.kind === 'unknown' ? '' : dateSortKey(best.date.parsed)) : undefined;
    if (bestKey === undefined || key > bestKey) best = s;
  }
  return best;
}

export interface GroupCountSummary {
  listed: number;
  /** Set when a source reports more groups than the site lists. */
  reported?: number;
  /** The reported figure as the source writes it, with its stage: "19 个", "约900个", "7 个普通高中". */
  reportedWords?: string;
  /** "教育集团：来源报告 19 个，本站已收录 0 个" or "教育集团 3 个". */
  words: string;
}

/**
 * Groups listed in the region and below, against what a source reports for it. A figure for
 * one stage (普通高中) is set against the listed groups of that stage only (coverage/stages.ts).
 */
export function groupCountSummary(idx: DatasetIndex, regionId: string): GroupCountSummary {
  const all = regionTotals(idx, regionId).groups;
  const figure = reportedGroupCount(idx, regionId);
  if (!figure) return { listed: all, words: `教育集团 ${all} 个` };
  const stage = figure.stage && figure.stage !== ALL_STAGES ? figure.stage : undefined;
  const stageName = stage ? (idx.term.get(stage)?.term ?? stage) : '';
  const listed = stage ? groupsInRegion(idx, regionId).filter((g) => groupFits(g.stage, groupStages(idx, g.id), stage) === 'in').length : all;
  const count = figure.wording ?? `${formatStatValue(figure.value, 'count', figure.qualifier, figure.value_max)} 个`;
  if (figure.value > listed)
    return {
      listed,
      reported: figure.value,
      reportedWords: `${count}${stageName}`,
      words: `${stageName}教育集团：来源报告 ${count}，本站已收录 ${listed} 个`,
    };
  return { listed: all, words: `教育集团 ${all} 个` };
}

const groupStages = (idx: DatasetIndex, groupId: string) =>
  (idx.membershipsByGroup.get(groupId) ?? []).filter(isCurrent).flatMap((m) => idx.school.get(m.school)?.stage ?? []);

/** The type term id whose group needs no type word ("无锡市的教育集团", not "无锡市的未说明教育集团"). */
const UNSPECIFIED_GROUP_TYPE = 'unspecified';

/** The type word to put before 教育集团, or undefined when the source does not say. */
export function groupTypeWord(idx: DatasetIndex, group: Pick<Group, 'type'>): string | undefined {
  if (group.type === UNSPECIFIED_GROUP_TYPE) return undefined;
  return idx.term.get(group.type)?.term ?? group.type;
}
