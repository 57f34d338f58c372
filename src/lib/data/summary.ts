/**
 * What the data holds, in the counts the validator prints and the about page shows:
 * how many provinces have a group (every group has a source, so this is "provinces with
 * a sourced group"), and how many figures carry a date.
 */
import type { Dataset } from './dataset.ts';

export interface DatasetSummary {
  regions: number;
  /** Provinces (or municipalities) with at least one group in them or below them. */
  provincesWithGroups: number;
  groups: number;
  schools: number;
  memberships: number;
  statistics: number;
  /** Figures whose date the source gives (not 日期不详). */
  datedStatistics: number;
  sources: number;
  policies: number;
}

export function datasetSummary(data: Dataset): DatasetSummary {
  const parent = new Map(data.regions.map((r) => [r.id, r.parent]));
  const provinceOf = (id: string): string => {
    let at = id;
    // Bounded by the number of regions: the validator refuses cycles, but a summary must not hang.
    for (let i = 0; i < data.regions.length && parent.get(at); i++) at = parent.get(at)!;
    return at;
  };
  return {
    regions: data.regions.length,
    provincesWithGroups: new Set(data.groups.map((g) => provinceOf(g.region))).size,
    groups: data.groups.length,
    schools: data.schools.length,
    memberships: data.memberships.length,
    statistics: data.statistics.length,
    datedStatistics: data.statistics.filter((s) => s.date.text !== '').length,
    sources: data.sources.length,
    policies: data.policies.length,
  };
}

/** The validator's closing line: 校验通过：… */
export function summaryWords(s: DatasetSummary): string {
  return [
    `${s.regions} 个地区（${s.provincesWithGroups} 个省级地区有集团）`,
    `${s.schools} 所学校`,
    `${s.groups} 个集团`,
    `${s.memberships} 条成员关系`,
    `${s.statistics} 条统计（${s.datedStatistics} 条有日期）`,
    `${s.sources} 个来源`,
    `${s.policies} 份政策`,
  ].join('、');
}
