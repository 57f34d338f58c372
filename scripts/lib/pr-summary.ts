/**
 * What a change does to the records: regions, schools, groups, memberships
 * (joined / left), figures, policies … added, changed or removed, as Markdown.
 * Each side is a snapshot of data/ and content/, read from a git ref or a directory;
 * the record-level diff is src/lib/changes/diff.ts (the site's change log uses it too).
 * The command line is scripts/pr-summary.ts.
 */
import { resolve } from 'node:path';
import { diffDocs, diffRows, keyColumns, type MdxDoc, type Row, type Snapshot, type TableDiff } from '../../src/lib/changes/diff.ts';
import { csvDatasets, type CsvDatasetName } from '../../src/lib/schemas/index.ts';
import { membershipRoleLabels } from '../../src/lib/schemas/membership.ts';
import { regionLevelLabels } from '../../src/lib/schemas/region.ts';
import { statisticKindLabels } from '../../src/lib/schemas/statistic.ts';
import { readProjectFiles } from '../../src/lib/validate/read-project.ts';
import type { ProjectFiles } from '../../src/lib/validate/types.ts';
import { defaultBase, gitFiles, mergeBase, shortSha } from './git-files.ts';

/**
 * Rows by id, per dataset, built on first use: the head's row where both sides
 * have the id (the first with that id on a side, as a search from the top finds).
 */
function idMaps(head: Snapshot, base: Snapshot): (dataset: CsvDatasetName) => Map<string, Row> {
  const maps = new Map<CsvDatasetName, Map<string, Row>>();
  return (dataset) => {
    let map = maps.get(dataset);
    if (!map) {
      map = new Map();
      for (const r of [...head.tables[dataset], ...base.tables[dataset]]) if (r.id !== undefined && !map.has(r.id)) map.set(r.id, r);
      maps.set(dataset, map);
    }
    return map;
  };
}

// ── Markdown ─────────────────────────────────────────────────────────────────

/** Text from the data, made inert in Markdown (the job summary renders it). */
export const md = (s: string) => s.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
const code = (s: string) => `\`${s.replace(/`/g, '')}\``;
const quoted = (s: string | undefined) => (s ? `“${md(s)}”` : '（空）');

const MAX_ITEMS = 100;

export interface SummaryOptions {
  baseLabel: string;
  headLabel: string;
}

type Named = (dataset: CsvDatasetName, id: string | undefined, field?: string) => string;

/** A field of a record by id (head first), and the same as "名称（`id`）" for the summary. */
function lookups(base: Snapshot, head: Snapshot): { name: Named; named: Named } {
  const byId = idMaps(head, base);
  const name: Named = (dataset, id, field = 'name') => (id ? (byId(dataset).get(id)?.[field] ?? '') : '');
  const named: Named = (dataset, id, field = 'name') => {
    const n = name(dataset, id, field);
    return n ? `${md(n)}（${code(id ?? '')}）` : code(id ?? '');
  };
  return { name, named };
}

