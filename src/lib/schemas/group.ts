import { z } from 'zod';
import { fuzzyDate, optionalInt, optionalQuantity, optionalRef, optionalText, pipeList, ref, slug, sourceRefs } from './common.ts';

const membersListedValues = ['complete', 'partial'] as const;

/**
 * data/groups.csv — an education group, alliance or community (教育集团 / 联盟 / 共同体).
 * `name` is blank when the source does not name the group: it is then known by its one
 * lead school, and shown by groupLabel (src/lib/group-label.ts), never by a made-up name.
 */
export const groupSchema = z.object({
  id: slug,
  /** As the source writes it; blank when the source gives no name. */
  name: optionalText(60),
  region: ref,
  /** A term id of kind "group-type". */
  type: ref,
  /** Term ids of kind "group-model", "|"-separated. */
  models: pipeList(slug),
  founded: fuzzyDate,
  ended: fuzzyDate,
  /** A member count as the source writes it (4, 约900, 2—4, 20余), when it states one. */
  reported_members: optionalQuantity,
  reported_members_note: optionalText(),
  /** Operating cycle in years where a source fixes one (漯河: three years). */
  cycle_years: optionalInt,
  /** A group this one is paired with (育英教育集团 ↔ 育英教育集团联盟学校). */
  related_group: optionalRef,
  aliases: pipeList(),
  source: sourceRefs,
  note: optionalText(),
  /** A term id of kind "stage" when the source gives the group's stage (初中教育集团 → junior). */
  stage: optionalRef,
  /** Whether the source lists every member (complete), only some (partial), or does not say (blank). */
  members_listed: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z.enum(membersListedValues, { message: '写 complete（来源列出了全部成员）、partial（只列出部分）或留空（不清楚）' }).optional(),
  ),
});
export type Group = z.infer<typeof groupSchema>;
