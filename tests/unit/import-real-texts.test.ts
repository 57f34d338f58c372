/**
 * The importer on real published texts (tests/fixtures/import/real, provenance in
 * /work/research/texts and fixtures.ts): each imports, in order, into a dataset of regions
 * only, and must add exactly the rows the source gives (expected.json: compact rows, see
 * rows.ts) — 0 hand edits — and a second import adds nothing. Then the name-safety rules of
 * issue 30 and the time bounds for prose and planning.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseImportArgs, runImport } from '../../scripts/import.ts';
import { listGroups, makePlan } from '../../src/lib/import/index.ts';
import { literalKey, looseKey } from '../../src/lib/import/names.ts';
import type { TextLine } from '../../src/lib/import/model.ts';
import { readProse } from '../../src/lib/import/prose.ts';
import { readText } from '../../src/lib/import/read.ts';
import { readProjectFiles } from '../../src/lib/validate/read-project.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { realFixtures } from '../fixtures/import/real/fixtures.ts';
import { addedRows, handEdits, snapshot } from '../fixtures/import/real/rows.ts';

const REAL = 'tests/fixtures/import/real';
const expected = JSON.parse(readFileSync(join(REAL, 'expected.json'), 'utf8')) as Record<string, { rows: string[]; answers: string[] }>;
const root = mkdtempSync(join(tmpdir(), 'import-real-'));
cpSync(join(REAL, 'dataset'), root, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const importArgs = (file: string, region: string, answers: string[]) =>
  parseImportArgs([
    join(REAL, file),
    '--source',
    'real-texts',
    '--region',
    region,
    '--root',
    root,
    '--write',
    ...answers.flatMap((a) => ['--new', a]),
  ]);

describe('real texts import as published', () => {
  for (const f of realFixtures) {
    it(`${f.file}: the rows the source gives, with 0 hand edits; a second import adds nothing`, async () => {
      const want = expected[f.file]!;
      const before = snapshot(root);
      const first = await runImport(importArgs(f.file, f.region, want.answers));
      expect(first.code, first.output).toBe(0);
      const rows = addedRows(before, snapshot(root));
      expect(handEdits(rows, want.rows), rows.join('\n')).toBe(0);
      const again = snapshot(root);
      await runImport(importArgs(f.file, f.region, want.answers));
      expect(addedRows(again, snapshot(root))).toEqual([]);
    });
  }
});

/** One line given straight to the prose reader, whatever length limits the readers apply first. */
const oneLine = (text: string): TextLine[] => [{ at: { file: 't.txt', line: 1 }, text }];

describe('what a text leaves out is reported, not made up', () => {
  it('a list cut off at the end of the text: the last item is reported with file:line and not written', () => {
    const gulou = readText('gulou.txt', readFileSync(join(REAL, 'gulou.txt'), 'utf8'));
    const { groups, warnings } = listGroups(gulou);
    expect(warnings.map((w) => `${w.at?.file}:${w.at?.line}`)).toEqual(['gulou.txt:12']);
    expect(warnings[0]!.message).toContain('力人学');
    expect(groups.flatMap((g) => [...g.lead, ...g.members]).map((m) => m.text)).not.toContain('力人学');
    const lixue = groups.find((g) => g.name === '力学小学教育集团')!;
    expect(lixue).toMatchObject({ partial: true, reported: '2—4' });
  });
  it('groups known by their lead only have no name, and a lead', () => {
    const { groups } = listGroups(readText('gulou.txt', readFileSync(join(REAL, 'gulou.txt'), 'utf8')));
    const unnamed = groups.filter((g) => g.unnamed);
    expect(unnamed).toHaveLength(11);
    for (const g of unnamed) expect(g).toMatchObject({ name: '', partial: true, reported: '2—4', members: [] });
    expect(unnamed.map((g) => g.lead[0]!.text)).toContain('南京市琅琊路小学');
  });
  it('集团本部 is the lead and Y分校(Z) is Z, listed as Y分校', () => {
    const { groups } = listGroups(readText('hefei-2020.txt', readFileSync(join(REAL, 'hefei-2020.txt'), 'utf8')));
    const yizhong = groups.find((g) => g.name === '合肥一中教育集团')!;
    expect(yizhong.lead).toEqual([expect.objectContaining({ text: '合肥一中', listedAs: '集团本部' })]);
    expect(yizhong.members.map((m) => [m.text, m.listedAs])).toEqual([
      ['合肥北城中学', '北城分校'],
      ['合肥三十二中', '包河分校'],
      ['肥东二中', '肥东分校'],
    ]);
    expect(groups.flatMap((g) => [...g.lead, ...g.members]).map((m) => m.text)).not.toContain('集团本部');
  });
});