/** One line per kind of record, naming what it points to. */
function describers({ name, named }: { name: Named; named: Named }): Record<CsvDatasetName, (r: Row) => string> {
  const statLine = (r: Row) => {
    const unit = name('metrics', r.metric, 'unit') === 'percent' ? '%' : '';
    const q = r.qualifier === 'gte' ? '≥ ' : r.qualifier === 'lte' ? '≤ ' : '';
    const kind = statisticKindLabels[r.kind as keyof typeof statisticKindLabels] ?? r.kind ?? '';
    // The source's wording (约900所, 2—4所) is what the pages show; the number follows it when they differ in form.
    const value = r.wording
      ? `${md(r.wording)}（${md(r.value ?? '')}${r.value_max ? `–${md(r.value_max)}` : ''}）`
      : `${q}${md(r.value ?? '')}${unit}`;
    const stage = r.stage ? ` · 学段 ${named('terms', r.stage, 'term')}` : '';
    return `${named('regions', r.region)} · ${named('metrics', r.metric)} · ${md(r.date || '日期不详')} · ${md(kind)} ${value}${stage}`;
  };
  return {
    regions: (r) =>
      `${named('regions', r.id)}，${regionLevelLabels[r.level as keyof typeof regionLevelLabels] ?? md(r.level ?? '')}${r.parent ? `，上级 ${named('regions', r.parent)}` : ''}`,
    schools: (r) => `${named('schools', r.id)}，${named('regions', r.region)}`,
    // A group the source does not name is known by its id here; its page shows the lead's label.
    groups: (r) => `${named('groups', r.id)}${r.name ? '' : '（来源未写名称）'}，${named('regions', r.region)}`,
    memberships: (r) =>
      `${named('schools', r.school)} — ${named('groups', r.group)}（${membershipRoleLabels[r.role as keyof typeof membershipRoleLabels] ?? md(r.role ?? '')}）`,
    statistics: statLine,
    sources: (r) =>
      `${r.title ? `《${md(r.title)}》` : ''}（${code(r.id ?? '')}${r.publisher ? `，${md(r.publisher)}` : ''}${r.date ? `，${md(r.date)}` : ''}）`,
    metrics: (r) => named('metrics', r.id),
    terms: (r) => `${md(r.term ?? '')}（${code(r.id ?? '')}，${md(r.kind ?? '')}）`,
    designations: (r) =>
      `${r.group ? named('groups', r.group) : named('regions', r.region)}：${md(r.title ?? '')}（${md(r.level ?? '')}${r.date ? `，${md(r.date)}` : ''}）`,
  };
}

const changes = (c: TableDiff['changed'][number]) =>
  c.columns.map((col) => `${col}：${quoted(c.before[col])} → ${quoted(c.after[col])}`).join('；');

/** The order of the sections: the records people look for first. */
const ORDER: CsvDatasetName[] = [
  'regions',
  'schools',
  'groups',
  'memberships',
  'statistics',
  'designations',
  'sources',
  'metrics',
  'terms',
];

/** What the summary collects: the count table, warnings, and one section per kind of record. */
interface Report {
  counts: { label: string; added: number; changed: number; removed: number }[];
  warnings: string[];
  sections: string[];
}

function addSection(report: Report, title: string, items: string[]): void {
  if (items.length === 0) return;
  const shown = items.slice(0, MAX_ITEMS);
  const more = items.length > shown.length ? `\n- ……另有 ${items.length - shown.length} 条未列出` : '';
  report.sections.push(`### ${title}\n\n${shown.map((i) => `- ${i}`).join('\n')}${more}`);
}

/** Memberships are history: a school joins, or leaves (a date in left); a deleted row loses that history. */
function membershipItems(d: TableDiff, describe: (r: Row) => string, report: Report): string[] {
  const items: string[] = [];
  for (const r of d.added)
    items.push(
      r.left
        ? `补录（已退出）：${describe(r)}，${md(r.joined || '日期不详')} 至 ${md(r.left)}`
        : `加入：${describe(r)}${r.joined ? `，${md(r.joined)} 起` : ''}`,
    );
  for (const c of d.changed) {
    if (!c.before.left && c.after.left) {
      const rest = c.columns.filter((col) => col !== 'left');
      items.push(`退出：${describe(c.after)}，${md(c.after.left)} 退出${rest.length ? `；另改 ${changes({ ...c, columns: rest })}` : ''}`);
    } else items.push(`修改：${describe(c.after)}：${changes(c)}`);
  }
  for (const r of d.removed) items.push(`⚠️ 删除：${describe(r)}`);
  if (d.removed.length > 0)
    report.warnings.push(`删除了 ${d.removed.length} 条成员关系。学校退出集团时不要删除那一行，请在 left 列填写退出日期，保留历史。`);
  return items;
}

function tableSection(report: Report, base: Snapshot, head: Snapshot, dataset: CsvDatasetName, describe: (r: Row) => string): void {
  const { file, title, schema } = csvDatasets[dataset];
  const path = `data/${file}`;
  if (base.unreadable.has(path) || head.unreadable.has(path)) {
    report.warnings.push(`${code(path)} 有一侧无法完整读取（编码、表头或某行的列数有误，见数据校验），这一类的变化没有列出。`);
    return;
  }
  const d = diffRows(base.tables[dataset], head.tables[dataset], keyColumns[dataset], Object.keys(schema.shape));
  if (d.added.length + d.changed.length + d.removed.length === 0) return;
  report.counts.push({ label: title, added: d.added.length, changed: d.changed.length, removed: d.removed.length });
  const items =
    dataset === 'memberships'
      ? membershipItems(d, describe, report)
      : [
          ...d.added.map((r) => `新增：${describe(r)}`),
          ...d.changed.map((c) => `修改：${describe(c.after)}：${changes(c)}`),
          ...d.removed.map((r) => `删除：${describe(r)}`),
        ];
  addSection(report, dataset === 'statistics' ? '统计数据（数字）' : title, items);
}

