/**
 * Adding one record: the fields of each kind with their help and checks, the
 * row appended to data/<file>.csv or the MDX written to content/policies/, and
 * the change applied only when the project validator finds no new problem.
 * The command line (flags, questions on stdin) is scripts/new-record.ts.
 */
import { BOM, stripBom } from '../../src/lib/csv/bom.ts';
import { csvText } from '../../src/lib/csv/write.ts';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import { DATE_RULE } from '../../src/lib/fuzzy-date.ts';
import { csvDatasets, type CsvDatasetName } from '../../src/lib/schemas/index.ts';
import { membershipRoles } from '../../src/lib/schemas/membership.ts';
import { policySchema } from '../../src/lib/schemas/policy.ts';
import { regionLevels } from '../../src/lib/schemas/region.ts';
import { sourceKinds } from '../../src/lib/schemas/source.ts';
import { metricUnits } from '../../src/lib/schemas/metric.ts';
import { statisticKinds } from '../../src/lib/schemas/statistic.ts';
import type { TermKind } from '../../src/lib/schemas/term.ts';
import { formatProblem } from '../../src/lib/problem.ts';
import { readProjectFiles } from '../../src/lib/validate/read-project.ts';
import { validateProject, type ValidationResult } from '../../src/lib/validate/validate.ts';

const csvKinds = {
  region: 'regions',
  school: 'schools',
  group: 'groups',
  membership: 'memberships',
  statistic: 'statistics',
  metric: 'metrics',
  source: 'sources',
} as const satisfies Record<string, CsvDatasetName>;
export type Kind = keyof typeof csvKinds | 'policy';
export const kinds = [...Object.keys(csvKinds), 'policy'] as Kind[];

const DATE_HINT = `日期${DATE_RULE}`;

