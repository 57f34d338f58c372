/**
 * The one validator. CI, `npm run validate`, `npm start` and the Astro build
 * all call `validateProject`; it reports every problem, never just the first.
 */
import type { z } from 'zod';
import { decodeUtf8, parseCsv } from '../csv/read-csv.ts';
import type { Dataset, Located } from '../data/dataset.ts';
import { groupLabels } from '../group-label.ts';
import { checkMdxBody } from '../mdx/body-policy.ts';
import { sortProblems, type Problem } from '../problem.ts';
import { csvDatasets, type CsvDatasetName } from '../schemas/index.ts';
import { groupProfileSchema, policySchema } from '../schemas/policy.ts';
import { didYouMean } from './did-you-mean.ts';
import { parseFrontmatter, type Frontmatter } from './frontmatter.ts';
import { checkCrossFileRules } from './rules.ts';
import type { MdxLocators, ProjectFiles, Unreadable } from './types.ts';

export interface ValidationResult {
  dataset: Dataset;
  problems: Problem[];
}

function describeValue(value: unknown): string {
  if (value === undefined || value === '') return '（空）';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- any cell or front-matter value, shown as String() spells it
  const s = String(value);
  return `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;
}

function readCsvDataset<N extends CsvDatasetName>(name: N, files: ProjectFiles, problems: Problem[], unreadable: Unreadable) {
  const { file, schema } = csvDatasets[name];
  const path = `data/${file}`;
  const header = Object.keys(schema.shape);
  const bytes = files.get(path);
  type Row = Located<z.infer<(typeof csvDatasets)[N]['schema']>>;
  const rows: Row[] = [];
  if (!bytes) {
    unreadable.set(name, 'all');
    if (files.readProblems?.some((p) => p.file === path)) return rows;
    problems.push({ file: path, line: 1, column: 1, message: '缺少这个文件', fix: `新建 ${path}，第一行写表头：${header.join(',')}` });
    return rows;
  }
  const decoded = decodeUtf8(path, bytes);
  if ('problem' in decoded) {
    unreadable.set(name, 'all');
    problems.push(decoded.problem);
    return rows;
  }
  const parsed = parseCsv(path, decoded.text, header);
  problems.push(...parsed.problems);
  // A bad header or a broken row hides records: do not chase references into this file.
  if (parsed.problems.length > 0) unreadable.set(name, 'all');
  const failed = new Set<string>();
  for (const row of parsed.table.rows) {
    const result = schema.safeParse(row.values);
    if (result.success) {
      rows.push({ ...(result.data as object), _file: path, _line: row.line } as Row);
      continue;
    }
    if (row.values.id) failed.add(row.values.id.trim());
    for (const issue of result.error.issues) {
      const column = String(issue.path[0] ?? header[0]);
      problems.push({
        file: path,
        line: row.line,
        column: header.indexOf(column) + 1,
        message: `列 ${column} 的值 ${describeValue(row.values[column])} 不合格：${issue.message}`,
      });
    }
  }
  if (failed.size > 0 && !unreadable.has(name)) unreadable.set(name, failed);
  return rows;
}

type MdxEntry<T extends z.ZodObject> = z.infer<T> & { id: string; _file: string; _body: string };

function readMdxCollection<T extends z.ZodObject>(
  dir: string,
  schema: T,
  files: ProjectFiles,
  problems: Problem[],
  locators: MdxLocators,
): MdxEntry<T>[] {
  const entries: MdxEntry<T>[] = [];
  const paths = [...files.keys()].filter((p) => p.startsWith(`${dir}/`) && p.endsWith('.mdx')).sort();
  for (const path of paths) {
    const id = path.slice(dir.length + 1, -'.mdx'.length);
    const fm = readFrontmatter(path, id, files.get(path)!, problems, locators);
    if (!fm) continue;
    // Parsed as the build parses it: the frontmatter's lines left blank, so places are the file's own.
    for (const p of checkMdxBody('\n'.repeat(fm.bodyLine - 1) + fm.body)) problems.push({ file: path, ...p });
    const result = schema.safeParse(fm.data);
    if (!result.success) {
      problems.push(...frontmatterProblems(path, result.error.issues, Object.keys(schema.shape), fm.locate));
      continue;
    }
    entries.push({ ...(result.data as object), id, _file: path, _body: fm.body } as MdxEntry<T>);
  }
  return entries;
}

/** An MDX file's frontmatter, parsed; undefined (with the problem reported) when the file, its name or its YAML is bad. */
function readFrontmatter(path: string, id: string, bytes: Uint8Array, problems: Problem[], locators: MdxLocators) {
  const decoded = decodeUtf8(path, bytes);
  if ('problem' in decoded) {
    problems.push(decoded.problem);
    return undefined;
  }
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    problems.push({
      file: path,
      line: 1,
      column: 1,
      message: `文件名 ${id} 不是合格的标识`,
      fix: '文件名只用小写英文字母、数字和连字符，如 tianjin-group-reform.mdx',
    });
    return undefined;
  }
  const fm = parseFrontmatter(decoded.text);
  if (!fm) {
    problems.push({
      file: path,
      line: 1,
      column: 1,
      message: '缺少开头的 --- 元数据块',
      fix: '文件第一行写 ---，写完元数据后再写一行 ---',
    });
    return undefined;
  }
  locators.set(path, fm.locate);
  if (fm.error) {
    problems.push({
      file: path,
      line: fm.error.line,
      column: fm.error.column,
      message: `元数据（YAML）写法有误：${fm.error.message}`,
      fix: fm.error.fix ?? '检查缩进和冒号；含冒号或引号的文字用双引号括起来',
    });
    return undefined;
  }
  return fm;
}

/** The frontmatter schema's complaints, each at its value; `known` is the fields there are. */
function frontmatterProblems(path: string, issues: z.ZodError['issues'], known: string[], locate: Frontmatter['locate']): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    // Frontmatter is an allow-list too: Astro's MDX compiler imports a `layout` as a module.
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      for (const key of issue.keys) {
        const guess = didYouMean(key, known);
        problems.push({
          file: path,
          ...locate([key]),
          message: `元数据不能有字段 ${key}`,
          fix: guess ? `你是不是想写 ${guess}？` : `删除这一项；可用的字段：${known.join('、')}`,
        });
      }
      continue;
    }
    problems.push({ file: path, ...locate(issue.path), message: `字段 ${issue.path.join('.') || '（顶层）'} 不合格：${issue.message}` });
  }
  return problems;
}

/** Validates everything; the dataset holds the rows that passed their own schema. */
export function validateProject(files: ProjectFiles): ValidationResult {
  const problems: Problem[] = [...(files.readProblems ?? [])];
  const unreadable: Unreadable = new Map();
  const locators: MdxLocators = new Map();
  const csv = <N extends CsvDatasetName>(name: N) => readCsvDataset(name, files, problems, unreadable);
  const sources = csv('sources');
  const terms = csv('terms');
  const metrics = csv('metrics');
  const regions = csv('regions');
  const schools = csv('schools');
  const groupRows = csv('groups');
  const memberships = csv('memberships');
  const schoolName = new Map(schools.map((s) => [s.id, s.name]));
  const labels = groupLabels(groupRows, memberships, (id) => schoolName.get(id));
  const dataset: Dataset = {
    sources,
    terms,
    metrics,
    regions,
    schools,
    groups: groupRows.map((g) => ({ ...g, label: labels.get(g.id)! })),
    memberships,
    designations: csv('designations'),
    statistics: csv('statistics'),
    policies: readMdxCollection('content/policies', policySchema, files, problems, locators),
    groupProfiles: readMdxCollection('content/groups', groupProfileSchema, files, problems, locators),
  };
  problems.push(...checkCrossFileRules(dataset, unreadable, locators));
  return { dataset, problems: sortProblems(problems) };
}
