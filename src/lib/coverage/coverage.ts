/**
 * How complete the site's data is: for every region it knows, what it lists
 * (groups, schools, memberships, policies, sub-regions) set against what its
 * sources report (the group-count and participating-schools figures, a group's
 * reported_members, a region's reported_children), as counts and a share, with
 * the source and date of each reported figure. Every one of the 34 provincial-level
 * divisions appears, matched by full name; those without a region row have no
 * figures at all. Pure: no Astro, no DOM, no clock.
 */
import { dateBounds, formatFuzzyDateZh } from '../fuzzy-date.ts';
import { isExact } from '../quantity.ts';
import type { GroupRecord, Located } from '../data/dataset.ts';
import { isCurrent, regionSubtree, regionTotals, type DatasetIndex } from '../data/queries.ts';
import type { Region, School, Statistic } from '../schemas/index.ts';
import { ALL_STAGES, comparableStage, groupFits, schoolFits } from './stages.ts';
import { PROVINCES, provinceByName, type Province } from './provinces.ts';

/** The metrics that state what the site could list: how many groups, how many schools in them. */
const REPORTED_METRICS = { groups: 'group-count', schools: 'participating-schools' } as const;

export interface ReportedFigure {
  value: number;
  qualifier: Statistic['qualifier'];
  /** The upper end of a range (2—4). */
  valueMax?: number;
  /** As the source writes it (约900所), when recorded. */
  wording?: string;
  /** The stage term the figure covers, and its name; absent when the source does not say. */
  stage?: string;
  stageLabel?: string;
  /** As written in the CSV ("2024-08/2025-09") and in words. */
  date: string;
  dateLabel: string;
  sourceId: string;
  sourceTitle: string;
  publisher?: string;
}

export interface Comparison {
  listed: number;
  reported: number;
  /** listed ÷ reported; above 1 when the site lists more than the source counted (definitions differ). */
  share: number;
  /** "45%", "约45%" (an approximate figure), "≤45%" (a figure of at least…), "33%–50%" (a range). */
  shareText: string;
  /** For a figure of one stage: the stage's name, and listed items whose stage might be it but is not recorded. */
  stageLabel?: string;
  uncertain?: number;
}

export interface RegionCoverage {
  id: string;
  name: string;
  level: Region['level'];
  municipality: boolean;
  parent?: string;
  /** 0 for a province, 1 for a city, 2 for a district (tree depth). */
  depth: number;
  /** The GB/T 2260 code of the province it is, or lies in (when the top region is a real province). */
  provinceCode?: string;
  listed: {
    groups: number;
    schools: number;
    /** Listed schools with a current membership in a group. */
    participatingSchools: number;
    memberships: number;
    policies: number;
    childRegions: number;
  };
  reported: {
    groups?: ReportedFigure;
    schools?: ReportedFigure;
    children?: number;
    /** Groups with a reported_members count: the sum, and how many members the site names for those groups. */
    members?: { groups: number; reported: number; named: number };
  };
  groups?: Comparison;
  schools?: Comparison;
  children?: Comparison;
  members?: Comparison;
  /** Why a reported figure is not set against what the site lists (its stage is not stated…). */
  notComparable: { groups?: string; schools?: string };
  /** True when no source reports any figure to compare with. */
  noReportedFigure: boolean;
}

export interface ProvinceCoverage {
  province: Province;
  /** Absent when data/regions.csv has no row for this province: "暂无数据". */
  region?: RegionCoverage;
}

export interface CoverageModel {
  /** Every region the site knows, provinces (in code order) each followed by its cities and districts. */
  regions: RegionCoverage[];
  /** The 34 provincial-level divisions in code order. */
  provinces: ProvinceCoverage[];
  /** Top-level regions that are none of the 34 (by full name); listed after them. */
  unmatched: RegionCoverage[];
  byId: Map<string, RegionCoverage>;
}

