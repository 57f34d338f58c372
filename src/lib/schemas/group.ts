import { z } from 'zod';
import { fuzzyDate, optionalInt, optionalRef, optionalText, pipeList, ref, requiredText, slug, sourceRefs } from './common.ts';

/** data/groups.csv — an education group, alliance or community (教育集团 / 联盟 / 共同体). */
export const groupSchema = z.object({
  id: slug,
  name: requiredText(60),
  region: ref,
  /** A term id of kind "group-type". */
  type: ref,
  /** Term ids of kind "group-model", "|"-separated. */
  models: pipeList(slug),
  founded: fuzzyDate,
  ended: fuzzyDate,
  /** A member count a source states without naming every member. */
  reported_members: optionalInt,
  reported_members_note: optionalText(),
  /** Operating cycle in years where a source fixes one (漯河: three years). */
  cycle_years: optionalInt,
  /** A group this one is paired with (育英教育集团 ↔ 育英教育集团联盟学校). */
  related_group: optionalRef,
  aliases: pipeList(),
  source: sourceRefs,
  note: optionalText(),
});
export type Group = z.infer<typeof groupSchema>;
