import { z } from 'zod';
import { optionalText, requiredText, slug } from './common.ts';

export const metricUnits = ['percent', 'count'] as const;

/** data/metrics.csv — what a statistic measures, in words a reader can check. */
export const metricSchema = z.object({
  id: slug,
  name: requiredText(40),
  unit: z.enum(metricUnits, { message: '必须是 percent 或 count' }),
  /** For a rate: what is counted on top; for a count: what is counted. */
  numerator: requiredText(200),
  /** For a rate: what it is divided by; empty for a count. */
  denominator: optionalText(200),
  definition: requiredText(500),
  note: optionalText(),
});
export type Metric = z.infer<typeof metricSchema>;