/** A share as a reader wants it: one decimal, "<0.1%" rather than a misleading 0%. */
export function shareText(share: number): string {
  if (share > 0 && share < 0.001) return '<0.1%';
  return `${(Math.round(share * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;
}

function compare(listed: number, reported: number | undefined): Comparison | undefined {
  if (reported === undefined || reported <= 0) return undefined;
  const share = listed / reported;
  return { listed, reported, share, shareText: shareText(share) };
}

/** The share's sign when the figure is not exact: the true count is about, above or below it. */
const SHARE_SIGN: Record<Statistic['qualifier'], string> = { eq: '', approx: '约', near: '约', gt: '<', gte: '≤', lt: '>', lte: '≥' };

/** What the site lists against a reported figure, in the figure's own form (约, a range). */
function compareFigure(listed: number, f: ReportedFigure): Comparison | undefined {
  const base = compare(listed, f.value);
  if (!base) return undefined;
  if (f.valueMax !== undefined && f.valueMax > f.value)
    return { ...base, shareText: `${shareText(listed / f.valueMax)}–${shareText(base.share)}` };
  return { ...base, shareText: `${SHARE_SIGN[f.qualifier]}${base.shareText}` };
}

export const STAGE_NOT_STATED = '来源没有说明这个数字包括哪些学段，不和本站各学段合计的数字相比';

/** Latest actual figure for a region and metric: latest possible day, then earliest; undated last. */
function latestActual(stats: Located<Statistic>[]): Located<Statistic> | undefined {
  let best: Located<Statistic> | undefined;
  let bestKey = '';
  for (const s of stats) {
    if (s.kind !== 'actual') continue;
    const b = dateBounds(s.date.parsed);
    const key = b ? `${b.latest}|${b.earliest}` : '';
    if (!best || key > bestKey) {
      best = s;
      bestKey = key;
    }
  }
  return best;
}

export function buildCoverage(idx: DatasetIndex): CoverageModel {
  const stats = new Map<string, Located<Statistic>[]>();
  for (const s of idx.data.statistics) {
    const key = `${s.region}\u0000${s.metric}`;
    const list = stats.get(key);
    if (list) list.push(s);
    else stats.set(key, [s]);
  }
  const figure = (regionId: string, metricId: string): ReportedFigure | undefined => {
    const s = latestActual(stats.get(`${regionId}\u0000${metricId}`) ?? []);
    if (!s) return undefined;
    // A figure may cite several sources: link the first, name them all (as the charts do).
    const src = idx.source.get(s.source[0]!);
    return {
      value: s.value,
      qualifier: s.qualifier,
      ...(s.value_max !== undefined ? { valueMax: s.value_max } : {}),
      ...(s.wording ? { wording: s.wording } : {}),
      ...(s.stage ? { stage: s.stage, stageLabel: idx.term.get(s.stage)?.term ?? s.stage } : {}),
      date: s.date.text,
      dateLabel: formatFuzzyDateZh(s.date.parsed),
      sourceId: s.source[0]!,
      sourceTitle: s.source.map((id) => idx.source.get(id)?.title ?? id).join('；'),
      ...(src?.publisher ? { publisher: src.publisher } : {}),
    };
  };

  // Counts per region before summing over subtrees: one pass over schools and groups, not one per region.
  const direct = new Map<string, { participating: number; groups: number; reported: number; named: number }>();
  const at = (id: string) => {
    let d = direct.get(id);
    if (!d) direct.set(id, (d = { participating: 0, groups: 0, reported: 0, named: 0 }));
    return d;
  };
  for (const s of idx.data.schools) if ((idx.membershipsBySchool.get(s.id) ?? []).some(isCurrent)) at(s.region).participating++;
  for (const g of idx.data.groups) {
    // Only an exact count adds up: 约900 or 2—4 is shown as written, never summed.
    if (g.reported_members === undefined || !isExact(g.reported_members)) continue;
    const d = at(g.region);
    d.groups++;
    d.reported += g.reported_members.min;
    d.named += (idx.membershipsByGroup.get(g.id) ?? []).filter(isCurrent).length;
  }

  const one = (r: Located<Region>, depth: number, provinceCode: string | undefined): RegionCoverage => {
    const totals = regionTotals(idx, r.id);
    const subtree = regionSubtree(idx, r.id);
    let participating = 0;
    const reportedMembers = { groups: 0, reported: 0, named: 0 };
    for (const id of subtree) {
      const d = direct.get(id);
      if (!d) continue;
      participating += d.participating;
      reportedMembers.groups += d.groups;
      reportedMembers.reported += d.reported;
      reportedMembers.named += d.named;
    }
    const groups = figure(r.id, REPORTED_METRICS.groups);
    const schools = figure(r.id, REPORTED_METRICS.schools);
    const childRegions = idx.childRegions.get(r.id)?.length ?? 0;
    const reported: RegionCoverage['reported'] = {
      ...(groups ? { groups } : {}),
      ...(schools ? { schools } : {}),
      ...(r.reported_children !== undefined ? { children: r.reported_children } : {}),
      ...(reportedMembers.groups > 0 ? { members: reportedMembers } : {}),
    };
    const notComparable: RegionCoverage['notComparable'] = {};
    /** A figure set against the listed items of its stage only; undefined (with the reason) when it cannot be. */
    const against = (key: 'groups' | 'schools', f: ReportedFigure | undefined, all: number): Comparison | undefined => {
      if (!f) return undefined;
      if (!comparableStage(f.stage)) {
        notComparable[key] = f.stage ? `来源说的学段“${f.stageLabel}”对不上本站学校的学段，不相比` : STAGE_NOT_STATED;
        return undefined;
      }
      if (f.stage === ALL_STAGES) return compareFigure(all, f);
      const { listed, uncertain } = key === 'groups' ? groupsOfStage(idx, subtree, f.stage) : schoolsOfStage(idx, subtree, f.stage);
      const c = compareFigure(listed, f);
      return c ? { ...c, stageLabel: f.stageLabel!, ...(uncertain > 0 ? { uncertain } : {}) } : undefined;
    };
    const cmp = {
      groups: against('groups', groups, totals.groups),
      schools: against('schools', schools, participating),
      children: compare(childRegions, r.reported_children),
      members: reportedMembers.groups > 0 ? compare(reportedMembers.named, reportedMembers.reported) : undefined,
    };
    return {
      id: r.id,
      name: r.name,
      level: r.level,
      municipality: r.municipality,
      ...(r.parent ? { parent: r.parent } : {}),
      depth,
      ...(provinceCode ? { provinceCode } : {}),
      listed: {
        groups: totals.groups,
        schools: totals.schools,
        participatingSchools: participating,
        memberships: totals.memberships,
        policies: totals.policies,
        childRegions,
      },
      reported,
      ...Object.fromEntries(Object.entries(cmp).filter(([, v]) => v !== undefined)),
      notComparable,
      noReportedFigure: Object.keys(reported).length === 0,
    };
  };

  const regions: RegionCoverage[] = [];
  const byId = new Map<string, RegionCoverage>();
  const walk = (r: Located<Region>, depth: number, code: string | undefined, seen: Set<string>) => {
    if (seen.has(r.id)) return;
    seen.add(r.id);
    const row = one(r, depth, code);
    regions.push(row);
    byId.set(r.id, row);
    for (const c of idx.childRegions.get(r.id) ?? []) walk(c, depth + 1, code, seen);
  };
  const top = idx.data.regions.filter((r) => !r.parent || !idx.region.has(r.parent));
  const matched = new Map<string, Located<Region>>();
  const unmatchedTop: Located<Region>[] = [];
  for (const r of top) {
    const p = r.level === 'province' ? provinceByName(r.name) : undefined;
    if (p && !matched.has(p.code)) matched.set(p.code, r);
    else unmatchedTop.push(r);
  }
  const seen = new Set<string>();
  for (const p of PROVINCES) {
    const r = matched.get(p.code);
    if (r) walk(r, 0, p.code, seen);
  }
  const firstUnmatched = regions.length;
  for (const r of unmatchedTop.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) walk(r, 0, undefined, seen);
  const unmatched = regions.slice(firstUnmatched).filter((r) => r.depth === 0);

  const provinces = PROVINCES.map((province): ProvinceCoverage => {
    const r = matched.get(province.code);
    const region = r ? byId.get(r.id) : undefined;
    return { province, ...(region ? { region } : {}) };
  });
  return { regions, provinces, unmatched, byId };
}

/** Groups in a region's subtree that surely cover a stage, and those that might. */
function groupsOfStage(idx: DatasetIndex, subtree: Iterable<string>, stage: string): { listed: number; uncertain: number } {
  let listed = 0;
  let uncertain = 0;
  for (const id of subtree)
    for (const g of groupsByRegionOf(idx).get(id) ?? []) {
      const stages = (idx.membershipsByGroup.get(g.id) ?? []).filter(isCurrent).flatMap((m) => idx.school.get(m.school)?.stage ?? []);
      const fit = groupFits(g.stage, stages, stage);
      if (fit === 'in') listed++;
      else if (fit === 'maybe') uncertain++;
    }
  return { listed, uncertain };
}

/** Participating schools (a current membership) in a region's subtree that surely teach a stage, and those that might. */
function schoolsOfStage(idx: DatasetIndex, subtree: Iterable<string>, stage: string): { listed: number; uncertain: number } {
  let listed = 0;
  let uncertain = 0;
  for (const id of subtree)
    for (const s of schoolsByRegionOf(idx).get(id) ?? []) {
      if (!(idx.membershipsBySchool.get(s.id) ?? []).some(isCurrent)) continue;
      const fit = schoolFits(s.stage, stage);
      if (fit === 'in') listed++;
      else if (fit === 'maybe') uncertain++;
    }
  return { listed, uncertain };
}

const byRegionCache = new WeakMap<DatasetIndex, { groups: Map<string, GroupRecord[]>; schools: Map<string, Located<School>[]> }>();
function byRegion(idx: DatasetIndex) {
  let c = byRegionCache.get(idx);
  if (!c) {
    const groups = new Map<string, GroupRecord[]>();
    const schools = new Map<string, Located<School>[]>();
    const add = <T>(m: Map<string, T[]>, key: string, v: T) => {
      const list = m.get(key);
      if (list) list.push(v);
      else m.set(key, [v]);
    };
    for (const g of idx.data.groups) add(groups, g.region, g);
    for (const s of idx.data.schools) add(schools, s.region, s);
    byRegionCache.set(idx, (c = { groups, schools }));
  }
  return c;
}
const groupsByRegionOf = (idx: DatasetIndex) => byRegion(idx).groups;
const schoolsByRegionOf = (idx: DatasetIndex) => byRegion(idx).schools;

export interface CoverageSummary {
  provincesWithData: number;
  provinces: number;
  regions: number;
  groups: number;
  schools: number;
}

/** Headline counts for the page's opening line. */
export function coverageSummary(model: CoverageModel): CoverageSummary {
  const tops = [...model.provinces.flatMap((p) => p.region ?? []), ...model.unmatched];
  return {
    provincesWithData: model.provinces.filter((p) => p.region).length,
    provinces: model.provinces.length,
    regions: model.regions.length,
    groups: tops.reduce((n, r) => n + r.listed.groups, 0),
    schools: tops.reduce((n, r) => n + r.listed.schools, 0),
  };
}
