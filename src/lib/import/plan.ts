/**
 * The plan: listed groups (from a table or prose) resolved against the dataset.
 * Every name is compared in the search normaliser's canonical form, with the region
 * written before it set aside: an exact match is reused, a close one is a question
 * (never merged silently), anything else is new. Nothing here writes.
 */
import type { Dataset } from '../data/dataset.ts';
import { csvDatasets, type CsvDatasetName } from '../schemas/index.ts';
import { canonical, toSimplified } from '../search/normalize.ts';
import { groupSlug, schoolSlug, uniqueId, unitSlug } from './ids.ts';
import type { ListedGroup, ListedName, Place, Warning } from './model.ts';
import { cleanName, groupCore, GROUP_WORD, groupKind, prefixStripper, stageOf, unitOf } from './names.ts';

export interface PlanOptions {
  /** data/sources.csv id every row carries. */
  source: string;
  /** Region id for groups whose list gives none (--region). */
  region?: string;
  /** Date for founded / joined, when the editor knows it from the source (--date). */
  date?: string;
  /** Answers to questions: key (see Question) → an existing id, 'new' or 'skip'. */
  answers?: ReadonlyMap<string, string>;
}

interface Question {
  /** `school:<canonical name>@<region>` or `group:…`: what an answer is keyed by. */
  key: string;
  kind: 'school' | 'group';
  text: string;
  at: Place;
  candidates: { id: string; name: string }[];
}

interface PlannedGroup {
  id: string;
  name: string;
  status: 'new' | 'existing';
  region: string;
  type: string;
  at: Place;
}

interface PlannedSchool {
  id: string;
  name: string;
  region: string;
  stage: string;
  unit: string;
  parent?: string;
  at: Place;
}

interface MatchedSchool {
  text: string;
  at: Place;
  id: string;
  name: string;
  via: string;
}

interface PlannedMembership {
  group: string;
  school: string;
  role: string;
  role_term: string;
  status: 'new' | 'existing';
  at: Place;
}

export interface Plan {
  groups: PlannedGroup[];
  newSchools: PlannedSchool[];
  matched: MatchedSchool[];
  questions: Question[];
  memberships: PlannedMembership[];
  warnings: Warning[];
  /** Rows to append, per dataset, every column of its schema present. */
  rows: Partial<Record<CsvDatasetName, Record<string, string>[]>>;
}

/** A row with every column of the dataset's schema, so columns added later flow through empty. */
function rowOf(dataset: CsvDatasetName, values: Record<string, string | undefined>): Record<string, string> {
  // A schema that lists several sources per record (a `sources` column) gets --source there too.
  const given = (k: string) => values[k] ?? (k === 'sources' ? values.source : undefined) ?? '';
  return Object.fromEntries(Object.keys(csvDatasets[dataset].schema.shape).map((k) => [k, given(k)]));
}

interface Entry {
  id: string;
  name: string;
  region: string;
  cores: string[];
  fulls: string[];
  planned: boolean;
  parent?: string;
}

/** Close but not equal: one is the other with a character or two added, or (long names) one changed. Digits never count as close. */
export function nearlySame(a: string, b: string): boolean {
  if (a === b || a.length < 3 || b.length < 3) return false;
  if (a.at(-1) !== b.at(-1)) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 2) return false;
  if (long.length === short.length) {
    if (short.length < 5) return false;
    let diff = 0;
    for (let i = 0; i < short.length; i++) {
      if (short[i] !== long[i]) {
        if (/\d/.test(short[i]!) || /\d/.test(long[i]!)) return false;
        diff++;
      }
    }
    return diff === 1;
  }
  // Subsequence: every character of the short one in order, the extra ones not digits.
  let j = 0;
  for (let i = 0; i < long.length; i++) {
    if (j < short.length && long[i] === short[j]) j++;
    else if (/\d/.test(long[i]!)) return false;
  }
  return j === short.length;
}

