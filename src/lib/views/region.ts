/** The data a region page shows, from the index's maps; the page file holds only markup. */
import type { Region, School, Source, Statistic } from '../schemas/index.ts';
import { regionLevelLabels } from '../schemas/region.ts';
import type { GroupRecord, Located, PolicyEntry } from '../data/dataset.ts';
import { alphabetize } from '../data/alphabet.ts';
import {
  groupMembers,
  groupsInRegion,
  isCurrent,
  leadSchool,
  policiesForRegion,
  regionAncestors,
  regionStatistics,
  regionTotals,
  schoolsInRegion,
  type DatasetIndex,
  type RegionTotals,
} from '../data/queries.ts';
import { PAGE_LIMITS, type PageLimits } from './limits.ts';
import type { RecordFile } from './record.ts';

interface RegionGroupRow {
  group: GroupRecord;
  /** The group's own region when it lies below this one. */
  within: Located<Region> | undefined;
  lead: Located<School> | undefined;
  named: number;
}

export interface RegionSchoolRow {
  school: Located<School>;
  groups: GroupRecord[];
}

interface RegionLetter {
  letter: string;
  /** The heading's id on the region page, and the per-letter page's URL segment. */
  anchor: string;
  slug: string;
  schools: RegionSchoolRow[];
}

export interface RegionView {
  region: Located<Region>;
  /** Root first, the region itself last. */
  ancestors: Located<Region>[];
  levelLabel: string;
  totals: RegionTotals;
  children: { region: Located<Region>; totals: RegionTotals }[];
  /** Groups listed on the page: the whole subtree's, or at country size only the region's own. */
  groups: RegionGroupRow[];
  /** Groups of the subtree not listed here: they are on the child regions' pages. */
  groupsBelow: number;
  /** Schools listed on the page by pinyin initial (as `groups`, the region's own when the subtree is too large). */
  letters: RegionLetter[];
  schoolsBelow: number;
  /**
   * A region without child regions whose schools are too many for one page: its A–Z list
   * moves to one page per letter (/regions/<id>/schools/<slug>/), and `letters` is empty.
   */
  letterPages: { letter: string; slug: string; count: number }[];
  policies: PolicyEntry[];
  statistics: Located<Statistic>[];
  sources: Located<Source>[];
  files: RecordFile[];
  description: string;
}

const slugOf = (letter: string) => (letter === '#' ? 'other' : letter.toLowerCase());

function schoolLetters(idx: DatasetIndex, schools: Located<School>[]): RegionLetter[] {
  const currentGroupsOf = (schoolId: string) =>
    (idx.membershipsBySchool.get(schoolId) ?? []).filter(isCurrent).flatMap((m) => idx.group.get(m.group) ?? []);
  return alphabetize(schools, (s) => s.name).map(({ letter, items }) => ({
    letter,
    anchor: `az-${letter === '#' ? 'other' : letter}`,
    slug: slugOf(letter),
    schools: items.map((school) => ({ school, groups: currentGroupsOf(school.id) })),
  }));
}

// A large region's letters are asked for by each of its letter pages and by its own page: sorted once per region.
const allLettersCache = new WeakMap<DatasetIndex, Map<string, RegionLetter[]>>();

/** The A–Z list of every school in the region and below it. */
function allSchoolLetters(idx: DatasetIndex, regionId: string): RegionLetter[] {
  let byRegion = allLettersCache.get(idx);
  if (!byRegion) allLettersCache.set(idx, (byRegion = new Map<string, RegionLetter[]>()));
  let letters = byRegion.get(regionId);
  if (!letters) byRegion.set(regionId, (letters = schoolLetters(idx, schoolsInRegion(idx, regionId))));
  return letters;
}

export function regionView(idx: DatasetIndex, id: string, limits: PageLimits = PAGE_LIMITS): RegionView {
  const region = idx.region.get(id);
  if (!region) throw new Error(`没有标识为 ${id} 的地区`);
  const totals = regionTotals(idx, region.id);
  const statistics = regionStatistics(idx, region.id);
  const sourceIds = new Set([...region.source, ...statistics.flatMap((s) => s.source)]);
  const hasChildren = (idx.childRegions.get(region.id)?.length ?? 0) > 0;
  const groupsDeep = totals.groups <= limits.groups || !hasChildren;
  const groups = groupsInRegion(idx, region.id, { deep: groupsDeep });
  const schoolsDeep = totals.schools <= limits.schools;
  const schools = schoolsDeep || hasChildren ? schoolsInRegion(idx, region.id, { deep: schoolsDeep }) : [];
  const letterPages =
    schoolsDeep || hasChildren
      ? []
      : allSchoolLetters(idx, region.id).map((l) => ({ letter: l.letter, slug: l.slug, count: l.schools.length }));
  return {
    region,
    ancestors: regionAncestors(idx, region.id),
    levelLabel: region.municipality ? '直辖市' : regionLevelLabels[region.level],
    totals,
    children: (idx.childRegions.get(region.id) ?? []).map((c) => ({ region: c, totals: regionTotals(idx, c.id) })),
    groups: groups.map((group) => ({
      group,
      within: group.region !== region.id ? idx.region.get(group.region) : undefined,
      lead: leadSchool(idx, group.id),
      named: groupMembers(idx, group.id).current.length,
    })),
    groupsBelow: totals.groups - groups.length,
    letters: schoolLetters(idx, schools),
    schoolsBelow: letterPages.length > 0 ? 0 : totals.schools - schools.length,
    letterPages,
    policies: policiesForRegion(idx, region.id),
    statistics,
    sources: [...sourceIds].flatMap((s) => idx.source.get(s) ?? []),
    files: [{ file: region._file, line: region._line }, ...statistics.map((s) => ({ file: s._file, line: s._line }))],
    description: `${region.name}的教育集团、成员学校、政策与统计数据：${totals.groups} 个集团，${totals.schools} 所学校。`,
  };
}

export interface RegionLetterView {
  region: Located<Region>;
  ancestors: Located<Region>[];
  letter: RegionLetter;
  /** Every letter of the region, for the navigation between letter pages. */
  letters: { letter: string; slug: string; count: number }[];
}

/** One letter of a large region's A–Z list, for its own page. */
export function regionLetterView(idx: DatasetIndex, id: string, slug: string): RegionLetterView {
  const region = idx.region.get(id);
  if (!region) throw new Error(`没有标识为 ${id} 的地区`);
  const all = allSchoolLetters(idx, region.id);
  const letter = all.find((l) => l.slug === slug);
  if (!letter) throw new Error(`${region.name}没有首字母为 ${slug} 的学校`);
  return {
    region,
    ancestors: regionAncestors(idx, region.id),
    letter,
    letters: all.map((l) => ({ letter: l.letter, slug: l.slug, count: l.schools.length })),
  };
}

/** Regions whose A–Z list has per-letter pages, with their letters' slugs. */
export function regionLetterPages(idx: DatasetIndex, limits: PageLimits = PAGE_LIMITS): { id: string; slug: string }[] {
  return idx.data.regions
    .filter((r) => (idx.childRegions.get(r.id)?.length ?? 0) === 0 && regionTotals(idx, r.id).schools > limits.schools)
    .flatMap((r) => allSchoolLetters(idx, r.id).map((l) => ({ id: r.id, slug: l.slug })));
}
