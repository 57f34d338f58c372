/**
 * npm run pr-summary -- [--base REF] [--head REF] [--base-dir DIR] [--head-dir DIR] [--repo DIR]
 *
 * Prints a Markdown summary of what a change does to the records: regions, schools,
 * groups, memberships (joined / left), figures, policies … added, changed or removed.
 * Each side is read from a git ref (default origin/main → HEAD, compared from their merge
 * base as a pull request is) or from a directory holding data/ and content/.
 * CI appends it to the job summary: node scripts/pr-summary.ts >> "$GITHUB_STEP_SUMMARY"
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { diffDocs, diffRows, keyColumns, snapshotOf, type MdxDoc, type Snapshot, type TableDiff } from '../src/lib/changes/diff.ts';
import { csvDatasets, type CsvDatasetName } from '../src/lib/schemas/index.ts';
import { membershipRoleLabels } from '../src/lib/schemas/membership.ts';
import { regionLevelLabels } from '../src/lib/schemas/region.ts';
import { statisticKindLabels } from '../src/lib/schemas/statistic.ts';
import { readProjectFiles } from '../src/lib/validate/read-project.ts';
import type { ProjectFiles } from '../src/lib/validate/validate.ts';

// The record-level diff lives in src/lib/changes/ (the site's change log uses it too).
export { diffRows, snapshotOf };
type Row = Record<string, string>;

function git(args: string[], cwd: string): { ok: boolean; out: Buffer; err: string } {
  const r = spawnSync('git', args, { cwd, maxBuffer: 512 * 1024 * 1024 });
  return { ok: r.status === 0, out: r.stdout ?? Buffer.alloc(0), err: r.stderr?.toString() ?? String(r.error ?? '') };
}

/** The data/ and content/ files of a commit, as read-project.ts would read them from disk. */
export function gitFiles(ref: string, repo: string): ProjectFiles {
  const top = git(['rev-parse', '--show-toplevel'], repo);
  if (!top.ok) throw new Error(`${repo} 不是 git 仓库：${top.err.trim()}`);
  const cwd = top.out.toString().trim();
  const ls = git(['ls-tree', '-r', '-z', '--name-only', ref, '--', 'data', 'content'], cwd);
  if (!ls.ok) throw new Error(`读不到 ${ref}：${ls.err.trim()}`);
  const files: ProjectFiles = new Map();
  for (const path of ls.out.toString().split('\0').filter(Boolean)) {
    if (!/^data\/[^/]+\.csv$/.test(path) && !/^content\/.+\.mdx$/.test(path)) continue;
    const show = git(['show', `${ref}:${path}`], cwd);
    if (!show.ok) throw new Error(`读不到 ${ref}:${path}：${show.err.trim()}`);
    files.set(path, new Uint8Array(show.out));
  }
  return files;
}

/** The commit a pull request is compared from: the merge base of the two refs, if there is one. */
export function mergeBase(base: string, head: string, repo: string): string | undefined {
  const r = git(['merge-base', base, head], repo);
  return r.ok ? r.out.toString().trim() : undefined;
}

const shortSha = (ref: string, repo: string) => {
  const r = git(['rev-parse', '--short', ref], repo);
  return r.ok ? r.out.toString().trim() : undefined;
};

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

