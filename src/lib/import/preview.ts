/** The preview an editor reads before writing: what would be added, matched, asked and warned. */
import { membershipRoleLabels } from '../schemas/membership.ts';
import { formatPlace } from './model.ts';
import type { Plan } from './plan.ts';

export function formatPreview(plan: Plan, names: { schools: Map<string, string>; groups: Map<string, string | undefined> }): string {
  const out: string[] = [];
  // Looked up by id, never by scanning: a list of 100,000 rows is previewed in linear time.
  const planned = new Map(plan.newSchools.map((s) => [s.id, s.name]));
  const schoolName = (id: string) => names.schools.get(id) ?? planned.get(id) ?? id;
  const byGroup = new Map<string, Plan['memberships']>();
  for (const m of plan.memberships) {
    const list = byGroup.get(m.group);
    if (list) list.push(m);
    else byGroup.set(m.group, [m]);
  }
  const newGroups = plan.groups.filter((g) => g.status === 'new');
  const oldGroups = plan.groups.filter((g) => g.status === 'existing');
  const newMemberships = plan.memberships.filter((m) => m.status === 'new');
  out.push(
    `集团：新增 ${newGroups.length} 个，已有 ${oldGroups.length} 个；学校：新增 ${plan.newSchools.length} 所，匹配已有 ${plan.matched.length} 所，待确认 ${plan.questions.length} 处；成员关系：新增 ${newMemberships.length} 条，已有 ${plan.memberships.length - newMemberships.length} 条；警告 ${plan.warnings.length} 条`,
  );
  out.push('', '## 集团');
  for (const g of plan.groups) {
    // A group the source does not name is shown by its lead, never by a made-up name.
    const members = byGroup.get(g.id) ?? [];
    const lead = members.find((m) => m.role === 'lead');
    const label = g.name || `（来源未写名称，领衔校 ${lead ? schoolName(lead.school) : '不详'}）`;
    out.push(`${g.status === 'new' ? '+ 新增' : '= 已有'} ${g.id}  ${label}（${g.region}，${g.type}）  ← ${formatPlace(g.at)}`);
    for (const m of members) {
      const label = membershipRoleLabels[m.role as keyof typeof membershipRoleLabels] ?? m.role;
      out.push(
        `    ${m.status === 'new' ? '+' : '='} ${label}${m.role_term && m.role_term !== label ? `（${m.role_term}）` : ''} ${schoolName(m.school)} [${m.school}]`,
      );
    }
  }
  if (plan.newSchools.length > 0) {
    out.push('', '## 新学校');
    for (const s of plan.newSchools) {
      const unit = s.unit === 'school' ? '' : `，${s.unit === 'campus' ? '校区' : '学部'}，属于 ${s.parent}`;
      out.push(`+ ${s.id}  ${s.name}（${s.region}，学段 ${s.stage}${unit}）  ← ${formatPlace(s.at)}`);
    }
  }
  if (plan.matched.length > 0) {
    out.push('', '## 匹配到已有学校（沿用）');
    for (const m of plan.matched) out.push(`= ${m.text} → ${m.id}  ${m.name}（按${m.via}）  ← ${formatPlace(m.at)}`);
  }
  if (plan.questions.length > 0) {
    out.push('', '## 可能是同一所（需要确认，未写入）');
    for (const q of plan.questions) {
      out.push(
        `? ${q.kind === 'school' ? '学校' : '集团'}“${q.text}”与 ${q.candidates.map((c) => `${c.id}（${c.name}）`).join('、')} ${q.why}  ← ${formatPlace(q.at)}`,
      );
    }
    out.push(`  确认后重跑：同一所用 --same "名称=标识"，不是同一所用 --new "名称"`);
  }
  if (plan.warnings.length > 0) {
    out.push('', '## 警告');
    for (const w of plan.warnings) out.push(`! ${w.at ? `${formatPlace(w.at)}: ` : ''}${w.message}`);
  }
  return out.join('\n');
}