class NameIndex {
  private byKey = new Map<string, Entry[]>();
  private byRegion = new Map<string, Entry[]>();
  readonly byId = new Map<string, Entry>();
  private readonly strip: (c: string) => string;
  constructor(strip: (c: string) => string) {
    this.strip = strip;
  }
  add(e: Entry): void {
    this.byId.set(e.id, e);
    for (const k of new Set([...e.fulls, ...e.cores])) {
      const list = this.byKey.get(k) ?? [];
      list.push(e);
      this.byKey.set(k, list);
    }
    const r = this.byRegion.get(e.region) ?? [];
    r.push(e);
    this.byRegion.set(e.region, r);
  }
  keys(names: string[]): { fulls: string[]; cores: string[] } {
    const fulls = names.map((n) => canonical(n)).filter(Boolean);
    return { fulls, cores: fulls.map(this.strip) };
  }
  exact(name: string, regions: Set<string>): Entry[] {
    const c = canonical(name);
    const found = new Set([...(this.byKey.get(c) ?? []), ...(this.byKey.get(this.strip(c)) ?? [])]);
    return [...found].filter((e) => regions.has(e.region));
  }
  near(name: string, regions: Set<string>): Entry[] {
    const core = this.strip(canonical(name));
    const out: Entry[] = [];
    for (const r of regions) for (const e of this.byRegion.get(r) ?? []) if (e.cores.some((k) => nearlySame(core, k))) out.push(e);
    return out;
  }
}

