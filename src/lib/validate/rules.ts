/**
 * Rules that span files: references exist, one lead school per group at any
 * time, dates in order, region levels consistent, figures within their units.
 * One function per table, over one context built once (records by id, the
 * problem list, where each file's values are).
 */
import type { Dataset, Located } from '../data/dataset.ts';
import { intendedProvince, provinceByName } from '../coverage/provinces.ts';
import { canPrecede, DATE_RULE, dateBounds, type FuzzyDate } from '../fuzzy-date.ts';
import type { Problem } from '../problem.ts';
import { parseQuantity } from '../quantity.ts';
import { csvDatasets } from '../schemas/index.ts';
import type { TermKind } from '../schemas/term.ts';
import { didYouMean } from './did-you-mean.ts';
import type { MdxLocators, Unreadable } from './types.ts';

type Row = Located<object>;
/** The tables other records refer to by id, and what a record of each is called in a message. */
const REFERENCED = { sources: '来源', metrics: '指标', regions: '地区', schools: '学校', groups: '集团' } as const;
type Referenced = keyof typeof REFERENCED;

export function checkCrossFileRules(data: Dataset, unreadable: Unreadable = new Map(), locators: MdxLocators = new Map()): Problem[] {
  const c = new RuleContext(data, unreadable, locators);
  checkUniqueIds(c);
  checkSources(c);
  checkRegions(c);
  checkTerms(c);
  checkSchools(c);
  checkSchoolNames(c);
  checkSchoolChains(c);
  checkGroups(c);
  checkMemberships(c);
  checkLeadSchools(c);
  checkDesignations(c);
  checkStatistics(c);
  checkPolicies(c);
  checkGroupProfiles(c);
  return c.problems;
}

function columnOf(row: Row, column: string): number {
  const dataset = Object.values(csvDatasets).find((d) => `data/${d.file}` === row._file);
  return dataset ? Object.keys(dataset.schema.shape).indexOf(column) + 1 : 1;
}

/** What every table's rules share: the dataset, its records by id (built once), and where problems go. */
class RuleContext {
  readonly data: Dataset;
  readonly problems: Problem[] = [];
  readonly ids: Record<Referenced, Set<string>>;
  readonly regionById: Map<string, Dataset['regions'][number]>;
  readonly schoolById: Map<string, Dataset['schools'][number]>;
  readonly groupById: Map<string, Dataset['groups'][number]>;
  readonly metricById: Map<string, Dataset['metrics'][number]>;
  private readonly termKind: Map<string, TermKind>;
  /** Records that failed their own checks: a reference to one is not reported again. */
  private readonly unreadable: Unreadable;
  private readonly locators: MdxLocators;

  constructor(data: Dataset, unreadable: Unreadable, locators: MdxLocators) {
    this.data = data;
    this.unreadable = unreadable;
    this.locators = locators;
    this.ids = {
      sources: new Set(data.sources.map((r) => r.id)),
      metrics: new Set(data.metrics.map((r) => r.id)),
      regions: new Set(data.regions.map((r) => r.id)),
      schools: new Set(data.schools.map((r) => r.id)),
      groups: new Set(data.groups.map((r) => r.id)),
    };
    this.regionById = new Map(data.regions.map((r) => [r.id, r]));
    this.schoolById = new Map(data.schools.map((s) => [s.id, s]));
    this.groupById = new Map(data.groups.map((g) => [g.id, g]));
    this.metricById = new Map(data.metrics.map((m) => [m.id, m]));
    this.termKind = new Map(data.terms.map((t) => [t.id, t.kind]));
  }

  /** A problem at a CSV row's cell. */
  at(row: Row, column: string, message: string, fix?: string) {
    this.problems.push({ file: row._file, line: row._line, column: columnOf(row, column), message, ...(fix ? { fix } : {}) });
  }

  /** A problem at an MDX file's frontmatter value, by dotted path (targets.0.value). */
  atMdx(file: string, field: string, message: string, fix?: string) {
    const path = field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    const where = this.locators.get(file)?.(path) ?? { line: 1, column: 1 };
    this.problems.push({ file, ...where, message, ...(fix ? { fix } : {}) });
  }

  /** The id is missing from its table, and not because its record failed its own checks. */
  private dangling(table: Referenced, value: string | undefined): value is string {
    if (value === undefined || this.ids[table].has(value)) return false;
    const hidden = this.unreadable.get(table);
    return !(hidden === 'all' || (hidden !== undefined && hidden.has(value)));
  }