/** The Markdown summary of everything that changed between two snapshots. */
export function summarize(base: Snapshot, head: Snapshot, options: SummaryOptions): string {
  const name = (dataset: CsvDatasetName, id: string | undefined, field = 'name') => {
    if (!id) return '';
    const row = head.tables[dataset].find((r) => r.id === id) ?? base.tables[dataset].find((r) => r.id === id);
    return row?.[field] ?? '';
  };
  const named = (dataset: CsvDatasetName, id: string | undefined, field = 'name') => {
    const n = name(dataset, id, field);
    return n ? `${md(n)}（${code(id ?? '')}）` : code(id ?? '');
  };
  const statLine = (r: Row) => {
    const unit = name('metrics', r.metric, 'unit') === 'percent' ? '%' : '';
    const q = r.qualifier === 'gte' ? '≥ ' : r.qualifier === 'lte' ? '≤ ' : '';
    const kind = statisticKindLabels[r.kind as keyof typeof statisticKindLabels] ?? r.kind ?? '';
    return `${named('regions', r.region)} · ${named('metrics', r.metric)} · ${md(r.date || '日期不详')} · ${md(kind)} ${q}${md(r.value ?? '')}${unit}`;
  };
  const describe: Record<CsvDatasetName, (r: Row) => string> = {
    regions: (r) =>
      `${named('regions', r.id)}，${regionLevelLabels[r.level as keyof typeof regionLevelLabels] ?? md(r.level ?? '')}${r.parent ? `，上级 ${named('regions', r.parent)}` : ''}`,
    schools: (r) => `${named('schools', r.id)}，${named('regions', r.region)}`,
    groups: (r) => `${named('groups', r.id)}，${named('regions', r.region)}`,
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
  const changes = (c: TableDiff['changed'][number]) =>
    c.columns.map((col) => `${col}：${quoted(c.before[col])} → ${quoted(c.after[col])}`).join('；');

  const order: CsvDatasetName[] = [
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
  const counts: { label: string; added: number; changed: number; removed: number }[] = [];
  const sections: string[] = [];
  const warnings: string[] = [];
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    const shown = items.slice(0, MAX_ITEMS);
    const more = items.length > shown.length ? `\n- ……另有 ${items.length - shown.length} 条未列出` : '';
    sections.push(`### ${title}\n\n${shown.map((i) => `- ${i}`).join('\n')}${more}`);
  };

  for (const dataset of order) {
    const { file, title, schema } = csvDatasets[dataset];
    const path = `data/${file}`;
    if (base.unreadable.has(path) || head.unreadable.has(path)) {
      warnings.push(`${code(path)} 有一侧无法完整读取（编码、表头或某行的列数有误，见数据校验），这一类的变化没有列出。`);
      continue;
    }
    const d = diffRows(base.tables[dataset], head.tables[dataset], keyColumns[dataset], Object.keys(schema.shape));
    if (d.added.length + d.changed.length + d.removed.length === 0) continue;
    counts.push({ label: title, added: d.added.length, changed: d.changed.length, removed: d.removed.length });
    const items: string[] = [];
    if (dataset === 'memberships') {
      for (const r of d.added)
        items.push(
          r.left
            ? `补录（已退出）：${describe.memberships(r)}，${md(r.joined || '日期不详')} 至 ${md(r.left)}`
            : `加入：${describe.memberships(r)}${r.joined ? `，${md(r.joined)} 起` : ''}`,
        );
      for (const c of d.changed) {
        if (!c.before.left && c.after.left) {
          const rest = c.columns.filter((col) => col !== 'left');
          items.push(
            `退出：${describe.memberships(c.after)}，${md(c.after.left)} 退出${rest.length ? `；另改 ${changes({ ...c, columns: rest })}` : ''}`,
          );
        } else items.push(`修改：${describe.memberships(c.after)}：${changes(c)}`);
      }
      for (const r of d.removed) items.push(`⚠️ 删除：${describe.memberships(r)}`);
      if (d.removed.length > 0)
        warnings.push(`删除了 ${d.removed.length} 条成员关系。学校退出集团时不要删除那一行，请在 left 列填写退出日期，保留历史。`);
    } else {
      for (const r of d.added) items.push(`新增：${describe[dataset](r)}`);
      for (const c of d.changed) items.push(`修改：${describe[dataset](c.after)}：${changes(c)}`);
      for (const r of d.removed) items.push(`删除：${describe[dataset](r)}`);
    }
    section(dataset === 'statistics' ? '统计数据（数字）' : title, items);
  }

  const docSection = (label: string, b: Map<string, MdxDoc>, h: Map<string, MdxDoc>, dir: string) => {
    const d = diffDocs(b, h);
    if (d.added.length + d.changed.length + d.removed.length === 0) return;
    counts.push({ label, added: d.added.length, changed: d.changed.length, removed: d.removed.length });
    const docTitle = (id: string) => {
      const data = h.get(id)?.data ?? b.get(id)?.data;
      const t =
        typeof data?.title === 'string' ? `《${md(data.title)}》` : typeof data?.group === 'string' ? named('groups', data.group) : '';
      return `${t}（${code(`${dir}/${id}.mdx`)}）`;
    };
    section(label, [
      ...d.added.map((id) => `新增：${docTitle(id)}`),
      ...d.changed.map((c) => `修改：${docTitle(c.id)}：${c.fields.map(md).join('、')}`),
      ...d.removed.map((id) => `删除：${docTitle(id)}`),
    ]);
  };
  docSection('政策', base.policies, head.policies, 'content/policies');
  docSection('集团简介', base.profiles, head.profiles, 'content/groups');

  const out = ['## 数据变更摘要', '', `比较 ${options.baseLabel} → ${options.headLabel}`, ''];
  if (counts.length === 0) out.push('数据和内容没有变化。', '');
  else {
    out.push('| 类别 | 新增 | 修改 | 删除 |', '| --- | ---: | ---: | ---: |');
    for (const c of counts) out.push(`| ${c.label} | ${c.added} | ${c.changed} | ${c.removed} |`);
    out.push('');
  }
  for (const w of warnings) out.push(`> ⚠️ ${w}`, '');
  for (const s of sections) out.push(s, '');
  return `${out.join('\n').trimEnd()}\n`;
}

// ── Command line ─────────────────────────────────────────────────────────────

export interface Side {
  files: ProjectFiles;
  label: string;
}

export function parseArgs(argv: readonly string[]): Record<string, string> {
  const known = ['base', 'head', 'base-dir', 'head-dir', 'repo'];
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m || !known.includes(m[1]!)) throw new Error(`不认识的参数：${a}（可用：${known.map((k) => `--${k}`).join(' ')}）`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`${a} 后面缺少值`);
    out[m[1]!] = value;
  }
  return out;
}

export function loadSides(args: Record<string, string>): { base: Side; head: Side } {
  const repo = resolve(args.repo ?? '.');
  const headRef = args.head ?? 'HEAD';
  const head: Side = args['head-dir']
    ? { files: readProjectFiles(resolve(args['head-dir'])), label: code(args['head-dir']) }
    : { files: gitFiles(headRef, repo), label: `${code(headRef)}${shortSha(headRef, repo) ? `（${shortSha(headRef, repo)}）` : ''}` };
  let base: Side;
  if (args['base-dir']) base = { files: readProjectFiles(resolve(args['base-dir'])), label: code(args['base-dir']) };
  else {
    const baseRef = args.base ?? 'origin/main';
    const from = args['head-dir'] ? undefined : mergeBase(baseRef, headRef, repo);
    const sha = from ? from.slice(0, 7) : shortSha(baseRef, repo);
    base = { files: gitFiles(from ?? baseRef, repo), label: `${code(baseRef)}${sha ? `（${from ? '合并基点 ' : ''}${sha}）` : ''}` };
  }
  return { base, head };
}

if (import.meta.main) {
  try {
    const { base, head } = loadSides(parseArgs(process.argv.slice(2)));
    process.stdout.write(summarize(snapshotOf(base.files), snapshotOf(head.files), { baseLabel: base.label, headLabel: head.label }));
  } catch (err) {
    console.error(`pr-summary：${(err as Error).message}`);
    process.exitCode = 1;
  }
}
