/**
 * The plan: listed groups (from a table or prose) resolved against the dataset.
 * Names are compared by their keys (names.ts), with the region written before them set
 * aside: the same literal name (in any region when written in full) is reused; a name
 * that equals one only after traditional → simplified or numeral conversion, or that is
 * close, is a question (asked at a terminal, else reported and left out); anything else
 * is new. Names are written as the source writes them. Lookups are by key, so planning
 * grows with the number of rows, not its square. Nothing here writes.
 */
import type { Dataset } from '../data/dataset.ts';
import { csvDatasets, type CsvDatasetName } from '../schemas/index.ts';
import { toSimplified } from '../search/normalize.ts';
import { groupSlug, schoolSlug, uniqueId, unitSlug } from './ids.ts';
import type { ListedGroup, ListedName, Place, Warning } from './model.ts';
import { cleanName, groupCore, groupKind, literalKey, looseKey, prefixStripper, stageOf, unitOf, withoutGroupWord } from './names.ts';

const canonical = looseKey;

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
  /** Why it is asked: several of the same name, equal only after conversion, or close. */
  why: string;
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
  /** Literal keys of the full names, and of the names with their region set aside. */
  fulls: string[];
  cores: string[];
  /** For each core key, the regions its name wrote before it (合肥一中 → 合肥市; 长丰一中 → 长丰县). */
  written?: Map<string, Set<string>>;
  /** The same after conversion (looseKey). */
  looseCores: string[];
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

/**
 * Where close names can be: nearlySame needs the same last character and the same digits,
 * and (without digits) shares a one- or two-character deletion with the other name. So a
 * name is filed under those few keys and looked up by them, never compared with every name.
 */
function nearKeys(core: string): string[] {
  const digits = core.replace(/\D/g, '');
  const head = `${core.at(-1)}|${digits}|`;
  if (digits) return [head];
  const body = core.slice(0, -1);
  const out = new Set([head + body]);
  // Shorter than 3 is never close; a changed character needs 5; so a deletion leaves at least 2 before the last.
  if (core.length >= 4)
    for (let i = 0; i < body.length; i++) {
      const one = body.slice(0, i) + body.slice(i + 1);
      out.add(head + one);
      if (core.length >= 5) for (let j = i; j < one.length; j++) out.add(head + one.slice(0, j) + one.slice(j + 1));
    }
  return [...out];
}