/** What each column means, for the prompts (CONTRIBUTING.md says the same at length). */
const help: Record<string, string> = {
  id: '标识：小写英文字母、数字和连字符，如 zz-19-chuzhong（用于网址，定了不要改）',
  name: '名称（全称）',
  level: `层级：${regionLevels.join(' / ')}（省级 / 地市级 / 区县级）`,
  municipality: '直辖市填 yes，其余留空',
  parent: '上级地区的标识（省级留空）',
  aliases: '别称，多个用 | 分隔，如 十九初|19初',
  former_names: '曾用名，多个用 | 分隔',
  reported_children: '来源给出的下级地区个数（整数，可空；填了就要填 source）',
  source: '来源的标识（data/sources.csv 中的 id）；另有来源证实或补充时，多个用 | 分隔',
  note: '备注（可空）',
  region: '所在地区的标识（data/regions.csv 中的 id）',
  stage: '学段：data/terms.csv 中 kind 为 stage 的 id',
  parent_school: '所属学校的标识（只有校区、学部才填）',
  unit: '单位：school（独立学校）/ campus（校区）/ division（学部）',
  type: '集团类型：data/terms.csv 中 kind 为 group-type 的 id',
  models: '办学模式：data/terms.csv 中 kind 为 group-model 的 id，多个用 | 分隔（可空）',
  founded: `成立日期。${DATE_HINT}`,
  ended: `结束日期（仍在运行留空）。${DATE_HINT}`,
  reported_members: '来源给出的成员校个数，照原样写：4、约900、近20、10以上、20余、2—4（可空）',
  reported_members_note: '成员校个数的说明（可空）',
  cycle_years: '来源规定的办学周期（年，整数，可空）',
  related_group: '与之配对的另一个集团的标识（可空）',
  group: '集团的标识（data/groups.csv 中的 id）',
  school: '学校的标识（data/schools.csv 中的 id）',
  role: `角色：${membershipRoles.join(' / ')}（牵头校 / 成员校 / 校区 / 联盟校）`,
  role_term: '来源的原话，如 核心学校、引领校（可空）',
  joined: `加入日期。${DATE_HINT}`,
  left: `退出日期（仍是成员留空）。${DATE_HINT}`,
  metric: '指标的标识（data/metrics.csv 中的 id）',
  date: `日期（统计：数据截至的日期或目标的期限；来源没写日期就留空，并在 note 写明）。${DATE_HINT}`,
  value: '数值：比率按百分数写（53% 写 53），计数写整数',
  qualifier: '限定：approx（约、左右）/ near（近）/ gt（超过、逾、余）/ gte（以上）/ lt（不到）/ lte（以下）/ 留空（确数）',
  wording: '来源的原话，照抄数字部分，如 约900所、2—4所（qualifier 不是确数或填了 value_max 时必填）',
  value_max: '范围的上限（2—4所：value 写 2，value_max 写 4；不是范围留空）',
  read_at: '读取网址的日期 YYYY-MM-DD（填了 url 就必填，经由数据汇编读到的除外）',
  original_publisher: '转载、镜像时：最先发布原文的是谁（不知道留空）',
  original_date: `转载、镜像时：原文的发布日期（可空）。${DATE_HINT}`,
  original_url: '转载、镜像时：原文的网址（知道才写）',
  via: '经由哪份数据汇编读到：那份汇编（kind 为 dataset）的标识（可空）',
  version: '只用于数据汇编：读的是哪个版本（提交号、标签或版本号）',
  members_listed: '来源列出了全部成员写 complete，只列出部分写 partial，看不出来留空',
  listed_as: '来源在集团名单里对这所学校的叫法，与校名不同时才写（如 北城分校）',
  basis: '来源写明的留空；是你推断的写 inferred，并在 note 写明依据',
  kind: '',
  title: '标题（全称）',
  publisher: '发布者，如 某市教育局、某日报（可空）',
  url: '网址，以 http:// 或 https:// 开头（可空）',
  archive: '项目保存的副本文件名（可空）',
  issuer: '发文机关',
  date_note: '日期说明（可空）',
  summary: '一两句话的摘要（用自己的话）',
  goals: '目标，多条用 | 分隔（可空）',
  groups: '涉及的集团标识，多个用 | 分隔（可空）',
  regions: '涉及的其他地区标识，多个用 | 分隔（可空）',
  sources: '其他证实或补充的来源标识，多个用 | 分隔（可空）',
};
/** Columns whose meaning depends on the file (a metric's unit is not a school's unit). */
const helpIn: Partial<Record<CsvDatasetName, Record<string, string>>> = {
  statistics: {
    kind: `类型：${statisticKinds.join(' / ')}（实际值 / 目标值 / 推算值，推算值要在 note 写算式）`,
    stage: '数字覆盖的学段：data/terms.csv 中 kind 为 stage 的 id，如 senior-general、compulsory、all-stages；来源没说就留空',
  },
  sources: { kind: `来源类型：${sourceKinds.join(' / ')}（政策文件 / 新闻报道 / 工作报道 / 名单 / 数据汇编）` },
  groups: {
    name: '来源写的全称；来源没有写集团名称就留空（不要自己起名），网站按牵头校称呼它',
    stage: '来源写明的集团学段（如 初中教育集团 写 junior）：kind 为 stage 的 id；没写就留空',
  },
  metrics: {
    id: '指标的标识，如 group-count',
    name: '指标名称，如 教育集团数',
    unit: `单位：${metricUnits.join(' / ')}（比率 / 计数）`,
    numerator: '比率：分子是什么；计数：数的是什么',
    denominator: '比率：分母是什么（计数留空）',
    definition: '定义：一句读者看得懂的话',
  },
};

/** Columns the schema lets through empty but a record cannot do without. */
const alsoRequired: Partial<Record<CsvDatasetName, string[]>> = {
  // An empty value would read as 0. (A blank date is 日期不详: the validator then asks for a note.)
  statistics: ['value'],
};

const policyFields = ['id', 'title', 'issuer', 'region', 'date', 'date_note', 'source', 'sources', 'summary', 'goals', 'groups', 'regions'];
const policyRequired = new Set(['id', 'title', 'issuer', 'region', 'source', 'summary']);
const policyLists = new Set(['goals', 'groups', 'regions']);

export interface Field {
  name: string;
  required: boolean;
  help: string;
  /** Checks one answer on its own (the whole record is checked by the validator). */
  check: (value: string) => string | undefined;
}

function zodCheck(schema: z.ZodType): (value: string) => string | undefined {
  return (value) => {
    const r = schema.safeParse(value);
    return r.success ? undefined : r.error.issues.map((i) => i.message).join('；');
  };
}

/** The fields of a kind, in file order, each with whether it must be filled. */
export function fieldsOf(kind: Kind): Field[] {
  if (kind === 'policy') {
    const shape = policySchema.shape as unknown as Record<string, z.ZodType>;
    return policyFields.map((name) => ({
      name,
      required: policyRequired.has(name),
      help: help[name] ?? '',
      check:
        name === 'id'
          ? (v) => (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v) ? undefined : '必须是小写英文字母、数字和连字符组成的标识')
          : policyLists.has(name)
            ? () => undefined
            : zodCheck(shape[name]!),
    }));
  }
  const dataset = csvKinds[kind];
  const shape = csvDatasets[dataset].schema.shape as unknown as Record<string, z.ZodType>;
  const extra = alsoRequired[dataset] ?? [];
  return Object.entries(shape).map(([name, schema]) => ({
    name,
    required: !schema.safeParse('').success || extra.includes(name),
    help: helpIn[dataset]?.[name] ?? help[name] ?? '',
    check: zodCheck(schema),
  }));
}

