import { z } from 'zod';
import { fuzzyDate, optionalText, ref, sourceRefs } from './common.ts';

export const statisticKinds = ['actual', 'target', 'derived'] as const;
export const statisticKindLabels: Record<(typeof statisticKinds)[number], string> = {
  actual: '实际值',
  target: '目标值',
  derived: '推算值',
};

/** data/statistics.csv — one figure, long format. */
export const statisticSchema = z.object({
  region: ref,
  metric: ref,
  /** The date the figure describes ("as of"), or a target's deadline. */
  date: fuzzyDate,
  // A blank cell must not become 0: z.coerce.number('') is 0.
  value: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined),
    z.number({ message: '必须是数字' }).refine(Number.isFinite, { message: '必须是数字' }),
  ),
  /** "gte" for targets written "…以上" (at least). */
  qualifier: z.enum(['eq', 'gte', 'lte', ''], { message: '写 gte（以上）、lte（以下）或留空' }).transform((v) => (v === '' ? 'eq' : v)),
  kind: z.enum(statisticKinds, { message: '必须是 actual、target 或 derived' }),
  source: sourceRefs,
  /** Required for derived figures: the arithmetic. */
  note: optionalText(),
});
export type Statistic = z.infer<typeof statisticSchema>;