  /** A CSV cell's reference to another table's id. */
  ref(row: Row, column: string, value: string | undefined, table: Referenced) {
    if (!this.dangling(table, value)) return;
    const guess = didYouMean(value, this.ids[table]);
    this.at(
      row,
      column,
      `列 ${column} 引用的${REFERENCED[table]} "${value}" 不存在`,
      guess ? `你是不是想写 "${guess}"？` : `先在 data/${table}.csv 中添加它，或改成已有的标识`,
    );
  }

  /** A frontmatter value's reference to a table's id. */
  mdxRef(file: string, field: string, value: string | undefined, table: Referenced) {
    if (!this.dangling(table, value)) return;
    const guess = didYouMean(value, this.ids[table]);
    this.atMdx(file, field, `字段 ${field} 引用的${REFERENCED[table]} "${value}" 不存在`, guess ? `你是不是想写 "${guess}"？` : undefined);
  }

  /** A cell that names a term of one kind (data/terms.csv). */
  term(row: Row, column: string, value: string, kind: TermKind) {
    const actual = this.termKind.get(value);
    if (actual === kind) return;
    const candidates = new Set(this.data.terms.filter((t) => t.kind === kind).map((t) => t.id));
    const guess = didYouMean(value, candidates);
    this.at(
      row,
      column,
      actual
        ? `列 ${column} 的 "${value}" 是 ${actual} 类术语，这里需要 ${kind} 类`
        : `列 ${column} 的术语 "${value}" 不在 data/terms.csv 中`,
      guess ? `你是不是想写 "${guess}"？可选值：${[...candidates].join('、')}` : `可选值：${[...candidates].join('、')}`,
    );
  }

  /** A row's sources exist, each written once. */
  sources(row: Row & { source: string[] }) {
    for (const id of row.source) this.ref(row, 'source', id, 'sources');
    const twice = row.source.find((id, i) => row.source.indexOf(id) !== i);
    if (twice) this.at(row, 'source', `来源 "${twice}" 写了两次`, '每个来源只写一次，多个来源用 | 分隔');
  }

  /** Two dates that must be in order. */
  order(row: Row, column: string, first: FuzzyDate, second: FuzzyDate, message: string) {
    if (!canPrecede(first, second)) this.at(row, column, message, '检查两个日期是否写反');
  }
}

/** Unique ids, one table at a time. */
function checkUniqueIds(c: RuleContext) {
  const { data } = c;
  for (const [name, rows] of [
    ['sources', data.sources],
    ['terms', data.terms],
    ['metrics', data.metrics],
    ['regions', data.regions],
    ['schools', data.schools],
    ['groups', data.groups],
  ] as const) {
    const firstLine = new Map<string, number>();
    for (const row of rows as Located<{ id: string }>[]) {
      const prev = firstLine.get(row.id);
      if (prev !== undefined)
        c.at(row, 'id', `标识 "${row.id}" 重复，第 ${prev} 行已用过`, `给这一条${csvDatasets[name].title}换一个不重复的标识`);
      else firstLine.set(row.id, row._line);
    }
  }
}

/**
 * Sources say where they were read: a URL with the day it was read (or the compilation it
 * was read through), a compilation that is a dataset, an original only beside a copy.
 */
function checkSources(c: RuleContext) {
  const kindById = new Map(c.data.sources.map((s) => [s.id, s.kind]));
  for (const s of c.data.sources) {
    if (s.url && !s.read_at && !s.via)
      c.at(s, 'read_at', '填写了 url 却没有 read_at（读取日期）', '在 read_at 列写你打开这个网址读到内容的日期，如 2026-12-07');
    if (s.read_at && !s.url) c.at(s, 'read_at', '填写了 read_at 却没有 url', '把读到的网址写在 url 列，或清空 read_at');
    if (s.via === s.id) c.at(s, 'via', '来源不能经由自己读取', '在 via 列写数据汇编来源的标识，或清空');
    else if (s.via) {
      c.ref(s, 'via', s.via, 'sources');
      const kind = kindById.get(s.via);
      if (kind !== undefined && kind !== 'dataset')
        c.at(s, 'via', `via 引用的来源 "${s.via}" 不是数据汇编（kind 是 ${kind}）`, '被 via 引用的来源要把 kind 写为 dataset');
    }
    const original = s.original_publisher
      ? 'original_publisher'
      : s.original_url
        ? 'original_url'
        : s.original_date.parsed.kind !== 'unknown'
          ? 'original_date'
          : undefined;
    if (original && !s.url && !s.archive)
      c.at(
        s,
        original,
        '写了原始发布信息，却没有写读到的副本（url 或 archive）',
        'original_* 只用于转载、镜像：在 url 或 archive 写你读到的那份副本；原文本身就是来源时，把发布者、日期、网址写在 publisher、date、url',
      );
    c.order(
      s,
      'original_date',
      s.original_date.parsed,
      s.date.parsed,
      `原文日期（${s.original_date.text}）晚于读到的副本的日期（${s.date.text}）`,
    );
    if (s.version && s.kind !== 'dataset')
      c.at(s, 'version', 'version 只用于数据汇编（kind 为 dataset）', '清空 version，或把 kind 改为 dataset');
  }
}