export function makePlan(dataset: Dataset, listed: ListedGroup[], options: PlanOptions): Plan {
  const plan: Plan = { groups: [], newSchools: [], matched: [], questions: [], memberships: [], warnings: [], rows: {} };
  const answers = options.answers ?? new Map<string, string>();
  const push = (name: CsvDatasetName, values: Record<string, string | undefined>) => (plan.rows[name] ??= []).push(rowOf(name, values));

  // Regions: names, aliases and "parent + name" (郑州市中原区), all canonical.
  const regionById = new Map(dataset.regions.map((r) => [r.id, r]));
  const regionNames: string[] = [];
  const regionKeys = new Map<string, Set<string>>();
  const addRegionKey = (key: string, id: string) => {
    const k = canonical(key);
    if (!k) return;
    regionKeys.set(k, (regionKeys.get(k) ?? new Set()).add(id));
  };
  for (const r of dataset.regions) {
    const own = [r.name, ...r.aliases];
    regionNames.push(...own);
    for (const n of own) addRegionKey(n, r.id);
    const parent = r.parent ? regionById.get(r.parent) : undefined;
    if (parent) for (const p of [parent.name, ...parent.aliases]) for (const n of own) addRegionKey(`${p}${n}`, r.id);
  }
  regionNames.sort((a, b) => b.length - a.length);
  const strip = prefixStripper(regionNames);
  const ancestors = (id: string) => {
    const out: string[] = [];
    for (let r = regionById.get(id); r; r = r.parent ? regionById.get(r.parent) : undefined) out.push(r.id);
    return out;
  };
  const children = new Map<string, string[]>();
  for (const r of dataset.regions) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r.id]);
  const related = new Map<string, Set<string>>();
  /** A region, its ancestors and its descendants: where a school named in its list may already be. */
  const relatedRegions = (id: string) => {
    let set = related.get(id);
    if (set) return set;
    set = new Set(ancestors(id));
    const stack = [id];
    while (stack.length) {
      for (const c of children.get(stack.pop()!) ?? []) {
        set.add(c);
        stack.push(c);
      }
    }
    related.set(id, set);
    return set;
  };
  /** City-level id segment used as the id prefix (shandong-jinan-shizhong → jinan). */
  const prefixOf = (regionId: string) => {
    const chain = ancestors(regionId).map((id) => regionById.get(id)!);
    const city = chain.find((r) => r.level === 'city') ?? chain.find((r) => r.level === 'province') ?? chain[0];
    return (city?.id ?? regionId).split('-').at(-1)!;
  };
  const resolveRegion = (text: string, at: Place): string | undefined => {
    const ids = [...(regionKeys.get(canonical(text)) ?? [])];
    if (ids.length === 1) return ids[0];
    const near = options.region
      ? ids.filter((id) => relatedRegions(options.region!).has(id) || ancestors(id).includes(options.region!))
      : [];
    if (near.length === 1) return near[0];
    plan.warnings.push({
      at,
      message:
        ids.length > 1
          ? `地区“${text}”对应多个地区（${ids.join('、')}），请在表格里写全（如 郑州市中原区），或用 --region 指定`
          : `地区“${text}”在 data/regions.csv 里找不到：先在 regions.csv 添加它，或改用已有的名称`,
    });
    return undefined;
  };

  const regionKeysByLength = [...regionKeys.keys()].sort((a, b) => b.length - a.length);
  /** The region a name starts with (郑州市中原区西岗中学 → henan-zhengzhou-zhongyuan), if exactly one. */
  const regionInName = (name: string): string | undefined => {
    const c = canonical(name);
    const key = regionKeysByLength.find((k) => c.startsWith(k) && c.length > k.length);
    const ids = key ? [...regionKeys.get(key)!] : [];
    return ids.length === 1 ? ids[0] : undefined;
  };
  /** A name's own region when it is inside the given one (a district named in a city's list), else the given one. */
  const narrowRegion = (name: string, region: string): string => {
    const named = regionInName(name);
    return named && named !== region && ancestors(named).includes(region) ? named : region;
  };

  // Schools and groups already in the data.
  const schools = new NameIndex(strip);
  for (const s of dataset.schools) {
    const names = [s.name, ...s.aliases, ...s.former_names];
    schools.add({
      id: s.id,
      name: s.name,
      region: s.region,
      planned: false,
      ...(s.parent_school ? { parent: s.parent_school } : {}),
      ...schools.keys(names),
    });
  }
  const groups = new NameIndex(strip);
  for (const g of dataset.groups)
    groups.add({ id: g.id, name: g.name, region: g.region, planned: false, ...groups.keys([g.name, ...g.aliases]) });
  const takenSchoolIds = new Set(dataset.schools.map((s) => s.id));
  const takenGroupIds = new Set(dataset.groups.map((g) => g.id));
  const existingMemberships = new Set(dataset.memberships.filter((m) => !m.left.text).map((m) => `${m.group}|${m.school}`));
  const plannedMemberships = new Map<string, PlannedMembership>();
  const groupTypes = dataset.terms.filter((t) => t.kind === 'group-type');
  const asked = new Set<string>();
  const matchedOnce = new Set<string>();

  const ask = (kind: 'school' | 'group', text: string, at: Place, region: string, candidates: Entry[]): string | undefined => {
    const key = `${kind}:${canonical(text)}@${region}`;
    const answer = answers.get(key);
    if (answer) return answer;
    if (!asked.has(key)) {
      asked.add(key);
      plan.questions.push({ key, kind, text, at, candidates: candidates.map((c) => ({ id: c.id, name: c.name })) });
    }
    return undefined;
  };

  const typeOf = (g: ListedGroup, name: string): string => {
    if (g.type) {
      const c = canonical(g.type);
      const term = groupTypes.find((t) => [t.id, t.term, ...t.aliases].some((n) => canonical(n) === c));
      if (term) return term.id;
      plan.warnings.push({ at: g.at, message: `集团类型“${g.type}”不在 data/terms.csv 的集团类型里，记为 unspecified（未说明）` });
    }
    const kind = groupKind(name);
    return kind === 'group' ? 'unspecified' : kind;
  };

  /** A school by the list's name: an existing id, a new planned id, or undefined (question pending or skipped). */
  const resolveSchool = (
    raw: ListedName,
    region: string,
    context: { groupName: string; parentHint?: string },
  ): { id: string; name: string; unit: string } | undefined => {
    const clean = cleanName(raw.text);
    let name = clean.name;
    if (!name) return undefined;
    const { unit, part } = unitOf(name);
    let schoolPart = unitOf(name).school;
    // A campus written without its school (金山路校区) belongs to the group's school.
    let parentId: string | undefined;
    if (unit !== 'school' && !schoolPart) {
      const parent = context.parentHint ?? context.groupName.replace(GROUP_WORD, '');
      const p = resolveSchool({ text: parent, at: raw.at }, region, context);
      if (!p) return undefined;
      parentId = p.id;
      schoolPart = p.name;
      name = `${p.name}${part}`;
    }
    const regions = relatedRegions(region);
    const exact = schools.exact(name, regions);
    if (exact.length === 1) {
      const e = exact[0]!;
      if (!e.planned && !matchedOnce.has(e.id)) {
        matchedOnce.add(e.id);
        const via = canonical(e.name) === canonical(name) || strip(canonical(e.name)) === strip(canonical(name)) ? '名称' : '别称或曾用名';
        plan.matched.push({ text: name, at: raw.at, id: e.id, name: e.name, via });
      }
      return { id: e.id, name: e.name, unit };
    }
    const near = exact.length > 1 ? exact : schools.near(name, regions);
    if (near.length > 0) {
      const answer = ask('school', name, raw.at, region, near);
      if (!answer || answer === 'skip') return undefined;
      if (answer !== 'new') {
        const chosen = schools.byId.get(answer);
        if (chosen) {
          if (!matchedOnce.has(chosen.id)) {
            matchedOnce.add(chosen.id);
            plan.matched.push({ text: name, at: raw.at, id: chosen.id, name: chosen.name, via: '编辑确认' });
          }
          return { id: chosen.id, name: chosen.name, unit };
        }
        plan.warnings.push({ at: raw.at, message: `回答的标识 ${answer} 不在 data/schools.csv 里，跳过“${name}”` });
        return undefined;
      }
    }
    // New: a division or named campus hangs under its school, which must resolve too.
    if (unit !== 'school' && !parentId) {
      const p = resolveSchool({ text: schoolPart, at: raw.at }, region, context);
      if (!p) return undefined;
      parentId = p.id;
    }
    const parentIdFinal = parentId;
    const schoolRegion = narrowRegion(name, region);
    const prefix = prefixOf(schoolRegion);
    const id = uniqueId(parentIdFinal ? unitSlug(part, parentIdFinal) : schoolSlug(name, prefix, regionNames), takenSchoolIds);
    const stage = unit === 'campus' && parentIdFinal ? 'unknown' : stageOf(name);
    const notes = clean.notes.map((n) => `名单原文注明“${n}”。`);
    const entry: Entry = { id, name, region: schoolRegion, planned: true, ...schools.keys([name, ...clean.formerNames]) };
    schools.add(entry);
    plan.newSchools.push({ id, name, region: schoolRegion, stage, unit, ...(parentIdFinal ? { parent: parentIdFinal } : {}), at: raw.at });
    push('schools', {
      id,
      name,
      region: schoolRegion,
      stage,
      parent_school: parentIdFinal,
      unit,
      former_names: clean.formerNames.join('|'),
      source: options.source,
      note: notes.join(''),
    });
    return { id, name, unit };
  };

  const addMembership = (m: Omit<PlannedMembership, 'status'>, note: string) => {
    const key = `${m.group}|${m.school}`;
    if (plannedMemberships.has(key)) return;
    const status = existingMemberships.has(key) ? 'existing' : 'new';
    const planned: PlannedMembership = { ...m, status };
    plannedMemberships.set(key, planned);
    plan.memberships.push(planned);
    const { group, school, role, role_term } = m;
    if (status === 'new') push('memberships', { group, school, role, role_term, joined: options.date, source: options.source, note });
  };

  for (const g of listed) {
    const clean = cleanName(g.name);
    // The list's region column, else the region the group's name starts with (narrowed by --region), else --region.
    const named = regionInName(clean.name);
    const region = g.region
      ? (resolveRegion(g.region, g.at) ?? options.region)
      : named && !(options.region && (options.region === named || ancestors(options.region).includes(named)))
        ? named
        : options.region;
    if (!region || !regionById.has(region)) {
      plan.warnings.push({
        at: g.at,
        message: region
          ? `--region ${region} 在 data/regions.csv 里找不到`
          : `集团“${clean.name}”没有地区：表格加一列“所在区县”，或用 --region 指定默认地区`,
      });
      continue;
    }
    const regions = relatedRegions(region);
    // The group: existing, already planned from an earlier line, close (a question) or new.
    let group: Entry | undefined;
    const exact = groups.exact(clean.name, regions);
    if (exact.length === 1) group = exact[0];
    else {
      const near = exact.length > 1 ? exact : groups.near(clean.name, regions);
      const answer = near.length > 0 ? ask('group', clean.name, g.at, region, near) : 'new';
      if (!answer || answer === 'skip') continue;
      if (answer !== 'new') group = near.find((e) => e.id === answer);
    }
    if (!group) {
      const id = uniqueId(groupSlug(clean.name, prefixOf(region), regionNames), takenGroupIds);
      group = { id, name: clean.name, region, planned: true, ...groups.keys([clean.name]) };
      groups.add(group);
      const type = typeOf(g, clean.name);
      const alliedWith = /^(.+集团)联盟学校$/.exec(clean.name)?.[1];
      const relatedGroup = alliedWith ? groups.exact(alliedWith, regions)[0]?.id : undefined;
      plan.groups.push({ id, name: clean.name, status: 'new', region, type, at: g.at });
      push('groups', {
        id,
        name: clean.name,
        region,
        type,
        founded: options.date,
        related_group: relatedGroup,
        source: options.source,
        note: [
          ...clean.notes.map((n) => `名单原文注明“${n}”。`),
          g.batch ? `批次：${g.batch}。` : '',
          g.note ? `名单备注：${g.note}` : '',
        ].join(''),
      });
    } else if (!plan.groups.some((p) => p.id === group!.id)) {
      const existing = dataset.groups.find((x) => x.id === group!.id);
      plan.groups.push({ id: group.id, name: group.name, status: 'existing', region: group.region, type: existing?.type ?? '', at: g.at });
    }
    const groupId = group.id;
    const type = dataset.groups.find((x) => x.id === groupId)?.type ?? plan.groups.find((p) => p.id === groupId)?.type ?? 'unspecified';

    // Which school leads: the one the list marks, or else the one the group is named after.
    const core = groupCore(strip(canonical(clean.name)));
    let leads = g.lead;
    let members = g.members;
    let inferredLead = false;
    if (leads.length === 0 && core.length >= 2) {
      const named = members.find((m) => strip(canonical(cleanName(m.text).name)).includes(core));
      if (named) {
        leads = [named];
        members = members.filter((m) => m !== named);
        inferredLead = true;
      }
    }
    const leadSchools: string[] = [];
    for (const l of leads) {
      const s = resolveSchool(l, region, { groupName: clean.name });
      if (!s) continue;
      leadSchools.push(s.name);
      addMembership(
        { group: groupId, school: s.id, role: 'lead', role_term: toSimplified(g.leadTerm ?? ''), at: l.at },
        inferredLead ? '名单没有标注牵头校；集团以这所学校命名，所以记为牵头校。' : '',
      );
    }
    if (leads.length === 0)
      plan.warnings.push({ at: g.at, message: `“${clean.name}”：名单没有标出牵头校，集团名称也对不上哪所成员校，只记成员` });
    for (const m of members) {
      const s = resolveSchool(m, region, { groupName: clean.name, ...(leadSchools[0] ? { parentHint: leadSchools[0] } : {}) });
      if (!s) continue;
      const role = s.unit === 'campus' ? 'campus' : type === 'alliance' ? 'alliance' : 'member';
      addMembership(
        { group: groupId, school: s.id, role, role_term: role === 'member' ? toSimplified(g.memberTerm ?? '') : '', at: m.at },
        '',
      );
    }
  }
  return plan;
}
