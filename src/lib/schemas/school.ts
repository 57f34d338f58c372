import { z } from 'zod';
import { optionalRef, optionalText, pipeList, ref, requiredText, slug, sourceRefs } from './common.ts';

/** data/schools.csv — a school, or a unit of one (校区, 小学部) that a group lists on its own. */
export const schoolSchema = z.object({
  id: slug,
  name: requiredText(60),
  region: ref,
  /** A term id of kind "stage" in data/terms.csv (primary, junior, …, unknown). */
  stage: ref,
  /** Set for a campus or unit that belongs to another school (泉景中学小学部 → 泉景中学). */
  parent_school: optionalRef,
  unit: z.enum(['school', 'campus', 'division'], {
    message: '必须是 school（独立学校）、campus（校区）或 division（学部）',
  }),
  aliases: pipeList(),
  former_names: pipeList(),
  source: sourceRefs,
  note: optionalText(),
});
export type School = z.infer<typeof schoolSchema>;