/** Regions: references and a consistent hierarchy. */
function checkRegions(c: RuleContext) {
  // A province row is matched to the country's 34 provincial-level divisions by its full name (/coverage/).
  const provinceRows = new Map<string, Row>();
  for (const r of c.data.regions) {
    c.sources(r);
    if (r.reported_children !== undefined && r.source.length === 0)
      c.at(r, 'source', '填写了 reported_children 却没有来源', '在 source 列写明这个数字出自哪个来源');
    if (r.level === 'province') checkProvince(c, r, provinceRows);
    else checkRegionParent(c, r);
  }
}

function checkProvince(c: RuleContext, r: Dataset['regions'][number], provinceRows: Map<string, Row>) {
  if (r.parent) c.at(r, 'parent', '省级地区不应有上级地区', '清空 parent 列');
  const meant = intendedProvince(r.name, r.aliases);
  if (meant) c.at(r, 'name', `省级地区要写全称：“${r.name}”对不上全国省级行政区名单`, `把 name 改为“${meant.name}”，简称写在 aliases 列`);
  const province = provinceByName(r.name);
  const first = province ? provinceRows.get(province.code) : undefined;
  if (province && first) c.at(r, 'name', `“${r.name}”已在第 ${first._line} 行出现过`, '同一个省级行政区只写一行，删除重复的一行');
  else if (province) provinceRows.set(province.code, r);
}

/** A city's parent is a province; a district's is a city or a municipality (直辖市). */
function checkRegionParent(c: RuleContext, r: Dataset['regions'][number]) {
  if (r.municipality) c.at(r, 'municipality', '只有省级地区（直辖市）可以标记 municipality', '清空 municipality 列');
  if (!r.parent) {
    c.at(r, 'parent', `${r.level === 'city' ? '地市' : '区县'}必须填写上级地区`, '在 parent 列写上级地区的标识');
    return;
  }
  c.ref(r, 'parent', r.parent, 'regions');
  const parent = c.regionById.get(r.parent);
  if (!parent) return;
  const ok =
    r.level === 'city'
      ? parent.level === 'province' && !parent.municipality
      : parent.level === 'city' || (parent.level === 'province' && parent.municipality);
  if (!ok)
    c.at(
      r,
      'parent',
      `层级不一致：${r.level} 的上级 "${parent.id}" 是 ${parent.level}${parent.municipality ? '（直辖市）' : ''}`,
      r.level === 'city' ? '地市的上级应是省' : '区县的上级应是地市，或直辖市',
    );
}

function checkTerms(c: RuleContext) {
  for (const t of c.data.terms) c.sources(t);
}

function checkSchools(c: RuleContext) {
  for (const s of c.data.schools) {
    c.sources(s);
    c.ref(s, 'region', s.region, 'regions');
    c.term(s, 'stage', s.stage, 'stage');
    if (s.parent_school) {
      if (s.parent_school === s.id) c.at(s, 'parent_school', '学校不能以自己为上级学校', '清空 parent_school 列');
      else c.ref(s, 'parent_school', s.parent_school, 'schools');
    }
    if (s.unit !== 'school' && !s.parent_school)
      c.at(s, 'parent_school', `unit 为 ${s.unit} 时必须填写所属学校`, '在 parent_school 列写所属学校的标识，或把 unit 改为 school');
  }
}

/**
 * Two schools with exactly the same name in one region cannot be told apart by a reader
 * or an importer: one is a duplicate, or the source's fuller names were not kept.
 */
