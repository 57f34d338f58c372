/** The data a region page shows, from the index's maps; the page file holds only markup. */
import type { Group, Region, School, Source, Statistic } from '../schemas/index.ts';
import { regionLevelLabels } from '../schemas/region.ts';
import type { Located, PolicyEntry } from '../data/dataset.ts';
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
import type { RecordFile } from './record.ts';

export interface RegionGroupRow {
  group: Located<Group>;
  /** The group's own region when it lies below this one. */
  within: Located<Region> | undefined;
  lead: Located<School> | undefined;
  named: number;
}

export interface RegionSchoolRow {
  school: Located<School>;
  groups: Located<Group>[];
}

export interface RegionView {
  region: Located<Region>;
  /** Root first, the region itself last. */
  ancestors: Located<Region>[];
  levelLabel: string;
  totals: RegionTotals;
  children: { region: Located<Region>; totals: RegionTotals }[];
  groups: RegionGroupRow[];
  /** Schools by pinyin initial. */
  letters: { letter: string; anchor: string; schools: RegionSchoolRow[] }[];
  policies: PolicyEntry[];
  statistics: Located<Statistic>[];
  sources: Located<Source>[];
  files: RecordFile[];
  description: string;
}

export function regionView(idx: DatasetIndex, id: string): RegionView {
  const region = idx.region.get(id);
  if (!region) throw new Error(`没有标识为 ${id} 的地区`);
  const totals = regionTotals(idx, region.id);
  const statistics = regionStatistics(idx, region.id);
  const sourceIds = new Set([...(region.source ? [region.source] : []), ...statistics.map((s) => s.source)]);
  const currentGroupsOf = (schoolId: string) =>
    (idx.membershipsBySchool.get(schoolId) ?? []).filter(isCurrent).flatMap((m) => idx.group.get(m.group) ?? []);
  return {
    region,
    ancestors: regionAncestors(idx, region.id),
    levelLabel: region.municipality ? '直辖市' : regionLevelLabels[region.level],
    totals,
    children: (idx.childRegions.get(region.id) ?? []).map((c) => ({ region: c, totals: regionTotals(idx, c.id) })),
    groups: groupsInRegion(idx, region.id).map((group) => ({
      group,
      within: group.region !== region.id ? idx.region.get(group.region) : undefined,
      lead: leadSchool(idx, group.id),
      named: groupMembers(idx, group.id).current.length,
    })),
    letters: alphabetize(schoolsInRegion(idx, region.id), (s) => s.name).map(({ letter, items }) => ({
      letter,
      anchor: `az-${letter === '#' ? 'other' : letter}`,
      schools: items.map((school) => ({ school, groups: currentGroupsOf(school.id) })),
    })),
    policies: policiesForRegion(idx, region.id),
    statistics,
    sources: [...sourceIds].flatMap((s) => idx.source.get(s) ?? []),
    files: [{ file: region._file, line: region._line }, ...statistics.map((s) => ({ file: s._file, line: s._line }))],
    description: `${region.name}的教育集团、成员学校、政策与统计数据：${totals.groups} 个集团，${totals.schools} 所学校。`,
  };
}
