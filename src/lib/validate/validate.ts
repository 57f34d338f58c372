/**
 * The one validator. CI, `npm run validate`, `npm start` and the Astro build
 * all call `validateProject`; it reports every problem, never just the first.
 */
import type { z } from 'zod';
import { decodeUtf8, parseCsv } from '../csv/read-csv.ts';
import type { Dataset, GroupProfileEntry, Located, PolicyEntry } from '../data/dataset.ts';
import { csvDatasets, type CsvDatasetName } from '../schemas/index.ts';
import { groupProfileSchema, policySchema } from '../schemas/policy.ts';
import { parseFrontmatter } from './frontmatter.ts';
import type { Problem } from './problem.ts';
import { sortProblems } from './problem.ts';
import { checkCrossFileRules } from './rules.ts';

/** The project's input files as bytes, keyed by path relative to the project root. */
export type ProjectFiles = Map<string, Uint8Array>;

export interface ValidationResult {
  dataset: Dataset;
  problems: Problem[];
}

function describeValue(value: unknown): string {
  if (value === undefined || value === '') return '（空）';
  const s = String(value);
  return `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;
}

function readCsvDataset<N extends CsvDatasetName>(name: N, files: ProjectFiles, problems: Problem[]) {
  const { file, schema } = csvDatasets[name];
  const path = `data/${file}`;
  const header = Object.keys(schema.shape);
  const bytes = files.get(path);
  type Row = Located<z.infer<(typeof csvDatasets)[N]['schema']>>;
  const rows: Row[] = [];
  if (!bytes) {
    problems.push({ file: path, line: 1, column: 1, message: '缺少这个文件', fix: `新建 ${path}，第一行写表头：${header.join(',')}` });
    return rows;
  }
  const decoded = decodeUtf8(path, bytes);
  if ('problem' in decoded) {
    problems.push(decoded.problem);
    return rows;
  }
  const parsed = parseCsv(path, decoded.text, header);
  problems.push(...parsed.problems);
  for (const row of parsed.table.rows) {
    const result = schema.safeParse(row.values);
    if (result.success) {
      rows.push({ ...(result.data as object), _file: path, _line: row.line } as Row);
      continue;
    }
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
  return rows;
}

function readMdxCollection<T extends z.ZodType>(
  dir: string,
  schema: T,
  files: ProjectFiles,
  problems: Problem[],
): (z.infer<T> & { id: string; _file: string; _body: string })[] {
  const entries: (z.infer<T> & { id: string; _file: string; _body: string })[] = [];
  const paths = [...files.keys()].filter((p) => p.startsWith(`${dir}/`) && p.endsWith('.mdx')).sort();
  for (const path of paths) {
    const id = path.slice(dir.length + 1, -'.mdx'.length);
    const decoded = decodeUtf8(path, files.get(path)!);
    if ('problem' in decoded) {
      problems.push(decoded.problem);
      continue;
    }
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      problems.push({ file: path, line: 1, column: 1, message: `文件名 ${id} 不是合格的标识`, fix: '文件名只用小写英文字母、数字和连字符，如 tianjin-group-reform.mdx' });
      continue;
    }
    const fm = parseFrontmatter(decoded.text);
    if (!fm) {
      problems.push({ file: path, line: 1, column: 1, message: '缺少开头的 --- 元数据块', fix: '文件第一行写 ---，写完元数据后再写一行 ---' });
      continue;
    }
    if (fm.error) {
      problems.push({ file: path, line: fm.error.line, column: fm.error.column, message: `元数据（YAML）写法有误：${fm.error.message}`, fix: '检查缩进和冒号；含冒号或引号的文字用双引号括起来' });
      continue;
    }
    if (/<script|<iframe|\bon[a-z]+\s*=|^\s*(import|export)\s/im.test(fm.body)) {
      problems.push({ file: path, line: 1, column: 1, message: '正文含有脚本、嵌入框架、事件属性或 import/export', fix: '正文只用普通 Markdown 文字' });
    }
    const result = schema.safeParse(fm.data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const at = fm.locate(issue.path);
        problems.push({ file: path, line: at.line, column: at.column, message: `字段 ${issue.path.join('.') || '（顶层）'} 不合格：${issue.message}` });
      }
      continue;
    }
    entries.push({ ...(result.data as object), id, _file: path, _body: fm.body } as z.infer<T> & { id: string; _file: string; _body: string });
  }
  return entries;
}

/** Validates everything; the dataset holds the rows that passed their own schema. */
export function validateProject(files: ProjectFiles): ValidationResult {
  const problems: Problem[] = [];
  const dataset: Dataset = {
    sources: readCsvDataset('sources', files, problems),
    terms: readCsvDataset('terms', files, problems),
    metrics: readCsvDataset('metrics', files, problems),
    regions: readCsvDataset('regions', files, problems),
    schools: readCsvDataset('schools', files, problems),
    groups: readCsvDataset('groups', files, problems),
    memberships: readCsvDataset('memberships', files, problems),
    designations: readCsvDataset('designations', files, problems),
    statistics: readCsvDataset('statistics', files, problems),
    policies: readMdxCollection('content/policies', policySchema, files, problems) as PolicyEntry[],
    groupProfiles: readMdxCollection('content/groups', groupProfileSchema, files, problems) as GroupProfileEntry[],
  };
  problems.push(...checkCrossFileRules(dataset));
  return { dataset, problems: sortProblems(problems) };
}
