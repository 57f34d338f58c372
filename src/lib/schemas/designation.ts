import { z } from 'zod';
import { fuzzyDate, optionalText, ref, requiredText } from './common.ts';

/** data/designations.csv — a quality title awarded to a group (省级/市级优质教育集团). */
export const designationSchema = z.object({
  group: ref,
  level: z.enum(['national', 'provincial', 'city', 'district'], {
    message: '必须是 national、provincial、city 或 district',
  }),
  title: requiredText(60),
  date: fuzzyDate,
  source: ref,
  note: optionalText(),
});
export type Designation = z.infer<typeof designationSchema>;