function checkSchoolNames(c: RuleContext) {
  const first = new Map<string, Dataset['schools'][number]>();
  for (const s of c.data.schools) {
    const key = `${s.region}\u0000${s.name}`;
    const prev = first.get(key);
    if (!prev) {
      first.set(key, s);
      continue;
    }
    c.at(
      s,
      'name',
      `学校名称“${s.name}”在地区 "${s.region}" 中已由第 ${prev._line} 行（${prev.id}）使用`,
      `若是同一所学校，删除这一行，把引用 "${s.id}" 的地方改为 "${prev.id}"，别的叫法写进 aliases；若确是两所学校，按来源写出能区分它们的全称（如来源给出的校区、街道或旧称），并在 note 说明`,
    );
  }
}

/**
 * A school's parents must end at a school: a campus cannot be the parent of its own parent.
 * Marked per school (1 on the current chain, 2 done), so every chain is walked once.
 */
function checkSchoolChains(c: RuleContext) {
  const chainState = new Map<string, 1 | 2>();
  for (const s of c.data.schools) {
    const chain: string[] = [];
    let id: string | undefined = s.id;
    while (id !== undefined && !chainState.has(id) && c.schoolById.has(id)) {
      chainState.set(id, 1);
      chain.push(id);
      id = c.schoolById.get(id)!.parent_school;
    }
    const cycle = id !== undefined && chainState.get(id) === 1 ? chain.slice(chain.indexOf(id)) : [];
    // A school that is its own parent is reported by checkSchools.
    if (cycle.length > 1)
      c.at(
        c.schoolById.get(cycle[0]!)!,
        'parent_school',
        `上级学校绕成了一个圈：${[...cycle, cycle[0]].join(' → ')}`,
        '校区或学部的 parent_school 写它所属的独立学校；圈里至少有一所学校不该填 parent_school',
      );
    for (const done of chain) chainState.set(done, 2);
  }
}

function checkGroups(c: RuleContext) {
  for (const g of c.data.groups) {
    c.sources(g);
    c.ref(g, 'region', g.region, 'regions');
    c.term(g, 'type', g.type, 'group-type');
    for (const m of g.models) c.term(g, 'models', m, 'group-model');
    if (g.related_group) c.ref(g, 'related_group', g.related_group, 'groups');
    if (g.stage) c.term(g, 'stage', g.stage, 'stage');
    c.order(g, 'ended', g.founded.parsed, g.ended.parsed, '成立日期晚于结束日期');
  }
  checkUnnamedGroups(c);
}

/** A group the source does not name is known by its lead school: it needs exactly one. */
function checkUnnamedGroups(c: RuleContext) {
  const leads = new Map<string, number>();
  for (const m of c.data.memberships) if (m.role === 'lead') leads.set(m.group, (leads.get(m.group) ?? 0) + 1);
  for (const g of c.data.groups) {
    if (g.name !== undefined) continue;
    const n = leads.get(g.id) ?? 0;
    if (n !== 1)
      c.at(
        g,
        'name',
        n === 0
          ? '集团没有名称，也没有牵头校：来源没写名称的集团按牵头校显示'
          : `集团没有名称，却有 ${n} 所牵头校：来源没写名称的集团按唯一的牵头校显示`,
        n === 0
          ? '在 data/memberships.csv 给这个集团添加一行 role 为 lead 的记录；不要编造名称'
          : '只保留一行 role 为 lead 的成员关系；来源写了名称时填在 name 列',
      );
  }
}

/** Memberships: references, dates in order and within the group's, no duplicates. */
function checkMemberships(c: RuleContext) {
  const seen = new Map<string, number>();
  for (const m of c.data.memberships) {
    c.sources(m);
    c.ref(m, 'group', m.group, 'groups');
    c.ref(m, 'school', m.school, 'schools');
    c.order(m, 'left', m.joined.parsed, m.left.parsed, '加入日期晚于退出日期');
    const group = c.groupById.get(m.group);
    if (group) {
      c.order(m, 'joined', group.founded.parsed, m.joined.parsed, `加入日期早于集团成立日期（${group.founded.text}）`);
      c.order(m, 'left', m.left.parsed, group.ended.parsed, `退出日期晚于集团结束日期（${group.ended.text}）`);
    }
    const key = `${m.group}|${m.school}|${m.joined.text}`;
    const prev = seen.get(key);
    if (prev !== undefined) c.at(m, 'school', `同一学校在同一集团、同一加入日期的记录重复（第 ${prev} 行）`, '删除重复的一行');
    else seen.set(key, m._line);
    if (m.role === 'campus' && c.schoolById.get(m.school)?.unit === 'division')
      c.at(m, 'role', '学部不能作为校区加入', '把 role 改为 member');
    if (m.basis === 'inferred' && !m.note)
      c.at(m, 'note', 'basis 为 inferred（推断）却没有说明', '在 note 写明依据，如“来源把它排在名单第一位，没有写明牵头校”');
    const school = c.schoolById.get(m.school);
    if (m.listed_as && school && m.listed_as === school.name)
      c.at(m, 'listed_as', 'listed_as 与学校名称相同', '清空 listed_as：它只写来源对这所学校的不同叫法（如“北城分校”）');
  }
}