/** One set of written regions within the other (none written fits any). */
function nested(a: Set<string>, b: Set<string> | undefined): boolean {
  if (!b || a.size === 0 || b.size === 0) return true;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (!large.has(x)) return false;
  return true;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

class NameIndex {
  private byFull = new Map<string, Entry[]>();
  private byCore = new Map<string, Entry[]>();
  private byLoose = new Map<string, Entry[]>();
  private byNear = new Map<string, Entry[]>();
  readonly byId = new Map<string, Entry>();
  private readonly strip: (c: string) => string;
  private readonly looseStrip: (c: string) => string;
  private readonly writtenRegions: (name: string) => Set<string>;
  constructor(strip: (c: string) => string, looseStrip: (c: string) => string, writtenRegions: (name: string) => Set<string>) {
    this.strip = strip;
    this.looseStrip = looseStrip;
    this.writtenRegions = writtenRegions;
  }
  add(e: Entry): void {
    this.byId.set(e.id, e);
    for (const k of new Set(e.fulls)) push(this.byFull, k, e);
    for (const k of new Set(e.cores)) push(this.byCore, k, e);
    for (const k of new Set(e.looseCores)) {
      push(this.byLoose, k, e);
      for (const n of nearKeys(k)) push(this.byNear, `${e.region}|${n}`, e);
    }
  }
  keys(names: string[]): { fulls: string[]; cores: string[]; looseCores: string[]; written: Map<string, Set<string>> } {
    const written = new Map<string, Set<string>>();
    const cores: string[] = [];
    const fulls: string[] = [];
    for (const n of names) {
      const full = literalKey(n);
      if (!full) continue;
      const core = this.strip(full);
      fulls.push(full);
      cores.push(core);
      const set = written.get(core) ?? new Set<string>();
      for (const r of this.writtenRegions(n)) set.add(r);
      written.set(core, set);
    }
    return { fulls, cores, looseCores: names.map((n) => this.looseStrip(looseKey(n))).filter(Boolean), written };
  }
  /** Entries whose written regions fit the name's (any of their names). */
  private fits(name: string, entries: Entry[]): Entry[] {
    const mine = this.writtenRegions(name);
    if (mine.size === 0) return entries;
    return entries.filter((e) => !e.written || [...e.written.values()].some((w) => nested(mine, w)));
  }
  /** The same name: written in full, in any region; with its region set aside, in the regions given. */
  exact(name: string, regions: Set<string>): Entry[] {
    const full = literalKey(name);
    const anywhere = this.byFull.get(full) ?? [];
    // Set aside, the regions written must agree: 长丰一中 is not 合肥一中, though both are 一中 in 合肥市.
    const core = this.strip(full);
    const mine = this.writtenRegions(name);
    const inRegion = (this.byCore.get(core) ?? []).filter((e) => regions.has(e.region) && nested(mine, e.written?.get(core)));
    const found = new Set([...anywhere.filter((e) => regions.has(e.region)), ...inRegion]);
    // A full name found only elsewhere is still the same school (an exact name is one school).
    if (found.size === 0 && anywhere.length > 0 && full.length >= 6) for (const e of anywhere) found.add(e);
    return [...found];
  }
  /** Equal only after conversion (traditional characters, numerals): probable. */
  probable(name: string, regions: Set<string>): Entry[] {
    const k = this.looseStrip(looseKey(name));
    return this.fits(
      name,
      (this.byLoose.get(k) ?? []).filter((e) => regions.has(e.region)),
    );
  }
  near(name: string, regions: Set<string>): Entry[] {
    const core = this.looseStrip(looseKey(name));
    const out = new Set<Entry>();
    for (const r of regions)
      for (const n of nearKeys(core))
        for (const e of this.byNear.get(`${r}|${n}`) ?? []) if (e.looseCores.some((k) => nearlySame(core, k))) out.add(e);
    return this.fits(name, [...out]);
  }
}

type Region = Dataset['regions'][number];

const whyAsked = (exact: number, probable: number) =>
  exact > 1 ? '同名的有几个' : probable > 0 ? '繁简或数字换算后相同（可能是同一个）' : '名称很像';

/** The dataset's regions, found by name: names, aliases and "parent + name" (郑州市中原区), all canonical. */
class Regions {
  readonly byId: Map<string, Region>;
  /** Every region name and alias, longest first. */
  readonly names: string[] = [];
  /** The names and aliases of cities and provinces: always set aside in an id (see ids.ts). */
  readonly cityNames = new Set<string>();
  /** Canonical key → the ids of the regions it names. */
  readonly keys = new Map<string, Set<string>>();
  /** Canonical key → the regions it writes out: 郑州市中原区 → 中原区 and 郑州市. */
  private readonly spelled = new Map<string, Set<string>>();
  private readonly keysByLength: string[];
  private readonly children = new Map<string, string[]>();
  private readonly relatedCache = new Map<string, Set<string>>();

  constructor(regions: readonly Region[]) {
    this.byId = new Map(regions.map((r) => [r.id, r]));
    for (const r of regions) {
      const own = [r.name, ...r.aliases];
      for (const n of own) this.names.push(n);
      if (r.level !== 'district') for (const n of own) this.cityNames.add(n);
      for (const n of own) this.addKey(n, r.id);
      const parent = r.parent ? this.byId.get(r.parent) : undefined;
      if (parent) for (const p of [parent.name, ...parent.aliases]) for (const n of own) this.addKey(`${p}${n}`, r.id);
    }
    this.names.sort((a, b) => b.length - a.length);
    for (const r of regions) if (r.parent) this.children.set(r.parent, [...(this.children.get(r.parent) ?? []), r.id]);
    this.keysByLength = [...this.keys.keys()].sort((a, b) => b.length - a.length);
    for (const [k, ids] of this.keys) {
      const set = new Set<string>();
      for (const id of ids) {
        set.add(id);
        for (const a of this.ancestors(id).slice(1)) {
          const r = this.byId.get(a)!;
          if ([r.name, ...r.aliases].some((n) => k.startsWith(canonical(n)))) set.add(a);
        }
      }
      this.spelled.set(k, set);
    }
  }

  private readonly writtenCache = new Map<string, Set<string>>();

  /** The regions a name writes before itself (郑州市中原区西岗中学 → 郑州市, 中原区). */
  written(name: string): Set<string> {
    const hit = this.writtenCache.get(name);
    if (hit) return hit;
    const out = new Set<string>();
    if (this.writtenCache.size > 200_000) this.writtenCache.clear();
    this.writtenCache.set(name, out);
    let c = canonical(name);
    for (let i = 0; i < 4; i++) {
      const key = this.keysByLength.find((k) => c.startsWith(k) && c.length > k.length + 1);
      if (!key) break;
      for (const id of this.spelled.get(key)!) out.add(id);
      c = c.slice(key.length);
    }
    return out;
  }

  private addKey(key: string, id: string): void {
    const k = canonical(key);
    if (!k) return;
    this.keys.set(k, (this.keys.get(k) ?? new Set()).add(id));
  }

  /** The region itself, then its parent, up to the province. */
  ancestors(id: string): string[] {
    const out: string[] = [];
    for (let r = this.byId.get(id); r; r = r.parent ? this.byId.get(r.parent) : undefined) out.push(r.id);
    return out;
  }

  /** A region, its ancestors and its descendants: where a school named in its list may already be. */
  related(id: string): Set<string> {
    let set = this.relatedCache.get(id);
    if (set) return set;
    set = new Set(this.ancestors(id));
    const stack = [id];
    while (stack.length) {
      for (const c of this.children.get(stack.pop()!) ?? []) {
        set.add(c);
        stack.push(c);
      }
    }
    this.relatedCache.set(id, set);
    return set;
  }

  /** City-level id segment used as the id prefix (shandong-jinan-shizhong → jinan). */
  prefixOf(regionId: string): string {
    const chain = this.ancestors(regionId).map((id) => this.byId.get(id)!);
    const city = chain.find((r) => r.level === 'city') ?? chain.find((r) => r.level === 'province') ?? chain[0];
    return (city?.id ?? regionId).split('-').at(-1)!;
  }

  /** The region a name starts with (郑州市中原区西岗中学 → henan-zhengzhou-zhongyuan), if exactly one. */
  inName(name: string): string | undefined {
    const c = canonical(name);
    const key = this.keysByLength.find((k) => c.startsWith(k) && c.length > k.length);
    const ids = key ? [...this.keys.get(key)!] : [];
    return ids.length === 1 ? ids[0] : undefined;
  }

  /** A name's own region when it is inside the given one (a district named in a city's list), else the given one. */
  narrow(name: string, region: string): string {
    const named = this.inName(name);
    return named && named !== region && this.ancestors(named).includes(region) ? named : region;
  }
}

type ResolvedSchool = { id: string; name: string; unit: string };

/** The state of one plan: the data's names (and those planned so far), the questions asked, the rows to add. */
class Planner {
  readonly plan: Plan = { groups: [], newSchools: [], matched: [], questions: [], memberships: [], warnings: [], rows: {} };

  private readonly options: PlanOptions;
  private readonly answers: ReadonlyMap<string, string>;
  private readonly regions: Regions;
  private readonly strip: (c: string) => string;
  private readonly looseStrip: (c: string) => string;
  private readonly schools: NameIndex;
  private readonly groups: NameIndex;
  private readonly takenSchoolIds: Set<string>;
  private readonly takenGroupIds: Set<string>;
  private readonly existingMemberships: Set<string>;
  private readonly plannedMemberships = new Map<string, PlannedMembership>();
  private readonly groupTypes: Dataset['terms'];
  private readonly asked = new Set<string>();
  private readonly matchedOnce = new Set<string>();
  private readonly groupById = new Map<string, Dataset['groups'][number]>();
  private readonly plannedGroups = new Map<string, PlannedGroup>();
  /** The schools each listed group names, by literal key, for campus parents. */
  private listedHere = new Set<string>();

  constructor(dataset: Dataset, options: PlanOptions) {
    this.options = options;
    this.answers = options.answers ?? new Map<string, string>();
    this.regions = new Regions(dataset.regions);
    this.strip = prefixStripper(this.regions.names, literalKey);
    this.looseStrip = prefixStripper(this.regions.names, looseKey);
    // Schools and groups already in the data.
    this.schools = new NameIndex(this.strip, this.looseStrip, (n) => this.regions.written(n));
    for (const s of dataset.schools) {
      const names = [s.name, ...s.aliases, ...s.former_names];
      this.schools.add({
        id: s.id,
        name: s.name,
        region: s.region,
        planned: false,
        ...(s.parent_school ? { parent: s.parent_school } : {}),
        ...this.schools.keys(names),
      });
    }
    this.groups = new NameIndex(this.strip, this.looseStrip, (n) => this.regions.written(n));
    for (const g of dataset.groups) {
      this.groupById.set(g.id, g);
      // Only a name the source gave is matched; a label made for an unnamed group (以X为领衔校的教育集团) never is.
      if (g.name)
        this.groups.add({ id: g.id, name: g.name, region: g.region, planned: false, ...this.groups.keys([g.name, ...g.aliases]) });
    }
    this.takenSchoolIds = new Set(dataset.schools.map((s) => s.id));
    this.takenGroupIds = new Set(dataset.groups.map((g) => g.id));
    this.existingMemberships = new Set(dataset.memberships.filter((m) => !m.left.text).map((m) => `${m.group}|${m.school}`));
    this.groupTypes = dataset.terms.filter((t) => t.kind === 'group-type');
  }

  private push(name: CsvDatasetName, values: Record<string, string | undefined>): void {
    (this.plan.rows[name] ??= []).push(rowOf(name, values));
  }

  private resolveRegion(text: string, at: Place): string | undefined {
    const ids = [...(this.regions.keys.get(canonical(text)) ?? [])];
    if (ids.length === 1) return ids[0];
    const given = this.options.region;
    const near = given ? ids.filter((id) => this.regions.related(given).has(id) || this.regions.ancestors(id).includes(given)) : [];
    if (near.length === 1) return near[0];
    this.plan.warnings.push({
      at,
      message:
        ids.length > 1
          ? `地区“${text}”对应多个地区（${ids.join('、')}），请在表格里写全（如 郑州市中原区），或用 --region 指定`
          : `地区“${text}”在 data/regions.csv 里找不到：先在 regions.csv 添加它，或改用已有的名称`,
    });
    return undefined;
  }

  /** The editor's answer to a close match, or undefined with the question recorded (once). */
  private ask(kind: 'school' | 'group', text: string, at: Place, region: string, candidates: Entry[], why: string): string | undefined {
    const key = `${kind}:${canonical(text)}@${region}`;
    const answer = this.answers.get(key);
    if (answer) return answer;
    if (!this.asked.has(key)) {
      this.asked.add(key);
      this.plan.questions.push({ key, kind, text, at, why, candidates: candidates.map((c) => ({ id: c.id, name: c.name })) });
    }
    return undefined;
  }

  private typeOf(g: ListedGroup, name: string): string {
    if (g.type) {
      const c = canonical(g.type);
      const term = this.groupTypes.find((t) => [t.id, t.term, ...t.aliases].some((n) => canonical(n) === c));
      if (term) return term.id;
      this.plan.warnings.push({ at: g.at, message: `集团类型“${g.type}”不在 data/terms.csv 的集团类型里，记为 unspecified（未说明）` });
    }
    const kind = groupKind(name);
    return kind === 'group' ? 'unspecified' : kind;
  }

  /** A school by the list's name: an existing id, a new planned id, or undefined (question pending or skipped). */
  resolveSchool(raw: ListedName, region: string, context: { groupName: string; parentHint?: string }): ResolvedSchool | undefined {
    const clean = cleanName(raw.text);
    let name = clean.name;
    if (!name) return undefined;
    const { unit, part } = unitOf(name);
    let schoolPart = unitOf(name).school;
    // A campus written without its school (金山路校区) belongs to the group's school.
    let parentId: string | undefined;
    if (unit !== 'school' && !schoolPart) {
      const parent = context.parentHint ?? withoutGroupWord(context.groupName);
      const p = this.resolveSchool({ text: parent, at: raw.at }, region, context);
      if (!p) return undefined;
      parentId = p.id;
      schoolPart = p.name;
      if (!name.startsWith(p.name)) name = `${p.name}${part}`;
    }
    const found = this.existingSchool(name, raw.at, region, unit);
    if (found !== 'new') return found;
    // New: a division or named campus hangs under its school, which must resolve too — but only
    // a school that exists, that this list names, or that the group is named after: a parent
    // made up from a misspelt name (通谓路小学中山分校) would be a wrong link.
    let ownUnit = unit;
    if (unit !== 'school' && !parentId) {
      // A 校区 or 学部 is part of the school its name starts with; a 分校 may be a school of its own.
      const known =
        !/分校$/.test(toSimplified(part)) ||
        this.schools.exact(schoolPart, this.regions.related(region)).length > 0 ||
        this.listedHere.has(literalKey(schoolPart)) ||
        literalKey(withoutGroupWord(context.groupName)) === literalKey(schoolPart);
      if (known) {
        const p = this.resolveSchool({ text: schoolPart, at: raw.at }, region, context);
        if (!p) return undefined;
        parentId = p.id;
      } else {
        ownUnit = 'school';
        this.plan.warnings.push({
          at: raw.at,
          message: `“${name}”所属的“${schoolPart}”不在数据里，名单里也没有：记为一所学校；确认后再在 parent_school 填上所属学校`,
        });
      }
    }
    return this.addSchool({ name, unit: ownUnit, part, parentId, formerNames: clean.formerNames, notes: clean.notes, at: raw.at, region });
  }

  /** The school the name matches (exactly, or by the editor's answer), 'new', or undefined (pending, skipped). */
  private existingSchool(name: string, at: Place, region: string, unit: string): ResolvedSchool | 'new' | undefined {
    const regions = this.regions.related(region);
    const exact = this.schools.exact(name, regions);
    if (exact.length === 1) {
      const e = exact[0]!;
      const sameName = literalKey(e.name) === literalKey(name) || this.strip(literalKey(e.name)) === this.strip(literalKey(name));
      if (!e.planned) this.noteMatch({ text: name, at, id: e.id, name: e.name, via: sameName ? '名称' : '别称或曾用名' });
      return { id: e.id, name: e.name, unit };
    }
    // Equal only after conversion, or close: a probable match, asked, never taken silently.
    const probable = exact.length > 1 ? exact : this.schools.probable(name, regions);
    const near = probable.length > 0 ? probable : this.schools.near(name, regions);
    if (near.length === 0) return 'new';
    const answer = this.ask('school', name, at, region, near, whyAsked(exact.length, probable.length));
    if (!answer || answer === 'skip') return undefined;
    if (answer === 'new') return 'new';
    const chosen = this.schools.byId.get(answer);
    if (!chosen) {
      this.plan.warnings.push({ at, message: `回答的标识 ${answer} 不在 data/schools.csv 里，跳过“${name}”` });
      return undefined;
    }
    this.noteMatch({ text: name, at, id: chosen.id, name: chosen.name, via: '编辑确认' });
    return { id: chosen.id, name: chosen.name, unit };
  }

  /** Lists an existing school as matched, the first time only. */
  private noteMatch(m: MatchedSchool): void {
    if (this.matchedOnce.has(m.id)) return;
    this.matchedOnce.add(m.id);
    this.plan.matched.push(m);
  }

  private addSchool(s: {
    name: string;
    unit: string;
    part: string;
    parentId: string | undefined;
    formerNames: string[];
    notes: string[];
    at: Place;
    region: string;
  }): ResolvedSchool {
    const { name, unit, parentId } = s;
    const region = this.placeByName(name, s.region, s.at);
    const slug = parentId
      ? unitSlug(s.part, parentId)
      : schoolSlug(name, this.regions.prefixOf(region), this.regions.names, this.regions.cityNames);
    const id = uniqueId(slug, this.takenSchoolIds);
    const stage = unit === 'campus' && parentId ? 'unknown' : stageOf(name);
    this.schools.add({ id, name, region, planned: true, ...this.schools.keys([name, ...s.formerNames]) });
    this.plan.newSchools.push({ id, name, region, stage, unit, ...(parentId ? { parent: parentId } : {}), at: s.at });
    this.push('schools', {
      id,
      name,
      region,
      stage,
      parent_school: parentId,
      unit,
      former_names: s.formerNames.join('|'),
      source: this.options.source,
      note: s.notes.map((n) => `名单原文注明“${n}”。`).join(''),
    });
    return { id, name, unit };
  }

  /**
   * A school's region: the one its name carries (无锡市…, 肥西县…) when that is not just an
   * ancestor of the list's region — with a warning when it lies outside it — else the list's.
   */
  private placeByName(name: string, given: string, at: Place): string {
    const named = this.regions.inName(name);
    if (!named || named === given || this.regions.ancestors(given).includes(named)) return given;
    if (!this.regions.ancestors(named).includes(given))
      this.plan.warnings.push({
        at,
        message: `“${name}”的名称写明了所在地 ${this.regions.byId.get(named)?.name ?? named}（${named}），不在 ${given} 里：记在 ${named}`,
      });
    return named;
  }

  private addMembership(m: Omit<PlannedMembership, 'status'>, extra: { note?: string; listedAs?: string; inferred?: boolean }): void {
    const key = `${m.group}|${m.school}`;
    if (this.plannedMemberships.has(key)) return;
    const status = this.existingMemberships.has(key) ? 'existing' : 'new';
    const planned: PlannedMembership = { ...m, status };
    this.plannedMemberships.set(key, planned);
    this.plan.memberships.push(planned);
    const { group, school, role, role_term } = m;
    if (status === 'new')
      this.push('memberships', {
        group,
        school,
        role,
        role_term,
        listed_as: extra.listedAs,
        basis: extra.inferred ? 'inferred' : undefined,
        joined: this.options.date,
        source: this.options.source,
        note: extra.note ?? '',
      });
  }

  /** One listed group: its region, the group itself, then its lead and member schools. */
  addGroup(g: ListedGroup): void {
    this.listedHere = new Set([...g.lead, ...g.members].map((n) => literalKey(cleanName(n.text).name)));
    if (g.unnamed) {
      this.addUnnamedGroup(g);
      return;
    }
    const clean = cleanName(g.name);
    const region = this.groupRegion(g, clean.name);
    if (!region) return;
    const group = this.findOrAddGroup(g, clean, region);
    if (group) this.addMembers(g, clean.name, region, group.id);
  }

  /** A group the source names only by its lead: no name is made up; its id comes from the lead. */
  private addUnnamedGroup(g: ListedGroup): void {
    const region = this.options.region;
    const lead = g.lead[0];
    if (!region || !lead) return;
    if (!csvDatasets.groups.schema.shape.name.safeParse('').success) {
      this.plan.warnings.push({
        at: g.at,
        message: `来源只写了领衔校“${lead.text}”，没有写集团名称；data/groups.csv 还不能记没有名称的集团，没有写入`,
      });
      return;
    }
    const s = this.resolveSchool(lead, region, { groupName: '' });
    if (!s) return;
    const slug = groupSlug(`${s.name}教育集团`, this.regions.prefixOf(region), this.regions.names, this.regions.cityNames);
    const existing = this.groupById.get(slug);
    const id = existing && !existing.name ? slug : uniqueId(slug, this.takenGroupIds);
    if (!this.plannedGroups.has(id)) {
      const planned: PlannedGroup = { id, name: '', status: existing ? 'existing' : 'new', region, type: 'unspecified', at: g.at };
      this.plannedGroups.set(id, planned);
      this.plan.groups.push(planned);
      if (!existing)
        this.push('groups', {
          id,
          name: '',
          region,
          type: 'unspecified',
          ...this.countColumns(g),
          founded: this.options.date,
          source: this.options.source,
          note: `来源没有写集团名称，只写了领衔校${s.name}。`,
        });
    }
    this.addMembership(
      { group: id, school: s.id, role: 'lead', role_term: g.leadTerm ?? '', at: lead.at },
      lead.listedAs ? { listedAs: lead.listedAs } : {},
    );
  }

  /** members_listed and reported_members as the source gives them, where the schema has the columns. */
  private countColumns(g: ListedGroup): Record<string, string> {
    const shape = csvDatasets.groups.schema.shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>;
    const out: Record<string, string> = {};
    if (shape.members_listed) out.members_listed = g.partial ? 'partial' : 'complete';
    if (g.reported && shape.reported_members?.safeParse(g.reported).success) out.reported_members = g.reported;
    return out;
  }

  /** The list's region column, else the region the group's name starts with (narrowed by --region), else --region. */
  private groupRegion(g: ListedGroup, name: string): string | undefined {
    const given = this.options.region;
    const named = this.regions.inName(name) ?? this.membersRegion(g, given);
    const region = g.region
      ? (this.resolveRegion(g.region, g.at) ?? given)
      : named && !(given && (given === named || this.regions.ancestors(given).includes(named)))
        ? named
        : given;
    if (region && this.regions.byId.has(region)) return region;
    this.plan.warnings.push({
      at: g.at,
      message: region
        ? `--region ${region} 在 data/regions.csv 里找不到`
        : `集团“${name}”没有地区：表格加一列“所在区县”，或用 --region 指定默认地区`,
    });
    return undefined;
  }

  /**
   * A group whose name carries no region but whose members all name the same region outside
   * --region (a news text that lists another city's group first) is that region's.
   */
  private membersRegion(g: ListedGroup, given: string | undefined): string | undefined {
    const found = new Set<string>();
    for (const m of [...g.lead, ...g.members]) {
      const r = this.regions.inName(cleanName(m.text).name);
      if (r && !(given && (r === given || this.regions.ancestors(given).includes(r) || this.regions.ancestors(r).includes(given))))
        found.add(r);
    }
    if (found.size !== 1) return undefined;
    const [r] = found;
    const named = [...g.lead, ...g.members].filter((m) => this.regions.inName(cleanName(m.text).name) === r);
    if (named.length * 2 <= g.lead.length + g.members.length) return undefined;
    this.plan.warnings.push({ at: g.at, message: `“${g.name}”的名称没有写地区，成员校的名称都写明在 ${r}：集团记在 ${r}，不是 --region` });
    return r;
  }

  /** The group: existing, already planned from an earlier line, close (a question) or new; undefined when pending or skipped. */
  private findOrAddGroup(g: ListedGroup, clean: ReturnType<typeof cleanName>, region: string): Entry | undefined {
    const regions = this.regions.related(region);
    let group: Entry | undefined;
    const exact = this.groups.exact(clean.name, regions);
    if (exact.length === 1) group = exact[0];
    else {
      const probable = exact.length > 1 ? exact : this.groups.probable(clean.name, regions);
      const near = probable.length > 0 ? probable : this.groups.near(clean.name, regions);
      const answer = near.length > 0 ? this.ask('group', clean.name, g.at, region, near, whyAsked(exact.length, probable.length)) : 'new';
      if (!answer || answer === 'skip') return undefined;
      if (answer !== 'new') group = near.find((e) => e.id === answer);
    }
    if (!group) return this.addNewGroup(g, clean, region);
    const id = group.id;
    if (!this.plannedGroups.has(id)) {
      const planned: PlannedGroup = {
        id,
        name: group.name,
        status: group.planned ? 'new' : 'existing',
        region: group.region,
        type: this.groupById.get(id)?.type ?? '',
        at: g.at,
      };
      this.plannedGroups.set(id, planned);
      this.plan.groups.push(planned);
    }
    return group;
  }

  private addNewGroup(g: ListedGroup, clean: ReturnType<typeof cleanName>, region: string): Entry {
    const id = uniqueId(
      groupSlug(clean.name, this.regions.prefixOf(region), this.regions.names, this.regions.cityNames),
      this.takenGroupIds,
    );
    const group: Entry = { id, name: clean.name, region, planned: true, ...this.groups.keys([clean.name]) };
    this.groups.add(group);
    const type = this.typeOf(g, clean.name);
    const alliedWith = /^(.+集团)联盟学校$/.test(toSimplified(clean.name)) ? clean.name.slice(0, -4) : undefined;
    const relatedGroup = alliedWith ? this.groups.exact(alliedWith, this.regions.related(region))[0]?.id : undefined;
    const planned: PlannedGroup = { id, name: clean.name, status: 'new', region, type, at: g.at };
    this.plannedGroups.set(id, planned);
    this.plan.groups.push(planned);
    this.push('groups', {
      id,
      name: clean.name,
      region,
      type,
      ...this.countColumns(g),
      founded: this.options.date,
      related_group: relatedGroup,
      source: this.options.source,
      note: [
        ...clean.notes.map((n) => `名单原文注明“${n}”。`),
        g.batch ? `批次：${g.batch}。` : '',
        g.note ? `名单备注：${g.note}` : '',
      ].join(''),
    });
    return group;
  }

  /** Which school leads: the one the list marks, or else the member the group is named after. */
  private leadsOf(g: ListedGroup, groupName: string): { leads: ListedName[]; members: ListedName[]; inferred: boolean } {
    // An inference among the group's own members, so converted keys are fine here (經五 = 经五); it is marked inferred.
    const core = groupCore(this.looseStrip(looseKey(groupName)));
    if (g.lead.length > 0 || core.length < 2) return { leads: g.lead, members: g.members, inferred: false };
    // Only a school of its own can lead, not a campus named after it (苏州实验中学金山路校区).
    const named = g.members.find((m) => {
      const n = cleanName(m.text).name;
      return unitOf(n).unit === 'school' && this.looseStrip(looseKey(n)).includes(core);
    });
    if (!named) return { leads: g.lead, members: g.members, inferred: false };
    return { leads: [named], members: g.members.filter((m) => m !== named), inferred: true };
  }

  /** The group's lead schools, then its members (a campus as campus, an alliance's as alliance). */
  private addMembers(g: ListedGroup, groupName: string, region: string, groupId: string): void {
    const type = this.groupById.get(groupId)?.type ?? this.plannedGroups.get(groupId)?.type ?? 'unspecified';
    const { leads, members, inferred: inferredLead } = this.leadsOf(g, groupName);
    const leadSchools: string[] = [];
    for (const l of leads) {
      const s = this.resolveSchool(l, region, { groupName });
      if (!s) continue;
      leadSchools.push(s.name);
      // One lead at a time: a second school listed as 集团本部 (含A、B) is a member under that name.
      const role = leadSchools.length === 1 ? 'lead' : 'member';
      this.addMembership(
        { group: groupId, school: s.id, role, role_term: g.leadTerm ?? '', at: l.at },
        {
          ...(l.listedAs ? { listedAs: l.listedAs } : {}),
          ...(inferredLead ? { inferred: true, note: '名单没有标注牵头校；集团以这所学校命名，所以记为牵头校（推断）。' } : {}),
        },
      );
    }
    if (leads.length === 0 && !g.partial)
      this.plan.warnings.push({ at: g.at, message: `“${groupName}”：名单没有标出牵头校，集团名称也对不上哪所成员校，只记成员` });
    for (const m of members) {
      const s = this.resolveSchool(m, region, { groupName, ...(leadSchools[0] ? { parentHint: leadSchools[0] } : {}) });
      if (!s) continue;
      const role = s.unit === 'campus' ? 'campus' : type === 'alliance' ? 'alliance' : 'member';
      this.addMembership(
        { group: groupId, school: s.id, role, role_term: role === 'member' ? (g.memberTerm ?? '') : '', at: m.at },
        m.listedAs ? { listedAs: m.listedAs } : {},
      );
    }
  }
}

export function makePlan(dataset: Dataset, listed: ListedGroup[], options: PlanOptions): Plan {
  const planner = new Planner(dataset, options);
  for (const g of listed) planner.addGroup(g);
  return planner.plan;
}
