/**
 * What a source leaves unsaid, kept unsaid (issue 26): the portal fixture plus
 * tests/fixtures/contract/ (a repost, a compilation, an unnamed group, a partial member list,
 * an inferred lead, figures written 约900所 and 2—4个, figures for one stage), read through
 * the view models every page, search record, JSON-LD and download is built from.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { allCharts } from '../../src/lib/charts/charts.ts';
import { buildCoverage, STAGE_NOT_STATED } from '../../src/lib/coverage/coverage.ts';
import { groupFits, schoolFits } from '../../src/lib/coverage/stages.ts';
import { coverageTable, regionCoverageLine } from '../../src/lib/coverage/view.ts';
import { stripBom } from '../../src/lib/csv/bom.ts';
import { groupCountSummary } from '../../src/lib/data/editorial.ts';
import { statisticText } from '../../src/lib/data/format.ts';
import { groupJsonLd } from '../../src/lib/data/json-ld.ts';
import { indexDataset } from '../../src/lib/data/queries.ts';
import { groupLabels, unnamedGroupLabel } from '../../src/lib/group-label.ts';
import { recordJsonFiles } from '../../src/lib/open-data/json-records.ts';
import { parseQuantity } from '../../src/lib/quantity.ts';
import { searchRecord } from '../../src/lib/search/record.ts';
import { formatProblem } from '../../src/lib/problem.ts';
import { readProjectFiles } from '../../src/lib/validate/read-project.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { groupView } from '../../src/lib/views/group.ts';
import { memberCountWords, membershipMarks, schoolAsListed } from '../../src/lib/views/marks.ts';
import { schoolView } from '../../src/lib/views/school.ts';
import { sourceFacts } from '../../src/lib/views/sources.ts';
import { assembleDataset } from '../fixture-data.ts';

const root = mkdtempSync(join(tmpdir(), 'contract-marks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
assembleDataset(root, ['tests/fixtures/contract']);
const { dataset, problems } = validateProject(readProjectFiles(root));
const idx = indexDataset(dataset);
const abs = (p: string) => `https://example.org${p}`;

describe('the contract fixture', () => {
  it('is valid on top of the portal fixture', () => expect(problems.map(formatProblem)).toEqual([]));
});

describe('a group the source does not name', () => {
  it('is called after its lead and the source’s word for the role, and the CSV keeps the blank', () => {
    const g = idx.group.get('nanjing-lixue-group')!;
    expect(g.name).toBeUndefined();
    expect(g.label).toBe('以南京市力学小学为领衔校的教育集团（来源未写名称）');
    expect(unnamedGroupLabel('南京市力学小学')).toBe('以南京市力学小学为牵头校的教育集团（来源未写名称）');
  });

  it('never gets an empty label, even before its lead is recorded', () => {
    const labels = groupLabels(
      [
        { id: 'g', name: undefined },
        { id: 'h', name: '某集团' },
      ],
      [],
      () => undefined,
    );
    expect([...labels.values()]).toEqual(['集团 g（来源未写名称）', '某集团']);
  });

  it('carries the label to its page, search record, JSON-LD and record JSON', () => {
    const label = '以南京市力学小学为领衔校的教育集团（来源未写名称）';
    expect(groupView(idx, 'nanjing-lixue-group').description).toContain(label);
    expect(searchRecord(dataset, 'group', 'nanjing-lixue-group')!.title).toBe(label);
    const ld = groupJsonLd(idx, idx.group.get('nanjing-lixue-group')!, abs);
    expect(ld.name).toBe(label);
    expect(ld.description).toContain('来源没有写集团名称');
    const json = [...recordJsonFiles(idx)].find((f) => f.path === 'groups/nanjing-lixue-group.json')!;
    const body = JSON.parse(json.body) as Record<string, unknown>;
    expect(body.label).toBe(label);
    expect(body).not.toHaveProperty('name');
    expect(body.reported_members).toMatchObject({ text: '2—4', min: 2, max: 4 });
  });
});

describe('a member list shown in part, and counts as written', () => {
  it('says 来源只列出部分成员 instead of a bare count, and keeps 2—4 and 4 as written', () => {
    expect(groupView(idx, 'hefei-no1-group').memberWords).toBe('来源只列出部分成员：本站列出 3 所学校；来源报告成员4所');
    expect(groupView(idx, 'nanjing-lixue-group').memberWords).toBe('来源只列出部分成员：本站列出 1 所学校；来源报告成员2—4所');
    expect(groupView(idx, 'tongxiang-liuzhong-group').memberWords).toBe('2 所学校（来源列出了全部成员）');
    const card = searchRecord(dataset, 'group', 'hefei-no1-group')!.lines.join(' ');
    expect(card).toContain('来源只列出部分成员');
    expect(card).not.toMatch(/成员数 \d/);
  });

  it('words every case of members_listed', () => {
    const q = parseQuantity('约900')!;
    expect(memberCountWords({ members_listed: undefined, reported_members: undefined }, 2, '2 所学校')).toBe('已列出 2 所学校');
    expect(memberCountWords({ members_listed: 'partial', reported_members: q }, 0, '')).toBe('来源未列出成员名单；来源报告成员约900所');
  });
});

describe('what the group calls a member, an inferred lead, notes', () => {
  it('shows 合肥北城中学（集团称“北城分校”） on the group, the school and its search card', () => {
    const row = groupView(idx, 'hefei-no1-group').current.find((r) => r.school.id === 'hefei-beicheng')!;
    expect(schoolAsListed(row.school.name, row.membership.listed_as)).toBe('合肥北城中学（集团称“北城分校”）');
    expect(row.marks.listedAs).toBe('（集团称“北城分校”）');
    expect(schoolView(idx, 'hefei-beicheng').history[0]!.membership.listed_as).toBe('北城分校');
    expect(searchRecord(dataset, 'school', 'hefei-beicheng')!.lines.join(' ')).toContain('合肥一中教育集团（成员校，集团称“北城分校”）');
    const ld = groupJsonLd(idx, idx.group.get('hefei-no1-group')!, abs) as { member: { name: string; alternateName?: string }[] };
    expect(ld.member.find((m) => m.name === '合肥北城中学')?.alternateName).toBe('北城分校');
  });

  it('marks an inferred lead and keeps its note beside it', () => {
    const view = groupView(idx, 'tongxiang-liuzhong-group');
    expect(view.leadMarks).toMatchObject({ inferred: true, note: '来源把它排在名单第一位，没有写明牵头校。' });
    expect(view.description).toContain('牵头校桐乡市六中实验中学（推断）');
    expect(view.stage?.term).toBe('初中');
    expect(searchRecord(dataset, 'group', 'tongxiang-liuzhong-group')!.lines.join(' ')).toContain('牵头校 桐乡市六中实验中学（推断）');
    expect(membershipMarks({ basis: 'inferred', note: '按排序', listed_as: undefined }).words).toBe('推断：按排序');
    expect(membershipMarks({ basis: 'stated', note: '仅简称', listed_as: undefined }).words).toBe('仅简称');
  });

  it('shows every membership note on the group page', () => {
    const notes = groupView(idx, 'hefei-no1-group').current.map((r) => r.marks.note);
    expect(notes).toContain('测试用：来源只写了简称。');
  });
});

describe('where a source was read', () => {
  const facts = (id: string) =>
    sourceFacts(idx, idx.source.get(id)!, (s) => `/sources/#${s}`).map((f) => `${f.label}：${f.parts.map((p) => p.text).join('')}`);

  it('names the original publisher, date and URL of a repost, and the day the copy was read', () => {
    expect(facts('contract-repost')).toEqual([
      '类型：名单',
      '发布者（读到的副本）：范文范（转载）',
      '日期：2021年3月',
      '原始发布者：合肥市教育局',
      '原文日期：2020年12月29日',
      '原文网址：https://example.org/hefei-jyj/2020-12-29',
      '读取网址：https://example.org/fanwenfan/hefei（2026-12-01 读取）',
    ]);
  });

  it('names the compilation a page was read through, with its version', () => {
    expect(facts('contract-gulou')).toContain('经由数据汇编：全国教育集团名单汇编（测试）（版本 abc1234，2026-12-02 读取）');
    // Its URL was not opened by the editor, so it is not called the URL read.
    expect(facts('contract-gulou').find((f) => f.includes('example.org'))).toMatch(/^网址：.*本站没有直接打开/);
    expect(facts('contract-digest')).toContain('版本：abc1234');
    expect(facts('contract-digest')).toContain('类型：数据汇编');
  });
});

describe('figures as written, compared like with like', () => {
  const cov = buildCoverage(idx);

  it('keeps 约900所 and 2—4个 in their form', () => {
    const text = (region: string) =>
      dataset.statistics.filter((s) => s.region === region).map((s) => statisticText(s, idx.metric.get(s.metric)!.unit));
    expect(text('zhejiang-jiaxing-tongxiang')).toEqual(['约900所']);
    expect(text('anhui')).toEqual(['2—4个']);
    expect(statisticText({ value: 2, value_max: 4, qualifier: 'eq' }, 'count')).toBe('2–4');
  });

  it('sets 合肥’s 21 普通高中 schools against the listed senior high schools only', () => {
    const hf = cov.byId.get('anhui-hefei')!;
    expect(hf.listed.participatingSchools).toBe(3);
    expect(hf.schools).toMatchObject({ listed: 2, reported: 21, stageLabel: '普通高中', uncertain: 1, shareText: '9.5%' });
    expect(regionCoverageLine(hf).text).not.toContain('14.3%');
  });

  it('gives a figure of unstated stage no percentage, and says why', () => {
    const tx = cov.byId.get('zhejiang-jiaxing-tongxiang')!;
    expect(tx.schools).toBeUndefined();
    expect(tx.notComparable.schools).toBe(STAGE_NOT_STATED);
    expect(coverageTable(cov).find((r) => r.id === 'zhejiang-jiaxing-tongxiang')!.schools).toMatchObject({
      text: '2；来源报告 约900所（不可比）',
      notComparable: STAGE_NOT_STATED,
    });
  });

  it('says a 20余 figure’s share is at most, and a range’s share is a range', () => {
    expect(cov.byId.get('jiangsu-nanjing')!.groups).toMatchObject({ listed: 1, shareText: '<5%' });
    expect(cov.byId.get('anhui')!.groups).toMatchObject({ listed: 1, shareText: '25%–50%' });
  });

  it('says in a chart’s words and download which stage a figure covers, in the source’s wording', () => {
    const charts = allCharts(dataset, { siteName: '测试', chartUrl: (id) => `https://example.org/statistics/${id}/` });
    const hefei = charts.byId.get('anhui-hefei--participating-schools')!;
    expect(hefei.description).toBe('合肥市参与集团化办学的学校数为21所（普通高中，2021年6月）。');
    const [header, row] = Papa.parse<string[]>(stripBom(hefei.csv), { skipEmptyLines: true }).data;
    expect(['wording', 'stage'].map((c) => row![header!.indexOf(c)])).toEqual(['21所', 'senior-general']);
  });

  it('says on a region page which stage a reported group count covers', () => {
    expect(groupCountSummary(idx, 'jiangsu-nanjing-gulou').words).toBe('小学教育集团：来源报告 13个，本站已收录 1 个');
  });

  it('decides which schools and groups a stage takes in', () => {
    expect(['senior', 'complete', 'junior', 'secondary', 'unknown'].map((s) => schoolFits(s, 'senior-general'))).toEqual([
      'in',
      'in',
      'out',
      'maybe',
      'maybe',
    ]);
    expect(schoolFits('secondary', 'primary')).toBe('out');
    expect(groupFits('junior', [], 'compulsory')).toBe('in');
    expect(groupFits(undefined, ['primary', 'junior'], 'junior')).toBe('maybe');
    expect(groupFits(undefined, ['primary'], 'junior')).toBe('out');
    expect(groupFits(undefined, [], 'junior')).toBe('maybe');
  });
});