/** The file's bytes with one row appended, keeping its header order, line ending and BOM. */
export function appendRow(existing: Uint8Array | undefined, header: readonly string[], values: Record<string, string>): Uint8Array {
  let text = existing ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(existing) : '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let order = [...header];
  if (stripBom(text).trim() === '') {
    text = `${text.startsWith(BOM) ? BOM : ''}${header.join(',')}${eol}`;
  } else {
    const first = stripBom(text).split(/\r?\n/, 1)[0]!;
    const fileHeader = first.split(',').map((h) => h.trim());
    if (fileHeader.length === header.length && header.every((h) => fileHeader.includes(h))) order = fileHeader;
    if (!text.endsWith('\n')) text += eol;
  }
  text += csvText([order.map((h) => values[h] ?? '')], eol);
  return new TextEncoder().encode(text);
}

const yamlString = (s: string) => JSON.stringify(s);
export const splitList = (s: string | undefined) =>
  (s ?? '')
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

const DEFAULT_POLICY_BODY =
  '\n## 背景\n\n（用自己的话概述这份文件为什么出台。）\n\n## 主要内容\n\n（概述集团化办学的目标、模式、保障措施。）\n';

/** The body of templates/policy.mdx (everything after its frontmatter), or a default. */
function policyBody(): string {
  const template = new URL('../../templates/policy.mdx', import.meta.url);
  try {
    const text = readFileSync(template, 'utf8');
    const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/.exec(text);
    return m ? `\n${text.slice(m[0].length).replace(/^\s+/, '')}` : DEFAULT_POLICY_BODY;
  } catch {
    return DEFAULT_POLICY_BODY;
  }
}

/** A policy MDX file: the frontmatter the schema reads, commented examples for targets and governance. */
export function policyMdx(v: Record<string, string>): string {
  const lines = ['---'];
  for (const key of ['title', 'issuer', 'region', 'date']) lines.push(`${key}: ${yamlString(v[key] ?? '')}`);
  if (v.date_note) lines.push(`date_note: ${yamlString(v.date_note)}`);
  const list = (key: string) => {
    const items = splitList(v[key]);
    if (items.length === 0) lines.push(`${key}: []`);
    else lines.push(`${key}:`, ...items.map((x) => `  - ${yamlString(x)}`));
  };
  lines.push(`source: ${yamlString(v.source ?? '')}`);
  list('sources');
  lines.push(`summary: ${yamlString(v.summary ?? '')}`);
  list('goals');
  lines.push(
    'targets: []',
    '# 量化目标，照下面的样子填写（去掉行首的 #），写法见 CONTRIBUTING.md：',
    '# targets:',
    '#   - text: "到2027年，集团化办学覆盖率达到80%以上"',
    '#     metric: "coverage-rate"',
    '#     value: 80',
    '#     qualifier: "gte"',
    '#     deadline: "2027"',
    '#     region: ""',
    'governance: {}',
    '# 治理安排（每项用自己的话写；文件没说的项不写）：',
    '# governance:',
    '#   model: "办学模式"',
    '#   council: "组织与理事会"',
    '#   teacher_exchange: "教师交流"',
    '#   evaluation: "考核评价"',
    '#   funding: "经费保障"',
    '#   entry_exit: "进入与退出"',
  );
  list('groups');
  list('regions');
  lines.push('---');
  return `${lines.join('\n')}\n${policyBody()}`;
}

export interface FileChange {
  /** Path relative to the data root, e.g. data/schools.csv. */
  path: string;
  content: Uint8Array;
  /** The line the new record starts on, for the message. */
  line: number;
}

const lineCount = (bytes: Uint8Array) => {
  const text = new TextDecoder().decode(bytes);
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
};

