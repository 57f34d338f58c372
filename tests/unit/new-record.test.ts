/**
 * Editors' tools and templates: the CSV templates carry the schemas' exact headers, the
 * policy template is a valid policy, `npm run new` adds only records the validator accepts
 * (rolling back otherwise), and the worked example in CONTRIBUTING.md is valid data.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendRow, fieldsOf, policyMdx } from '../../scripts/lib/new-record.ts';
import { parseArgs } from '../../scripts/new-record.ts';
import { csvDatasets } from '../../src/lib/schemas/index.ts';
import { governanceSchema, policySchema, policyTargetSchema } from '../../src/lib/schemas/policy.ts';
import { parseFrontmatter } from '../../src/lib/validate/frontmatter.ts';
import { formatProblem } from '../../src/lib/problem.ts';
import { readProjectFiles } from '../../src/lib/validate/read-project.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { assembleDataset } from '../fixture-data.ts';
import { MINI } from './fixture-project.ts';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** A scratch copy of the mini fixture project. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'new-record-'));
  temps.push(dir);
  cpSync(MINI, dir, { recursive: true });
  return dir;
}

function runNew(args: string[], input = '') {
  const r = spawnSync(process.execPath, ['scripts/new-record.ts', ...args], { input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const problems = (root: string) => validateProject(readProjectFiles(root)).problems.map(formatProblem);
const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

describe('templates', () => {
  it('has one CSV template per dataset, whose header is exactly the schema’s columns', () => {
    const files = readdirSync('templates/csv').sort();
    expect(files).toEqual(
      Object.values(csvDatasets)
        .map((d) => d.file)
        .sort(),
    );
    for (const { file, schema } of Object.values(csvDatasets)) {
      const text = readFileSync(`templates/csv/${file}`, 'utf8');
      expect(text.split('\n')[0], file).toBe(Object.keys(schema.shape).join(','));
      expect(text, `${file} holds only the header`).toBe(`${Object.keys(schema.shape).join(',')}\n`);
    }
  });

  it('has a policy template with every frontmatter field, valid against the schema', () => {
    const fm = parseFrontmatter(readFileSync('templates/policy.mdx', 'utf8'));
    expect(fm?.error).toBeUndefined();
    const data = fm!.data as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(Object.keys(policySchema.shape));
    expect(Object.keys(data.governance as object)).toEqual(Object.keys(governanceSchema.shape));
    expect(Object.keys((data.targets as object[])[0]!)).toEqual(Object.keys(policyTargetSchema.shape));
    const parsed = policySchema.safeParse(data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(fm!.body).toMatch(/^## /m);
  });
});

describe('CSV writing', () => {
  const header = ['id', 'name', 'note'];
  const bytes = (s: string) => new TextEncoder().encode(s);
  const text = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

  it('appends after a missing final newline and keeps CRLF and the BOM', () => {
    expect(text(appendRow(bytes('id,name,note\na,甲,'), header, { id: 'b', name: '乙' }))).toBe('id,name,note\na,甲,\nb,乙,\n');
    expect(text(appendRow(bytes('\uFEFFid,name,note\r\na,甲,\r\n'), header, { id: 'b', name: '乙', note: 'x,y' }))).toBe(
      '\uFEFFid,name,note\r\na,甲,\r\nb,乙,"x,y"\r\n',
    );
  });

  it('follows the file’s own column order and creates a missing file with the header', () => {
    expect(text(appendRow(bytes('name,id,note\n'), header, { id: 'b', name: '乙' }))).toBe('name,id,note\n乙,b,\n');
    expect(text(appendRow(undefined, header, { id: 'b', name: '乙' }))).toBe('id,name,note\nb,乙,\n');
  });

  it('reads flags in both spellings', () => {
    expect(parseArgs(['school', '--parent-school', 'x', '--name=甲', '--root', '/d', '--dry-run'])).toEqual({
      kind: 'school',
      root: '/d',
      dryRun: true,
      help: false,
      values: { parent_school: 'x', name: '甲' },
    });
  });

  it('knows which fields are required', () => {
    const req = (kind: Parameters<typeof fieldsOf>[0]) =>
      fieldsOf(kind)
        .filter((f) => f.required)
        .map((f) => f.name);
    expect(req('school')).toEqual(['id', 'name', 'region', 'stage', 'unit', 'source']);
    expect(req('region')).toEqual(['id', 'name', 'level']);
    // A blank date is 日期不详 (the validator then asks for a note), so npm run new does not insist on one.
    expect(req('statistic')).toEqual(['region', 'metric', 'value', 'kind', 'source']);
    expect(req('policy')).toEqual(['id', 'title', 'issuer', 'region', 'source', 'summary']);
  });
});

const school = ['--name', '示例市第四小学', '--region', 'fx-dist', '--stage', 'primary', '--unit', 'school', '--source', 'fx-news'];

describe('npm run new', () => {
  it('appends a valid school from flags without asking anything', () => {
    const root = scratch();
    const r = runNew(['school', '--root', root, '--id', 'fx-no4-primary', ...school, '--aliases', '四小|第四小学']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已添加：data/schools.csv 第 6 行');
    expect(read(root, 'data/schools.csv').split('\n').at(-2)).toBe(
      'fx-no4-primary,示例市第四小学,fx-dist,primary,,school,四小|第四小学,,fx-news,',
    );
    expect(problems(root)).toEqual([]);
  });

  it('refuses a record the validator rejects, prints its messages and leaves the file as it was', () => {
    const root = scratch();
    const before = read(root, 'data/schools.csv');
    const r = runNew(['school', '--root', root, '--id', 'fx-no4-primary', ...school.map((a) => (a === 'fx-dist' ? 'fx-dsit' : a))]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('没有写入');
    expect(r.stderr).toContain('data/schools.csv:6:3: 错误：列 region 引用的地区 "fx-dsit" 不存在。修改建议：你是不是想写 "fx-dist"？');
    expect(read(root, 'data/schools.csv')).toBe(before);
  });

  it('refuses a duplicate id', () => {
    const root = scratch();
    const r = runNew(['school', '--root', root, '--id', 'fx-no1-primary', ...school]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('data/schools.csv:6:1: 错误：标识 "fx-no1-primary" 重复');
  });

  it('writes nothing with --dry-run', () => {
    const root = scratch();
    const before = read(root, 'data/schools.csv');
    const r = runNew(['school', '--root', root, '--dry-run', '--id', 'fx-no4-primary', ...school]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('试运行');
    expect(read(root, 'data/schools.csv')).toBe(before);
  });

  it('asks for the fields not given, re-asking after an answer that does not fit', () => {
    const root = scratch();
    // id, name, level (a typo, then right), municipality, parent (a typo, then right), aliases, reported_children, source, note
    const answers = ['fx-west', '西区', 'distrct', 'district', '', 'fx-ctiy', 'fx-city', '西城|西区', '', '', ''].join('\n');
    const r = runNew(['region', '--root', root], `${answers}\n`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('不合格：必须是 province、city 或 district');
    expect(r.stdout).toContain('“fx-ctiy”不存在，你是不是想写 “fx-city”？');
    expect(read(root, 'data/regions.csv').split('\n').at(-2)).toBe('fx-west,西区,district,,fx-city,西城|西区,,,');
    expect(problems(root)).toEqual([]);
  });

  it('stops without writing when the input ends before a required field', () => {
    const root = scratch();
    const before = read(root, 'data/regions.csv');
    const r = runNew(['region', '--root', root], 'fx-west\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('缺少字段 name');
    expect(read(root, 'data/regions.csv')).toBe(before);
  });

  it('adds a group with its lead and member schools, or neither', () => {
    const root = scratch();
    const group = ['group', '--root', root, '--id', 'fx-no2-group', '--name', '示例市第二小学教育集团', '--region', 'fx-dist'];
    const rest = ['--type', 'tight', '--models', 'one-plus-x', '--founded', '2024-09', '--source', 'fx-news', '--lead', 'fx-no2-primary'];
    const groupsBefore = read(root, 'data/groups.csv');
    const membersBefore = read(root, 'data/memberships.csv');

    const bad = runNew([...group, ...rest, '--members', 'fx-no3-primary|fx-no9-primary']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('列 school 引用的学校 "fx-no9-primary" 不存在');
    expect(read(root, 'data/groups.csv')).toBe(groupsBefore);
    expect(read(root, 'data/memberships.csv')).toBe(membersBefore);

    const ok = runNew([...group, ...rest, '--members', 'fx-no3-primary']);
    expect(ok.status).toBe(0);
    expect(read(root, 'data/memberships.csv').split('\n').slice(-3, -1)).toEqual([
      'fx-no2-group,fx-no2-primary,lead,,2024-09,,fx-news,,,',
      'fx-no2-group,fx-no3-primary,member,,2024-09,,fx-news,,,',
    ]);
    expect(problems(root)).toEqual([]);
  });

  it('adds a metric, then a figure of it as its source writes it, with its stage', () => {
    const root = scratch();
    const metric = ['metric', '--root', root, '--id', 'member-schools', '--name', '成员学校数', '--unit', 'count'];
    const r = runNew([...metric, '--numerator', '集团成员学校的所数', '--definition', '一个地区教育集团的成员学校共有多少所。']);
    expect(r.status).toBe(0);
    expect(read(root, 'data/metrics.csv').split('\n').at(-2)).toBe(
      'member-schools,成员学校数,count,集团成员学校的所数,,一个地区教育集团的成员学校共有多少所。,',
    );
    const figure = [
      'statistic',
      '--root',
      root,
      '--region',
      'fx-city',
      '--metric',
      'member-schools',
      '--date',
      '2025-03',
      '--value',
      '900',
    ];
    const more = ['--qualifier', 'approx', '--wording', '约900所', '--stage', 'primary', '--kind', 'actual', '--source', 'fx-news'];
    expect(runNew([...figure, ...more]).status).toBe(0);
    expect(read(root, 'data/statistics.csv').split('\n').at(-2)).toBe(
      'fx-city,member-schools,2025-03,900,approx,actual,fx-news,,约900所,,primary',
    );
    expect(problems(root)).toEqual([]);
    // A range keeps both ends and the source's words; a wording that disagrees is refused.
    const range = ['statistic', '--root', root, '--region', 'fx-dist', '--metric', 'member-schools', '--date', '2025', '--value', '2'];
    expect(runNew([...range, '--value-max', '4', '--wording', '2—4所', '--kind', 'actual', '--source', 'fx-news']).status).toBe(0);
    const wrong = runNew([...range, '--date', '2024', '--wording', '约2所', '--kind', 'actual', '--source', 'fx-news']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('wording“约2所”与数值不一致');
  });

  it('asks for a metric’s fields with their own help', () => {
    const root = scratch();
    // id, name, unit (a school's word, then right), numerator, denominator, definition, note
    const answers = ['m-x', '某指标', 'school', 'count', '数的是什么', '', '定义。', ''].join('\n');
    const r = runNew(['metric', '--root', root], `${answers}\n`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('单位：percent / count（比率 / 计数）');
    expect(r.stdout).toContain('不合格：必须是 percent 或 count');
    expect(problems(root)).toEqual([]);
  });

  it('writes a valid policy MDX file from the template and will not overwrite one', () => {
    const root = scratch();
    const args = ['policy', '--root', root, '--title', '示例市集团化办学三年行动计划', '--issuer', '示例市教育局', '--region', 'fx-city'];
    const more = ['--source', 'fx-news', '--summary', '示例：到2026年建成10个集团。', '--date', '2025-03', '--goals', '扩大覆盖|提升质量'];
    const r = runNew([...args, ...more, '--id', 'fx-plan-2025', '--groups', 'fx-no1-group']);
    expect(r.status).toBe(0);
    const mdx = read(root, 'content/policies/fx-plan-2025.mdx');
    expect(mdx).toContain('date: "2025-03"');
    expect(mdx).toContain('## 背景');
    expect(problems(root)).toEqual([]);
    const again = runNew([...args, ...more, '--id', 'fx-plan-2025']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('已存在');

    const dangling = runNew([...args, ...more, '--id', 'fx-plan-2026', '--groups', 'fx-no1-gruop']);
    expect(dangling.status).toBe(1);
    expect(dangling.stderr).toContain('字段 groups.0 引用的集团 "fx-no1-gruop" 不存在');
    expect(existsSync(join(root, 'content/policies/fx-plan-2026.mdx'))).toBe(false);
  });

  it('builds policy frontmatter that YAML reads back as text', () => {
    const fm = parseFrontmatter(
      policyMdx({ title: '含"引号"和: 冒号', issuer: 'x', region: 'r', date: '2024', source: 's', summary: 'y' }),
    );
    expect(fm?.data).toMatchObject({ title: '含"引号"和: 冒号', date: '2024', goals: [], targets: [], governance: {} });
  });

  it('adds a record next to problems the data already had, saying so', () => {
    const root = scratch();
    writeFileSync(
      join(root, 'data/statistics.csv'),
      `${read(root, 'data/statistics.csv')}fx-city,coverage-rate,2021,140,,actual,fx-news,,,,\n`,
    );
    const r = runNew(['school', '--root', root, '--id', 'fx-no4-primary', ...school]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('原本就有 1 个问题');
  });
});

describe('CONTRIBUTING.md', () => {
  it('has a worked example whose rows are valid additions to the portal fixture', () => {
    const guide = readFileSync('CONTRIBUTING.md', 'utf8');
    const root = mkdtempSync(join(tmpdir(), 'guide-'));
    temps.push(root);
    assembleDataset(root);
    const before = new Set(problems(root));
    // Fenced blocks written ```csv data/<file>.csv hold rows to append, in order.
    const blocks = [...guide.matchAll(/^```csv (data\/[a-z]+\.csv)\n([\s\S]*?)^```$/gm)];
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    for (const [, file, rows] of blocks) writeFileSync(join(root, file!), `${read(root, file!)}${rows}`);
    const mdx = /^```mdx content\/policies\/([a-z0-9-]+)\.mdx\n([\s\S]*?)^```$/m.exec(guide);
    expect(mdx).not.toBeNull();
    writeFileSync(join(root, `content/policies/${mdx![1]}.mdx`), mdx![2]!);
    expect(problems(root).filter((p) => !before.has(p))).toEqual([]);
  });
});