/** One lead school per group at any time. */
function checkLeadSchools(c: RuleContext) {
  const leadsByGroup = new Map<string, Dataset['memberships']>();
  for (const m of c.data.memberships.filter((x) => x.role === 'lead')) {
    const list = leadsByGroup.get(m.group) ?? [];
    list.push(m);
    leadsByGroup.set(m.group, list);
  }
  for (const leads of leadsByGroup.values()) {
    for (let i = 0; i < leads.length; i++)
      for (let j = i + 1; j < leads.length; j++) {
        const a = leads[i]!;
        const b = leads[j]!;
        if (definitelyOverlap(a.joined.parsed, a.left.parsed, b.joined.parsed, b.left.parsed))
          c.at(
            b,
            'role',
            `集团 "${b.group}" 同一时间有两所牵头校（另见第 ${a._line} 行）`,
            '一个集团任一时刻只能有一所牵头校：给先前的牵头校填写 left，或把其中一所改为 member',
          );
      }
  }
}

/** Designations: a group's title or a region's (改革先行区), one of the two. */
function checkDesignations(c: RuleContext) {
  for (const d of c.data.designations) {
    c.sources(d);
    if (d.group && d.region)
      c.at(d, 'region', '一条认定只能给一个集团或一个地区，group 和 region 都填了', '给集团的认定清空 region；给地区的认定清空 group');
    else if (!d.group && !d.region)
      c.at(
        d,
        'group',
        '没写认定给了谁：group 和 region 都是空的',
        '认定给集团写 group（集团标识）；认定给地区（如改革先行区）写 region（地区标识）',
      );
    c.ref(d, 'group', d.group, 'groups');
    c.ref(d, 'region', d.region, 'regions');
  }
}

/** Statistics: references, units, derivations and missing dates explained, no duplicates. */
function checkStatistics(c: RuleContext) {
  const seen = new Map<string, number>();
  for (const s of c.data.statistics) {
    c.sources(s);
    c.ref(s, 'region', s.region, 'regions');
    c.ref(s, 'metric', s.metric, 'metrics');
    const metric = c.metricById.get(s.metric);
    if (metric?.unit === 'percent' && (s.value < 0 || s.value > 100))
      c.at(s, 'value', `比率 ${s.value} 超出 0–100`, '比率按百分数填写，例如 53% 写 53');
    if (metric?.unit === 'count' && (!Number.isInteger(s.value) || s.value < 0))
      c.at(s, 'value', `计数 ${s.value} 不是非负整数`, '计数只能填 0、1、2…');
    checkStatisticForm(c, s, metric?.unit);
    if (s.kind === 'derived' && !s.note)
      c.at(s, 'note', '推算值必须在 note 中写明算法', '例如：53 − 24 = 29（来源称较2023年底提高24个百分点）');
    // An undated figure (blank date) is kept and shown as 日期不详, never on a time axis; the
    // note says what the source gives, so a date left out by mistake does not pass unseen.
    if (s.date.parsed.kind === 'unknown' && !s.note)
      c.at(
        s,
        'note',
        '统计数字没有日期，note 也没有说明',
        `来源确实没写日期时，date 留空，并在 note 写明来源的原话（如“来源未注明统计时间”）；否则 date ${DATE_RULE}`,
      );
    const key = `${s.region}|${s.metric}|${s.date.text}|${s.kind}`;
    const prev = seen.get(key);
    if (prev !== undefined) c.at(s, 'value', `同一地区、指标、日期、类型的数据重复（第 ${prev} 行）`, '删除重复的一行');
    else seen.set(key, s._line);
  }
}

const QUALIFIER_WORDS: Record<string, string> = {
  eq: '确数（留空）',
  approx: 'approx',
  near: 'near',
  gt: 'gt',
  gte: 'gte',
  lt: 'lt',
  lte: 'lte',
};

