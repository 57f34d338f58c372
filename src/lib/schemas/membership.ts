import { z } from 'zod';
import { fuzzyDate, optionalText, ref, sourceRefs } from './common.ts';

export const membershipRoles = ['lead', 'member', 'campus', 'alliance'] as const;
export const membershipRoleLabels: Record<(typeof membershipRoles)[number], string> = {
  lead: '牵头校',
  member: '成员校',
  campus: '校区',
  alliance: '联盟校',
};

/**
 * data/memberships.csv — a school in a group over a span of time. A school that
 * leaves keeps its row with `left` filled in: the public history comes from here.
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
});
export type Membership = z.infer<typeof membershipSchema>;
