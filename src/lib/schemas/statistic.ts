import { z } from 'zod';
import { fuzzyDate, optionalRef, optionalText, ref, sourceRefs } from './common.ts';

export const statisticKinds = ['actual', 'target', 'derived'] as const;
export const statisticKindLabels: Record<(typeof statisticKinds)[number], string> = {
  actual: '实际值',
  target: '目标值',
  derived: '推算值',
};

const statisticQualifiers = ['eq', 'approx', 'near', 'gt', 'gte', 'lt', 'lte'] as const;

/** A number cell: blank is undefined, never 0 (z.coerce.number('') is 0). */
const optionalNumber = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined),
  z.number({ message: '必须是数字' }).refine(Number.isFinite, { message: '必须是数字' }).optional(),
);

/**
 * data/statistics.csv — one figure, long format. `wording` keeps the figure as the
 * source writes it (约900所, 2—4所) and is what pages show; value, value_max and
 * qualifier are its parse, for charts and comparisons. `stage` says which stage the
 * figure covers; blank means the source does not say, and the figure is then not
 * compared with counts of listed schools.
 */
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
  /** gte 以上, lte 以下, approx 约/左右, near 近, gt 超过/逾/余, lt 不到/不足; blank = exact. */
  qualifier: z
    .enum([...statisticQualifiers, ''], {
      message: '写 approx（约、左右）、near（近）、gt（超过、逾、余）、gte（以上）、lt（不到、不足）、lte（以下），确数留空',
    })
    .transform((v) => (v === '' ? 'eq' : v)),
  kind: z.enum(statisticKinds, { message: '必须是 actual、target 或 derived' }),
  source: sourceRefs,
  /** Required for derived figures: the arithmetic. */
  note: optionalText(),
  /** The figure exactly as the source writes it (约900所, 近千所, 2—4所); shown in place of the number. */
  wording: optionalText(60),
  /** The upper end when the source gives a range (2—4: value 2, value_max 4). */
  value_max: optionalNumber,
  /** A term id of kind "stage": the stage the figure covers (senior-general, all-stages); blank = not stated. */
  stage: optionalRef,
});
export type Statistic = z.infer<typeof statisticSchema>;
