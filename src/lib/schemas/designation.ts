import { z } from 'zod';
import { fuzzyDate, optionalRef, optionalText, requiredText, sourceRefs } from './common.ts';

/**
 * data/designations.csv — a title a policy or list gives to a group (省级优质教育集团) or to
 * a region (集团化办学改革先行区, 示范区): exactly one of `group` and `region` is filled.
 */
export const designationSchema = z.object({
  group: optionalRef,
  region: optionalRef,
  level: z.enum(['national', 'provincial', 'city', 'district'], {
    message: '必须是 national、provincial、city 或 district',
  }),
  title: requiredText(60),
  date: fuzzyDate,
  source: sourceRefs,
  note: optionalText(),
});
export type Designation = z.infer<typeof designationSchema>;