/** A range in order, a stage that is a stage term, and a wording that says what value, value_max and qualifier say. */
function checkStatisticForm(c: RuleContext, s: Dataset['statistics'][number], unit: 'percent' | 'count' | undefined) {
  if (s.value_max !== undefined) {
    if (s.value_max <= s.value)
      c.at(
        s,
        'value_max',
        `value_max ${s.value_max} 不大于 value ${s.value}`,
        '范围写成 value 为下限、value_max 为上限（2—4：value 2，value_max 4）；不是范围时清空 value_max',
      );
    if (unit === 'count' && (!Number.isInteger(s.value_max) || s.value_max < 0))
      c.at(s, 'value_max', `计数 ${s.value_max} 不是非负整数`, '计数只能填 0、1、2…');
    if (unit === 'percent' && (s.value_max < 0 || s.value_max > 100))
      c.at(s, 'value_max', `比率 ${s.value_max} 超出 0–100`, '比率按百分数填写，例如 53% 写 53');
  }
  if (s.stage) c.term(s, 'stage', s.stage, 'stage');
  if (!s.wording) {
    if (s.qualifier !== 'eq' && s.qualifier !== 'gte' && s.qualifier !== 'lte')
      c.at(s, 'wording', `qualifier 为 ${s.qualifier} 时要在 wording 照抄来源的说法`, '例如：约900所、近千所、20余所');
    else if (s.value_max !== undefined) c.at(s, 'wording', '范围要在 wording 照抄来源的说法', '例如：2—4所');
    return;
  }
  const q = parseQuantity(s.wording);
  if (!q) return;
  const max = s.value_max ?? s.value;
  if (q.min !== s.value || q.max !== max || q.qualifier !== s.qualifier)
    c.at(
      s,
      'wording',
      `wording“${s.wording}”与数值不一致：value ${s.value}${s.value_max !== undefined ? `、value_max ${s.value_max}` : ''}、qualifier ${QUALIFIER_WORDS[s.qualifier]}`,
      `按 wording 应填 value ${q.min}${q.max !== q.min ? `、value_max ${q.max}` : ''}、qualifier ${QUALIFIER_WORDS[q.qualifier]}`,
    );
}

/** Policies (MDX): references in the frontmatter, target rates within 0–100. */
function checkPolicies(c: RuleContext) {
  for (const p of c.data.policies) {
    c.mdxRef(p._file, 'region', p.region, 'regions');
    c.mdxRef(p._file, 'source', p.source, 'sources');
    p.sources.forEach((s, i) => c.mdxRef(p._file, `sources.${i}`, s, 'sources'));
    p.groups.forEach((g, i) => c.mdxRef(p._file, `groups.${i}`, g, 'groups'));
    p.regions.forEach((r, i) => c.mdxRef(p._file, `regions.${i}`, r, 'regions'));
    p.targets.forEach((t, i) => {
      c.mdxRef(p._file, `targets.${i}.metric`, t.metric, 'metrics');
      c.mdxRef(p._file, `targets.${i}.region`, t.region, 'regions');
      const metric = t.metric ? c.metricById.get(t.metric) : undefined;
      if (metric?.unit === 'percent' && t.value !== undefined && (t.value < 0 || t.value > 100))
        c.atMdx(p._file, `targets.${i}.value`, `targets.${i}.value 比率 ${t.value} 超出 0–100`);
    });
  }
}

/** Group profiles (MDX): references, one profile per group. */
function checkGroupProfiles(c: RuleContext) {
  const profiled = new Set<string>();
  for (const g of c.data.groupProfiles) {
    c.mdxRef(g._file, 'group', g.group, 'groups');
    c.mdxRef(g._file, 'source', g.source, 'sources');
    g.sources.forEach((s, i) => c.mdxRef(g._file, `sources.${i}`, s, 'sources'));
    if (profiled.has(g.group)) c.atMdx(g._file, 'group', `集团 "${g.group}" 已有另一份简介`, '每个集团只写一份简介');
    profiled.add(g.group);
  }
}

/** True only when two spans must share some day, whatever their imprecise dates turn out to be. */
function definitelyOverlap(aFrom: FuzzyDate, aTo: FuzzyDate, bFrom: FuzzyDate, bTo: FuzzyDate): boolean {
  const startLatest = (d: FuzzyDate) => dateBounds(d)?.latest ?? (d.kind === 'unknown' ? '0000-00-00' : '9999-99-99');
  const endEarliest = (d: FuzzyDate) => (d.kind === 'unknown' ? '9999-99-99' : (dateBounds(d)?.earliest ?? '0000-00-00'));
  return startLatest(aFrom) < endEarliest(bTo) && startLatest(bFrom) < endEarliest(aTo);
}
