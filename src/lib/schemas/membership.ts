import { z } from 'zod';
import { fuzzyDate, optionalText, ref, sourceRefs } from './common.ts';

export const membershipRoles = ['lead', 'member', 'campus', 'alliance'] as const;
export const membershipRoleLabels: Record<(typeof membershipRoles)[number], string> = {
  lead: '牵头校',
  member: '成员校',
  campus: '校区',
  alliance: '联盟校',
};

const membershipBases = ['stated', 'inferred'] as const;

/**
 * data/memberships.csv — a school in a group over a span of time. A school that
 * leaves keeps its row with `left` filled in: the public history comes from here.
 * A row the editor inferred rather than read (`basis` inferred) says why in `note`,
 * and is shown with a 推断 mark beside that note.
 */
export const membershipSchema = z.object({
  group: ref,
  school: ref,
  role: z.enum(membershipRoles, { message: '必须是 lead、member、campus 或 alliance' }),
  /** The source's own word for the role (核心学校, 引领校, 理事长单位 …). */
  role_term: optionalText(20),
  joined: fuzzyDate,
  left: fuzzyDate,
  source: sourceRefs,
  note: optionalText(),
  /** What the source calls this member when it differs from the school's name (北城分校 for 合肥北城中学). */
  listed_as: optionalText(60),
  /** stated (blank): the source says so; inferred: the editor concluded it, and the note says why. */
  basis: z
    .preprocess((v) => v ?? '', z.enum([...membershipBases, ''], { message: '写 inferred（推断）、stated（来源写明）或留空（来源写明）' }))
    .transform((v) => (v === '' ? 'stated' : v)),
});
export type Membership = z.infer<typeof membershipSchema>;
