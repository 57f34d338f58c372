/**
 * The importer end to end, on fixtures built from the seeds' own lists: the 济南市中区
 * list (seed 001) as prose, as a spreadsheet and as a traditional-character Word table,
 * imported into today's data without its 济南 rows (a copy in tests/fixtures/import/dataset),
 * and the 郑州 / 中原区 groups of seed 002 as CSV and HTML, which overlap that data.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { parseImportArgs, runImport, UsageError } from '../../scripts/import.ts';
import { InputError } from '../../src/lib/import/read.ts';
import { toSimplified } from '../../src/lib/search/normalize.ts';
import '../../src/lib/search/simplify.ts';
import type { Dataset } from '../../src/lib/data/dataset.ts';
import { readProjectFiles } from '../../src/lib/validate/read-project.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { jinanTraditionalDocx, jinanXlsx } from '../fixtures/import/make-fixtures.ts';

const FIXTURES = 'tests/fixtures/import';
const roots: string[] = [];

function freshDataset(): string {
  const root = mkdtempSync(join(tmpdir(), 'import-'));
  cpSync(join(FIXTURES, 'dataset'), root, { recursive: true });
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

const dataFiles = (root: string) =>
  Object.fromEntries(['schools', 'groups', 'memberships'].map((f) => [f, readFileSync(join(root, 'data', `${f}.csv`), 'utf8')]));

const expectedRows = (file: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(FIXTURES, 'expected-jinan', file), 'utf8'), { header: true, skipEmptyLines: true })
    .data;

/** The 济南 groups, schools and memberships, by name (today's ids are not all derivable from names). */
function jinanByName(dataset: {
  groups: (Pick<Dataset['groups'][number], 'id' | 'name' | 'region' | 'type'> & { related_group?: string | undefined })[];
  schools: { id: string; name: string; region: string; unit: string; parent_school?: string | undefined; stage: string }[];
  memberships: { group: string; school: string; role: string }[];
}) {
  const schoolName = new Map(dataset.schools.map((s) => [s.id, s.name]));
  const groups = dataset.groups
    .filter((g) => g.region === 'shandong-jinan-shizhong')
    .map((g) => ({
      name: g.name,
      region: g.region,
      type: g.type,
      related: dataset.groups.find((r) => r.id === g.related_group)?.name,
      members: dataset.memberships
        .filter((m) => m.group === g.id)
        .map((m) => `${schoolName.get(m.school)}:${m.role}`)
        .sort(),
    }))
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
  const schools = dataset.schools
    .filter((s) => s.region === 'shandong-jinan-shizhong')
    .map((s) => ({
      name: s.name,
      region: s.region,
      unit: s.unit,
      stage: s.stage,
      parent: s.parent_school ? schoolName.get(s.parent_school) : undefined,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { groups, schools };
}

const expectedJinan = () =>
  jinanByName({
    groups: expectedRows('groups.csv') as never,
    schools: expectedRows('schools.csv').map((s) => ({ ...s, parent_school: s.parent_school || undefined })) as never,
    memberships: expectedRows('memberships.csv') as never,
  });

async function importFile(root: string, file: string, extra: string[] = []) {
  return runImport(
    parseImportArgs([file, '--source', 'jinan-shizhong-signing', '--region', 'shandong-jinan-shizhong', '--root', root, ...extra]),
  );
}

describe('re-importing the 济南 list into a dataset without it', () => {
  const formats: [string, () => Promise<string>][] = [
    ['text (the seed article, list repeated twice)', () => Promise.resolve(join(FIXTURES, 'jinan-shizhong.txt'))],
    [
      'xlsx (title row, members in one cell)',
      async () => {
        const dir = freshDataset();
        writeFileSync(join(dir, 'jinan.xlsx'), await jinanXlsx());
        return join(dir, 'jinan.xlsx');
      },
    ],
    [
      'docx (traditional characters, one member per line)',
      async () => {
        const dir = freshDataset();
        writeFileSync(join(dir, 'jinan.docx'), await jinanTraditionalDocx());
        return join(dir, 'jinan.docx');
      },
    ],
  ];

  it.each(formats)(
    '%s: preview writes nothing; write reproduces the groups, leads and members; again adds nothing',
    async (label, make) => {
      const file = await make();
      const root = freshDataset();
      const before = dataFiles(root);

      const preview = await importFile(root, file);
      expect(preview.code).toBe(0);
      expect(preview.output).toContain('这是预览');
      expect(dataFiles(root)).toEqual(before);
      expect(preview.plan!.questions).toEqual([]);

      const written = await importFile(root, file, ['--write']);
      expect(written.code, written.output).toBe(0);
      const { dataset, problems } = validateProject(readProjectFiles(root));
      expect(problems).toEqual([]);
      // Names are written as the source writes them (issue 30): the Word file's traditional
      // names stay traditional, so they are compared in simplified form here.
      const traditional = label.includes('traditional');
      if (traditional) expect(dataset.schools.some((x) => x.name === '濟南育英中學')).toBe(true);
      const fold = <T extends { name?: string | undefined }>(r: T): T => (traditional && r.name ? { ...r, name: toSimplified(r.name) } : r);
      const jinan = jinanByName({ ...dataset, groups: dataset.groups.map(fold), schools: dataset.schools.map(fold) });
      const got = { ...jinan, groups: jinan.groups.map((g) => ({ ...g, members: g.members.map((m) => toSimplified(m)).sort() })) };
      const want = expectedJinan();
      expect(got.groups.map((g) => ({ ...g, type: g.type === 'alliance' ? 'alliance' : 'other' }))).toEqual(
        want.groups.map((g) => ({ ...g, type: g.type === 'alliance' ? 'alliance' : 'other' })),
      );
      expect(got.schools).toEqual(want.schools);
      // Every written row carries --source (the fixture dataset has no other 济南 rows).
      const jinanRows = [...dataset.groups, ...dataset.schools, ...dataset.memberships].filter((r) =>
        ('id' in r ? r.id : r.group).startsWith('jinan-'),
      );
      expect(jinanRows.length).toBe(11 + 24 + 26);
      expect(new Set(jinanRows.flatMap((r) => [r.source].flat()))).toEqual(new Set(['jinan-shizhong-signing']));

      // Rows are appended: every line that was there before is still there, byte for byte.
      const afterFirst = dataFiles(root);
      for (const f of ['schools', 'groups', 'memberships']) expect(afterFirst[f]!.startsWith(before[f]!)).toBe(true);
      const again = await importFile(root, file, ['--write']);
      expect(again.code).toBe(0);
      expect(again.output).toContain('没有要写入的新内容');
      expect(dataFiles(root)).toEqual(afterFirst);
    },
  );

  it('reproduces most of today’s ids from the names alone', async () => {
    const root = freshDataset();
    await importFile(root, join(FIXTURES, 'jinan-shizhong.txt'), ['--write']);
    const { dataset } = validateProject(readProjectFiles(root));
    const want = [...expectedRows('groups.csv'), ...expectedRows('schools.csv')].map((r) => r.id!);
    const got = new Set([...dataset.groups, ...dataset.schools].map((r) => r.id));
    // Today's hand-made ids: jinan-yongchangjie-hui-primary and jinan-quanjing-primary-division abbreviate.
    expect(want.filter((id) => !got.has(id)).sort()).toEqual(['jinan-quanjing-primary-division', 'jinan-yongchangjie-hui-primary']);
  });
});

describe('lists that overlap the data add nothing twice', () => {
  it.each([['zhengzhou.csv'], ['zhongyuan.html']])('%s: the 郑州 / 中原区 groups of seed 002 are all found', async (name) => {
    const root = freshDataset();
    const before = dataFiles(root);
    const result = await runImport(
      parseImportArgs([join(FIXTURES, name), '--source', 'henan-media-visit', '--region', 'henan-zhengzhou', '--root', root, '--write']),
    );
    expect(result.code, result.output).toBe(0);
    expect(result.plan!.groups.every((g) => g.status === 'existing')).toBe(true);
    expect(result.plan!.groups.length).toBe(2);
    expect(result.plan!.newSchools).toEqual([]);
    expect(result.plan!.memberships.every((m) => m.status === 'existing')).toBe(true);
    expect(result.output).toMatch(/表头 .*“集团名称”→集团/);
    expect(dataFiles(root)).toEqual(before);
  });
});

describe('near-duplicates and answers', () => {
  const paste = (text: string) => () => Promise.resolve(new TextEncoder().encode(text));

  it('reports a near-duplicate school name instead of merging it, and leaves it out', async () => {
    const root = freshDataset();
    await importFile(root, join(FIXTURES, 'jinan-shizhong.txt'), ['--write']);
    const before = dataFiles(root);
    const args = parseImportArgs([
      '-',
      '--source',
      'jinan-shizhong-signing',
      '--region',
      'shandong-jinan-shizhong',
      '--root',
      root,
      '--write',
    ]);
    const result = await runImport(args, { stdin: paste('经五教育集团：济南市经五小学、济南市经纬小学。') });
    expect(result.code).toBe(0);
    expect(result.plan!.questions).toEqual([
      expect.objectContaining({
        kind: 'school',
        text: '济南市经五小学',
        candidates: [{ id: 'jinan-jingwulu-primary', name: '济南市经五路小学' }],
      }),
    ]);
    expect(result.output).toContain('可能是同一所');
    expect(dataFiles(root)).toEqual(before);
  });

  it('takes --same and --new as answers', async () => {
    const root = freshDataset();
    await importFile(root, join(FIXTURES, 'jinan-shizhong.txt'), ['--write']);
    const base = ['-', '--source', 'jinan-shizhong-signing', '--region', 'shandong-jinan-shizhong', '--root', root];
    const same = await runImport(parseImportArgs([...base, '--same', '济南市经五小学=jinan-jingwulu-primary']), {
      stdin: paste('经五教育集团：济南市经五小学、济南市经纬小学。'),
    });
    expect(same.plan!.questions).toEqual([]);
    expect(same.plan!.newSchools).toEqual([]);
    expect(same.plan!.matched).toContainEqual(
      expect.objectContaining({ text: '济南市经五小学', id: 'jinan-jingwulu-primary', via: '编辑确认' }),
    );
    const fresh = await runImport(parseImportArgs([...base, '--new', '济南市经五小学']), {
      stdin: paste('经五教育集团：济南市经五小学、济南市经纬小学。'),
    });
    expect(fresh.plan!.newSchools.map((s) => s.name)).toEqual(['济南市经五小学']);
  });

  it('refuses to write when the validator would fail, and names the problem', async () => {
    const root = freshDataset();
    const before = dataFiles(root);
    const result = await importFile(root, join(FIXTURES, 'jinan-shizhong.txt'), ['--write', '--date', '2024年4月']);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/校验没有通过.*\n.*data\/groups\.csv:\d+:\d+: 错误：列 founded/);
    expect(dataFiles(root)).toEqual(before);
  });
});

describe('on a terminal', () => {
  it('asks about each close match and uses the answer', async () => {
    const root = freshDataset();
    await importFile(root, join(FIXTURES, 'jinan-shizhong.txt'), ['--write']);
    const asked: string[] = [];
    const result = await runImport(
      parseImportArgs(['-', '--source', 'jinan-shizhong-signing', '--region', 'shandong-jinan-shizhong', '--root', root, '--write']),
      {
        stdin: () => Promise.resolve(new TextEncoder().encode('经五教育集团：济南市经五小学、济南市经纬小学、济南市经七路小学\n')),
        ask: (plan) => {
          asked.push(...plan.questions.map((q) => q.text));
          return Promise.resolve(new Map(plan.questions.map((q) => [q.key, 'jinan-jingwulu-primary'])));
        },
      },
    );
    expect(asked).toEqual(['济南市经五小学']);
    expect(result.code, result.output).toBe(0);
    expect(result.plan!.newSchools.map((s) => s.name)).toEqual(['济南市经七路小学']);
    expect(result.plan!.memberships.filter((m) => m.status === 'new').map((m) => m.school)).toEqual(['jinan-jingqilu-primary']);
  });
});

describe('bad input', () => {
  it('names what is wrong instead of crashing', async () => {
    const root = freshDataset();
    expect(() => parseImportArgs(['list.txt'])).toThrow(UsageError);
    expect(() => parseImportArgs(['list.txt'])).toThrow(/--source/);
    await expect(importFile(root, join(root, 'missing.xlsx'))).rejects.toThrow(/missing\.xlsx：文件不存在/);
    writeFileSync(join(root, 'fake.xlsx'), 'not a spreadsheet');
    await expect(importFile(root, join(root, 'fake.xlsx'))).rejects.toThrow(InputError);
    writeFileSync(join(root, 'plain.txt'), '今天天气很好。\n');
    const none = await importFile(root, join(root, 'plain.txt'));
    expect(none.code).toBe(1);
    expect(none.output).toMatch(/plain\.txt 里没有找到集团名单/);
    await expect(runImport(parseImportArgs([join(FIXTURES, 'jinan-shizhong.txt'), '--source', 'nowhere', '--root', root]))).rejects.toThrow(
      /来源 nowhere 不在 data\/sources\.csv/,
    );
  });
});
