/**
 * How a group is named on every page, search record, JSON-LD and download: its name as
 * the source writes it, or, when the source gives none, by its lead school:
 * 以南京市力学小学为领衔校的教育集团（来源未写名称）. A name is never made up; the CSV
 * keeps the blank.
 */

/** What marks a label as ours, not the source's. */
const UNNAMED_MARK = '（来源未写名称）';

/** The label of a group the source does not name, from its lead school and the source's word for the role. */
export function unnamedGroupLabel(leadSchoolName: string, roleTerm?: string): string {
  return `以${leadSchoolName}为${roleTerm?.trim() || '牵头校'}的教育集团${UNNAMED_MARK}`;
}

interface GroupLike {
  id: string;
  name?: string | undefined;
}
interface MembershipLike {
  group: string;
  school: string;
  role: string;
  role_term?: string | undefined;
}

/**
 * Labels for every group: the name, or for an unnamed group the label of its lead (the
 * validator asks for exactly one). Without a readable lead it falls back to the id, so a
 * page never shows an empty title while the data is being fixed.
 */
export function groupLabels(
  groups: readonly GroupLike[],
  memberships: readonly MembershipLike[],
  schoolName: (id: string) => string | undefined,
): Map<string, string> {
  const unnamed = new Set(groups.filter((g) => g.name === undefined).map((g) => g.id));
  const lead = new Map<string, MembershipLike>();
  for (const m of memberships) if (m.role === 'lead' && unnamed.has(m.group) && !lead.has(m.group)) lead.set(m.group, m);
  return new Map(
    groups.map((g) => {
      if (g.name !== undefined) return [g.id, g.name];
      const m = lead.get(g.id);
      const school = m ? schoolName(m.school) : undefined;
      return [g.id, school ? unnamedGroupLabel(school, m!.role_term) : `集团 ${g.id}${UNNAMED_MARK}`];
    }),
  );
}
