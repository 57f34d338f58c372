/** Policies as MDX: provinces 2, cities ~4, a fifth of districts 1 — a few thousand at full size. Group profiles for one group in a hundred. */
import { listSourceOf, type Country, type RegionRec } from './context.ts';
import { READ_AT } from './tables.ts';

/** Adds the policies and their sources; returns how many. */
export function addPolicies(c: Country): number {
  const { r } = c;
  let policySeq = 0;
  const groupsByRegion = new Map<string, string[]>();
  for (const g of c.groups) {
    const l = groupsByRegion.get(g.region) ?? [];
    l.push(g.id);
    groupsByRegion.set(g.region, l);
  }
  const policyFor = (reg: RegionRec, issuer: string) => {
    const id = `p${(++policySeq).toString(36)}`;
    const src = `${id}-doc`;
    const y = r.int(2017, 2024);
    const kind = r.pick([
      '关于深化集团化办学改革的实施意见',
      '推进中小学集团化办学工作方案',
      '优质教育集团培育计划',
      '集团化办学考核评价办法',
    ]);
    const title = `${reg.name}${kind}`;
    c.tables.sources.row(
      src,
      title,
      issuer,
      r.chance(0.8) ? `${y}-${String(r.int(1, 12)).padStart(2, '0')}` : String(y),
      `https://example.org/policy/${id}`,
      'policy',
      '',
      '',
      READ_AT,
    );
    const gs = (groupsByRegion.get(reg.id) ?? []).slice(0, r.int(0, 3));
    const target = 60 + r.int(0, 35);
    const text = [
      '---',
      `title: "${title}"`,
      `issuer: "${issuer}"`,
      `region: "${reg.id}"`,
      `date: "${y}"`,
      `source: "${src}"`,
      `summary: "${reg.name}提出扩大优质教育资源覆盖面，到${y + 3}年集团化办学覆盖率达到${target}%以上。"`,
      'goals:',
      `  - "到${y + 3}年基本实现集团化办学全覆盖"`,
      '  - "建立集团内教师交流轮岗制度"',
      'targets:',
      `  - text: "到${y + 3}年覆盖率达到${target}%以上"`,
      '    metric: "coverage-rate"',
      `    value: ${target}`,
      '    qualifier: "gte"',
      `    deadline: "${y + 3}-12"`,
      'governance:',
      '  model: "紧密型与联盟型并行"',
      '  teacher_exchange: "骨干教师每年按比例交流"',
      gs.length ? `groups:\n${gs.map((g) => `  - "${g}"`).join('\n')}` : 'groups: []',
      'regions: []',
      '---',
      '',
      '## 背景',
      '',
      `${reg.name}义务教育阶段学校数量多、分布广，城乡之间、校际之间差距仍然存在。本文件为合成数据，仅供性能测试。`,
      '',
      '## 主要措施',
      '',
      '- 以名校为牵头校组建教育集团，带动新建校、薄弱校和乡村学校。',
      '- 集团内统一教研、统一评价，推进教师交流轮岗。',
      '',
    ].join('\n');
    c.files.set(`content/policies/${id}.mdx`, text);
  };
  const eduBureau = (reg: RegionRec) => `${reg.name}教育${reg.level === 'province' && !/市$/.test(reg.name) ? '厅' : '局'}`;
  for (const p of c.provinces) for (let i = 0; i < 2; i++) policyFor(p, eduBureau(p));
  for (const city of c.cities) for (let i = 0, n = r.int(3, 5); i < n; i++) policyFor(city, eduBureau(city));
  for (const d of c.districts) if (r.chance(0.2)) policyFor(d, eduBureau(d));
  return policySeq;
}

/** Adds a profile for about one group in a hundred; returns how many. */
export function addGroupProfiles(c: Country): number {
  let profiles = 0;
  for (const g of c.groups) {
    if (!c.r.chance(0.01)) continue;
    profiles++;
    c.files.set(
      `content/groups/${g.id}.mdx`,
      `---\ngroup: "${g.id}"\nsource: "${listSourceOf(g.lead.region)}"\nsources: []\n---\n\n${g.lead.name}牵头组建，成员校共享课程与教研。合成数据，仅供性能测试。\n`,
    );
  }
  return profiles;
}