describe('names are data (issue 30)', () => {
  it('八一, 七一, 五四, 二七 are names: 郑州市八一中学 is not 郑州市第八十一中学, not even probably', () => {
    expect(looseKey('郑州市八一中学')).not.toBe(looseKey('郑州市第八十一中学'));
    expect(looseKey('郑州市第十九中学')).toBe(looseKey('郑州市第19中学'));
    const dataset = validateProject(readProjectFiles(join(REAL, 'dataset'))).dataset;
    const plan = makePlan(dataset, listGroups(readText('t.txt', '郑州某教育集团：郑州市第八十一中学、郑州市八一中学')).groups, {
      source: 'real-texts',
      region: 'henan-zhengzhou',
    });
    expect(plan.matched.map((m) => m.text)).toEqual(['郑州市八一中学']);
    expect(plan.newSchools.map((s) => s.name)).toEqual(['郑州市第八十一中学']);
    expect(plan.questions).toEqual([]);
  });
  it('never rewrites a name: 乾县第一中学 stays 乾县, a traditional name stays traditional', () => {
    const dataset = validateProject(readProjectFiles(join(REAL, 'dataset'))).dataset;
    const { groups } = listGroups(readText('t.txt', '乾县教育集团：乾县第一中学、於陵小学、著名中學'));
    const plan = makePlan(dataset, groups, { source: 'real-texts', region: 'henan-zhengzhou' });
    expect(plan.newSchools.map((s) => s.name)).toEqual(['乾县第一中学', '於陵小学', '著名中學']);
  });
  it('a match that rests on a conversion is only probable: asked, not taken', () => {
    expect(literalKey('合肥市第一中学')).toBe(`合肥市${literalKey('一中')}`);
    const dataset = validateProject(readProjectFiles(join(REAL, 'dataset'))).dataset;
    const plan = makePlan(dataset, listGroups(readText('t.txt', '某某教育集团：鄭州市八一中學')).groups, {
      source: 'real-texts',
      region: 'henan-zhengzhou',
    });
    expect(plan.matched).toEqual([]);
    expect(plan.questions.map((q) => q.candidates[0]!.name)).toEqual(['郑州市八一中学']);
  });
});

describe('regions', () => {
  const dataset = () => validateProject(readProjectFiles(join(REAL, 'dataset'))).dataset;
  it('an exact full name reuses the school that exists, in any region', () => {
    const plan = makePlan(dataset(), listGroups(readText('t.txt', '某某教育集团：郑州市八一中学、济南市甲乙小学')).groups, {
      source: 'real-texts',
      region: 'shandong-jinan-shizhong',
    });
    expect(plan.matched.map((m) => m.id)).toEqual(['zhengzhou-bayi-middle']);
    expect(plan.newSchools.map((s) => s.name)).toEqual(['济南市甲乙小学']);
  });
  it('a name that carries its city or county is placed there whatever --region says, with a warning', () => {
    const plan = makePlan(
      dataset(),
      listGroups(readText('t.txt', '合肥市第八中学教育集团：肥西县农兴中学、英德市连江中学、安徽省肥西中学')).groups,
      { source: 'real-texts', region: 'anhui-hefei' },
    );
    expect(plan.newSchools.map((s) => [s.name, s.region])).toEqual([
      ['肥西县农兴中学', 'anhui-hefei-feixi'],
      ['英德市连江中学', 'guangdong-qingyuan-yingde'],
      ['安徽省肥西中学', 'anhui-hefei'],
    ]);
    // Inside --region (肥西县 is in 合肥市) needs no warning; another province does.
    expect(plan.warnings.map((w) => w.message).filter((m) => m.includes('写明了所在地'))).toEqual([expect.stringContaining('英德市')]);
  });
  it('the same group under its short and full name is one group; 长丰一中 is not 合肥一中', () => {
    const first = makePlan(
      dataset(),
      listGroups(readText('a.txt', '合肥一中教育集团辖2所学校,包括集团本部、长丰分校(长丰一中)。')).groups,
      {
        source: 'real-texts',
        region: 'anhui-hefei',
      },
    );
    expect(first.matched.map((m) => m.id)).toEqual(['hefei-no1-middle']);
    expect(first.newSchools.map((s) => [s.name, s.region])).toEqual([['长丰一中', 'anhui-hefei-changfeng']]);
    expect(first.rows.memberships!.map((m) => [m.school, m.role, m.listed_as])).toEqual([
      ['hefei-no1-middle', 'lead', '集团本部'],
      ['hefei-changfeng-no1-middle', 'member', '长丰分校'],
    ]);
  });
});

describe('time bounds (issue 30)', () => {
  it('reads 57.6 kB of 以甲为龙头， in well under a second per 10 kB (was 106 s)', () => {
    const t = performance.now();
    readProse(oneLine('以甲为龙头，'.repeat(9600)));
    expect(performance.now() - t).toBeLessThan(3000);
  });
  it('reads other 57.6 kB lines built from its keywords in linear time too', () => {
    for (const unit of ['包括', '集团(', '1234', '由甲、', '为龙头', '甲教育集团：', '辖1所', '以']) {
      const t = performance.now();
      readProse(oneLine(unit.repeat(Math.ceil(57_600 / unit.length))));
      expect(performance.now() - t, unit).toBeLessThan(3000);
    }
  });
  it('plans 20,000 schools in about linear time (the old planner took 109 s on this input), and lists 1,000,000 rows without a stack overflow', () => {
    const dataset = validateProject(readProjectFiles(join(REAL, 'dataset'))).dataset;
    // Names with and without digits: the close-name index files both kinds.
    const rows = Array.from(
      { length: 10_000 },
      (_, i) =>
        `济南某${i}教育集团：济南市第${i + 1}小学、济南市${String.fromCodePoint(0x4e00 + i)}${String.fromCodePoint(0x4e00 + ((i * 7) % 5000))}路小学`,
    ).join('\n');
    const { groups } = listGroups(readText('big.txt', rows));
    const t = performance.now();
    const plan = makePlan(dataset, groups, { source: 'real-texts', region: 'shandong-jinan-shizhong' });
    // About 3 s on a quiet 2-core machine; 40 s leaves room for load and still fails the quadratic planner.
    expect(performance.now() - t).toBeLessThan(40_000);
    expect(plan.newSchools.length + plan.questions.length).toBeGreaterThan(19_000);
    const many = {
      file: 'x',
      tables: [
        {
          rows: Array.from({ length: 1_000_000 }, (_, i) => ({
            at: { file: 'x', line: i + 1 },
            cells: i === 0 ? ['集团名称', '学校名称'] : ['甲教育集团', `乙${i}小学`],
          })),
        },
      ],
      lines: [],
    };
    expect(listGroups(many).groups[0]!.members.length).toBe(999_999);
  }, 90_000);
});