/** The file changes that add the record (and, for a group, its memberships). */
export function planChanges(root: string, kind: Kind, values: Record<string, string>, extra: GroupExtras = {}): FileChange[] {
  const read = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path)) : undefined);
  if (kind === 'policy') {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.id ?? ''))
      throw new UsageError(`政策的标识 "${values.id ?? ''}" 不合格：只用小写英文字母、数字和连字符（它就是文件名）`);
    const path = `content/policies/${values.id}.mdx`;
    if (existsSync(join(root, path))) throw new UsageError(`${path} 已存在：换一个标识，或直接编辑这个文件`);
    return [{ path, content: new TextEncoder().encode(policyMdx(values)), line: 1 }];
  }
  const changes: FileChange[] = [];
  const add = (dataset: CsvDatasetName, row: Record<string, string>) => {
    const path = `data/${csvDatasets[dataset].file}`;
    const prior = changes.find((c) => c.path === path);
    const content = appendRow(prior?.content ?? read(path), Object.keys(csvDatasets[dataset].schema.shape), row);
    const change = { path, content, line: lineCount(content) };
    if (prior) Object.assign(prior, change);
    else changes.push(change);
  };
  add(csvKinds[kind], values);
  if (kind === 'group') {
    const joined = extra.joined ?? values.founded ?? '';
    const member = (school: string, role: string) =>
      add('memberships', { group: values.id ?? '', school, role, role_term: '', joined, left: '', source: values.source ?? '', note: '' });
    if (extra.lead) member(extra.lead, 'lead');
    for (const school of splitList(extra.members)) member(school, 'member');
  }
  return changes;
}

export interface GroupExtras {
  lead?: string;
  members?: string;
  joined?: string;
}

export interface Outcome {
  ok: boolean;
  /** Problems this record would add, formatted as file:line:column. */
  problems: string[];
  /** Problems the data had before, not caused by this record. */
  preexisting: number;
  changes: FileChange[];
}

const problemsOf = (r: ValidationResult) => r.problems.map(formatProblem);

/**
 * Checks the record with the validator (in memory, then again from disk after writing)
 * and writes it only if it adds no problem; on any failure every file is put back.
 */
export function applyChanges(root: string, changes: FileChange[], dryRun = false): Outcome {
  const files = readProjectFiles(root);
  const before = new Set(problemsOf(validateProject(files)));
  const overlay = new Map(files);
  for (const c of changes) overlay.set(c.path, c.content);
  const fresh = (list: string[]) => list.filter((p) => !before.has(p));
  const inMemory = fresh(problemsOf(validateProject(overlay)));
  const outcome = (problems: string[]): Outcome => ({ ok: problems.length === 0, problems, preexisting: before.size, changes });
  if (inMemory.length > 0 || dryRun) return outcome(inMemory);

  const originals = changes.map((c) => {
    const abs = join(root, c.path);
    return { abs, bytes: existsSync(abs) ? readFileSync(abs) : undefined };
  });
  const rollback = () => {
    for (const o of originals) {
      if (o.bytes) writeFileSync(o.abs, o.bytes);
      else rmSync(o.abs, { force: true });
    }
  };
  try {
    for (const c of changes) {
      mkdirSync(dirname(join(root, c.path)), { recursive: true });
      writeFileSync(join(root, c.path), c.content);
    }
    const onDisk = fresh(problemsOf(validateProject(readProjectFiles(root))));
    if (onDisk.length > 0) rollback();
    return outcome(onDisk);
  } catch (err) {
    rollback();
    throw err;
  }
}

export class UsageError extends Error {}

/** A group's memberships given with it: --lead, --members, --joined. */
export const GROUP_EXTRAS = ['lead', 'members', 'joined'];

/** Ids a reference column can point to, so a typo is caught while typing. */
export function referenceSets(result: ValidationResult): (field: string, kind: Kind) => Set<string> | undefined {
  const d = result.dataset;
  const terms = (k: TermKind) => new Set(d.terms.filter((t) => t.kind === k).map((t) => t.id));
  return (field, kind) => {
    const sets: Record<string, Set<string>> = {
      region: new Set(d.regions.map((r) => r.id)),
      parent: new Set(d.regions.map((r) => r.id)),
      source: new Set(d.sources.map((s) => s.id)),
      school: new Set(d.schools.map((s) => s.id)),
      parent_school: new Set(d.schools.map((s) => s.id)),
      group: new Set(d.groups.map((g) => g.id)),
      related_group: new Set(d.groups.map((g) => g.id)),
      metric: new Set(d.metrics.map((m) => m.id)),
      stage: terms('stage'),
      via: new Set(d.sources.filter((s) => s.kind === 'dataset').map((s) => s.id)),
      type: terms('group-type'),
      models: terms('group-model'),
      lead: new Set(d.schools.map((s) => s.id)),
      members: new Set(d.schools.map((s) => s.id)),
    };
    const policyRefs: Record<string, string> = {
      region: 'region',
      source: 'source',
      sources: 'source',
      groups: 'group',
      regions: 'region',
    };
    const key = kind === 'policy' ? policyRefs[field] : field;
    const set = key === undefined ? undefined : sets[key];
    return set && set.size > 0 ? set : undefined;
  };
}