function docSection(report: Report, label: string, b: Map<string, MdxDoc>, h: Map<string, MdxDoc>, dir: string, named: Named): void {
  const d = diffDocs(b, h);
  if (d.added.length + d.changed.length + d.removed.length === 0) return;
  report.counts.push({ label, added: d.added.length, changed: d.changed.length, removed: d.removed.length });
  const docTitle = (id: string) => {
    const data = h.get(id)?.data ?? b.get(id)?.data;
    const t =
      typeof data?.title === 'string' ? `《${md(data.title)}》` : typeof data?.group === 'string' ? named('groups', data.group) : '';
    return `${t}（${code(`${dir}/${id}.mdx`)}）`;
  };
  addSection(report, label, [
    ...d.added.map((id) => `新增：${docTitle(id)}`),
    ...d.changed.map((c) => `修改：${docTitle(c.id)}：${c.fields.map(md).join('、')}`),
    ...d.removed.map((id) => `删除：${docTitle(id)}`),
  ]);
}

/** The Markdown summary of everything that changed between two snapshots. */
export function summarize(base: Snapshot, head: Snapshot, options: SummaryOptions): string {
  const names = lookups(base, head);
  const describe = describers(names);
  const report: Report = { counts: [], warnings: [], sections: [] };
  for (const dataset of ORDER) tableSection(report, base, head, dataset, describe[dataset]);
  docSection(report, '政策', base.policies, head.policies, 'content/policies', names.named);
  docSection(report, '集团简介', base.profiles, head.profiles, 'content/groups', names.named);

  const out = ['## 数据变更摘要', '', `比较 ${options.baseLabel} → ${options.headLabel}`, ''];
  if (report.counts.length === 0) out.push('数据和内容没有变化。', '');
  else {
    out.push('| 类别 | 新增 | 修改 | 删除 |', '| --- | ---: | ---: | ---: |');
    for (const c of report.counts) out.push(`| ${c.label} | ${c.added} | ${c.changed} | ${c.removed} |`);
    out.push('');
  }
  for (const w of report.warnings) out.push(`> ⚠️ ${w}`, '');
  for (const sec of report.sections) out.push(sec, '');
  return `${out.join('\n').trimEnd()}\n`;
}

// ── The two sides ────────────────────────────────────────────────────────────

export interface Side {
  files: ProjectFiles;
  label: string;
}

export interface SideOptions {
  base?: string | undefined;
  head?: string | undefined;
  'base-dir'?: string | undefined;
  'head-dir'?: string | undefined;
  repo?: string | undefined;
}

export function loadSides(args: SideOptions): { base: Side; head: Side } {
  const repo = resolve(args.repo ?? '.');
  const headRef = args.head ?? 'HEAD';
  const head: Side = args['head-dir']
    ? { files: readProjectFiles(resolve(args['head-dir'])), label: code(args['head-dir']) }
    : { files: gitFiles(headRef, repo), label: `${code(headRef)}${shortSha(headRef, repo) ? `（${shortSha(headRef, repo)}）` : ''}` };
  let base: Side;
  if (args['base-dir']) base = { files: readProjectFiles(resolve(args['base-dir'])), label: code(args['base-dir']) };
  else {
    const baseRef = args.base ?? defaultBase(repo);
    const from = args['head-dir'] ? undefined : mergeBase(baseRef, headRef, repo);
    const sha = from ? from.slice(0, 7) : shortSha(baseRef, repo);
    base = { files: gitFiles(from ?? baseRef, repo), label: `${code(baseRef)}${sha ? `（${from ? '合并基点 ' : ''}${sha}）` : ''}` };
  }
  return { base, head };
}
