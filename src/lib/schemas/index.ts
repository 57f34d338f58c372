/**
 * The data contract: one CSV file per entity, each with its zod schema. The
 * validator, the content collections and the tests all read this table.
 */
import type { z } from 'zod';
import { designationSchema } from './designation.ts';
import { groupSchema } from './group.ts';
import { membershipSchema } from './membership.ts';
import { metricSchema } from './metric.ts';
import { regionSchema } from './region.ts';
import { schoolSchema } from './school.ts';
import { sourceSchema } from './source.ts';
import { statisticSchema } from './statistic.ts';
import { termSchema } from './term.ts';

export const csvDatasets = {
  sources: { file: 'sources.csv', schema: sourceSchema, title: '来源' },
  terms: { file: 'terms.csv', schema: termSchema, title: '术语与分类' },
  metrics: { file: 'metrics.csv', schema: metricSchema, title: '指标' },
  regions: { file: 'regions.csv', schema: regionSchema, title: '地区' },
  schools: { file: 'schools.csv', schema: schoolSchema, title: '学校' },
  groups: { file: 'groups.csv', schema: groupSchema, title: '教育集团' },
  memberships: { file: 'memberships.csv', schema: membershipSchema, title: '成员关系' },
  designations: { file: 'designations.csv', schema: designationSchema, title: '优质集团认定' },
  statistics: { file: 'statistics.csv', schema: statisticSchema, title: '统计数据' },
} as const satisfies Record<string, { file: string; schema: z.ZodObject; title: string }>;

export type CsvDatasetName = keyof typeof csvDatasets;

/**
 * Columns added to the contract after data was first written (issue 26: where a copy was
 * read, what a source leaves unsaid). data/ has them; a file from an older revision in git
 * history does not, and the change log and pull-request summary read it with them blank.
 */
export const laterColumns: Partial<Record<CsvDatasetName, readonly string[]>> = {
  sources: ['read_at', 'original_publisher', 'original_date', 'original_url', 'via', 'version'],
  groups: ['stage', 'members_listed'],
  memberships: ['listed_as', 'basis'],
  statistics: ['wording', 'value_max', 'stage'],
};
/** The nine CSV datasets, in the order of csvDatasets (vocabulary first, then the records that cite it). */
export const csvDatasetNames = Object.keys(csvDatasets) as CsvDatasetName[];

export type { Designation } from './designation.ts';
export type { Group } from './group.ts';
export type { Membership } from './membership.ts';
export type { Metric } from './metric.ts';
export type { GroupProfile, Policy, PolicyTarget } from './policy.ts';
export type { Region } from './region.ts';
export type { School } from './school.ts';
export type { Source } from './source.ts';
export type { Statistic } from './statistic.ts';
export type { Term, TermKind } from './term.ts';
