/** The importer's pure parts: names, ids, close matches, prose shapes, tables, the CSV writer, campuses. */
import { describe, expect, it } from 'vitest';
import { parseColumnsFlag, readTable } from '../../src/lib/import/columns.ts';
import { groupSlug, schoolSlug } from '../../src/lib/import/ids.ts';
import type { Table } from '../../src/lib/import/model.ts';
import { cleanName, splitNames, stageOf, unitOf } from '../../src/lib/import/names.ts';
import { makePlan, nearlySame } from '../../src/lib/import/plan.ts';
import { readProse } from '../../src/lib/import/prose.ts';
import { readCsv, readHtml, readText } from '../../src/lib/import/read.ts';
import { appendRows } from '../../src/lib/import/write.ts';
import { readProjectFiles } from '../../src/lib/validate/read-project.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';

const lines = (text: string) => readText('t.txt', text).lines;
const names = (list: { text: string }[]) => list.map((n) => n.text);

describe('names', () => {
  it('moves bracketed notes to the note and former names to former_names; keeps a bracketed campus', () => {
    expect(cleanName('3. 郑州市第一百零二初级中学（暂定名）')).toEqual({
      name: '郑州市第一百零二初级中学',
      notes: ['暂定名'],
      formerNames: [],
    });
    expect(cleanName('济南市经纬小学(原济南市经纬路小学)')).toEqual({
      name: '济南市经纬小学',
      notes: [],
      formerNames: ['济南市经纬路小学'],
    });
    expect(cleanName('郑州市第五十七中学（长江路校区）').name).toBe('郑州市第五十七中学长江路校区');
    // A name is written as the source writes it: no traditional → simplified, no numerals.
    expect(cleanName('濟南育英中學').name).toBe('濟南育英中學');
    expect(cleanName('乾县第一中学').name).toBe('乾县第一中学');
  });
  it('splits a cell on 、 ， ; and line breaks, not inside brackets', () => {
    expect(splitNames('甲小学、乙小学（含A、B校区）\n丙中学；和丁中学等')).toEqual(['甲小学', '乙小学（含A、B校区）', '丙中学', '丁中学']);
  });
  it('reads stage and unit from the name', () => {
    expect(['济南实验初级中学', '济南育英中学', '济南市经五路小学', '苏州高新区实验小学校', '西湖学校'].map(stageOf)).toEqual([
      'junior',
      'secondary',
      'primary',
      'primary',
      'unknown',
    ]);
    expect(unitOf('济南泉景中学小学部')).toEqual({ unit: 'division', school: '济南泉景中学', part: '小学部' });
    expect(unitOf('金山路校区')).toEqual({ unit: 'campus', school: '', part: '金山路校区' });
    expect(unitOf('济南市经五路小学').unit).toBe('school');
  });
});

describe('ids', () => {
  const regions = ['郑州市中原区', '郑州市', '中原区', '郑州', '济南市', '济南'];
  it('follow the existing convention', () => {
    expect(schoolSlug('济南市经五路小学', 'jinan', regions)).toBe('jinan-jingwulu-primary');
    expect(schoolSlug('济南第六十八中学', 'jinan', regions)).toBe('jinan-no68-middle');
    expect(schoolSlug('郑州市第十九初级中学', 'zhengzhou', regions)).toBe('zhengzhou-no19-junior');
    expect(groupSlug('郑州市第十九初级中学教育集团', 'zhengzhou', regions)).toBe('zhengzhou-no19-junior-group');
    expect(groupSlug('育英教育集团联盟学校', 'jinan', regions)).toBe('jinan-yuying-alliance');
    expect(groupSlug('郑州市第五十七中学教育发展共同体', 'zhengzhou', regions)).toBe('zhengzhou-no57-middle-community');
  });
});

describe('close names', () => {
  it('a missing or extra character is close; a different number or a different school word is not', () => {
    expect(nearlySame('经5路小', '经5小')).toBe(true);
    expect(nearlySame('南上山街小', '南上山小')).toBe(true);
    expect(nearlySame('经5路小', '经8路小')).toBe(false);
    expect(nearlySame('育秀中', '育秀小')).toBe(false);
    expect(nearlySame('育英中', '育秀中')).toBe(false);
  });
});

describe('prose', () => {
  it('reads 以X为龙头校，A、B为成员校 after the group name', () => {
    const {
      groups: [g],
    } = readProse(lines('经五教育集团以经五路小学为龙头校，经八路小学、经纬小学为成员校。'));
    expect(g!.name).toBe('经五教育集团');
    expect(names(g!.lead)).toEqual(['经五路小学']);
    expect(names(g!.members)).toEqual(['经八路小学', '经纬小学']);
    expect(g!.leadTerm).toBe('龙头校');
  });
  it('reads 以X为龙头，首批成员单位为——A、B、C', () => {
    const {
      groups: [g],
    } = readProse(
      lines(
        '2023年9月，组建郑州市第十九初级中学教育集团，以郑州市第十九初级中学为龙头，首批成员单位为——郑州市第六十四中学、郑州市中原区西岗中学、郑州市第二十一中学。',
      ),
    );
    expect(g!.name).toBe('郑州市第十九初级中学教育集团');
    expect(names(g!.lead)).toEqual(['郑州市第十九初级中学']);
    expect(names(g!.members)).toEqual(['郑州市第六十四中学', '郑州市中原区西岗中学', '郑州市第二十一中学']);
  });
  it('reads a group name followed by a numbered list, and ignores the rest of an article', () => {
    const { groups: found } = readProse(
      lines('各校区情况如下。\n苏州高新区实验小学校教育集团\n1. 金山路校区\n2. 科技城校区（暂定名）\n祝越来越好！'),
    );
    expect(found.map((g) => [g.name, names(g.members)])).toEqual([
      ['苏州高新区实验小学校教育集团', ['金山路校区', '科技城校区（暂定名）']],
    ]);
  });
});

describe('tables', () => {
  const table = (rows: string[][]): Table => ({ rows: rows.map((cells, i) => ({ at: { file: 'x.csv', line: i + 1 }, cells })) });
  it('skips a title row, says which column it took, and carries a group down blank (merged) cells', () => {
    const r = readTable(
      table([
        ['2024年集团名单', '', '', ''],
        ['集团名称', '学校名称', '角色', '所在区县'],
        ['经五教育集团', '经五路小学', '牵头校', '市中区'],
        ['', '经八路小学', '成员校', ''],
      ]),
    );
    expect(r.error).toBeUndefined();
    expect(r.columns.map((c) => [c.header, c.role])).toEqual([
      ['集团名称', 'group'],
      ['学校名称', 'school'],
      ['角色', 'role'],
      ['所在区县', 'region'],
    ]);
    expect(r.groups).toHaveLength(1);
    expect(names(r.groups[0]!.lead)).toEqual(['经五路小学']);
    expect(names(r.groups[0]!.members)).toEqual(['经八路小学']);
    expect(r.groups[0]!.region).toBe('市中区');
  });
  it('asks for --columns when it cannot tell, and takes it', () => {
    const t = table([['经五教育集团', '经五路小学、经八路小学']]);
    expect(readTable(t).error).toMatch(/--columns/);
    const forced = parseColumnsFlag('集团=A,成员=B');
    const r = readTable(t, forced.map);
    expect(r.groups.map((g) => [g.name, names(g.members)])).toEqual([['经五教育集团', ['经五路小学', '经八路小学']]]);
    expect(parseColumnsFlag('甲=B').error).toMatch(/看不懂/);
  });
  it('reads CSV and HTML cells with their lines; <br> separates members', () => {
    expect(readCsv('a.csv', 'x,y\n"a\nb",c\n').tables[0]!.rows.map((r) => r.at.line)).toEqual([1, 2]);
    const doc = readHtml('a.html', '<p>标题</p>\n<table>\n<tr><td>A<br>B</td></tr>\n</table>\n<p>尾</p>');
    expect(doc.tables[0]!.rows[0]).toEqual({ at: { file: 'a.html', line: 3 }, cells: ['A\nB'] });
    expect(doc.lines.map((l) => l.text)).toEqual(['标题', '尾']);
  });
});

describe('the CSV writer', () => {
  it("keeps the file's column order, CRLF line endings and BOM, and quotes what needs it", () => {
    const existing = new TextEncoder().encode(
      '\uFEFFgroup,school,role,role_term,joined,left,source,note,listed_as,basis\r\na,b,lead,,,,s,,,\r\n',
    );
    const out = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      appendRows(existing, 'memberships', [{ group: 'g', school: 'x', role: 'member', source: 's', note: '甲,乙' }]),
    );
    expect(out).toBe(
      '\uFEFFgroup,school,role,role_term,joined,left,source,note,listed_as,basis\r\na,b,lead,,,,s,,,\r\ng,x,member,,,,s,"甲,乙",,\r\n',
    );
  });
});

describe('campuses written without their school', () => {
  it('become campuses of the group’s school; （暂定名） goes to the note', () => {
    const { dataset } = validateProject(readProjectFiles('tests/fixtures/import/dataset'));
    const listed = readProse(lines('郑州市第五十七中学教育集团\n1. 金山路校区（暂定名）')).groups;
    const plan = makePlan(dataset, listed, { source: 'henan-media-visit', region: 'henan-zhengzhou' });
    expect(plan.newSchools).toEqual([
      expect.objectContaining({
        name: '郑州市第五十七中学金山路校区',
        unit: 'campus',
        parent: 'zhengzhou-no57-middle',
        id: 'zhengzhou-no57-middle-jinshanlu-campus',
      }),
    ]);
    expect(plan.rows.schools![0]!.note).toContain('暂定名');
    expect(plan.memberships.find((m) => m.school === 'zhengzhou-no57-middle-jinshanlu-campus')?.role).toBe('campus');
    expect(plan.groups[0]).toMatchObject({ id: 'zhengzhou-no57-middle-group', status: 'existing' });
  });
  it('resolves region names (郑州市中原区, 中原区) and warns on an unknown one', () => {
    const { dataset } = validateProject(readProjectFiles('tests/fixtures/import/dataset'));
    const table: Table = {
      rows: [
        ['集团名称', '成员学校', '所在区县'],
        ['甲小学教育集团', '甲小学', '郑州市中原区'],
        ['乙小学教育集团', '乙小学', '中原区'],
        ['丙小学教育集团', '丙小学', '火星区'],
      ].map((cells, i) => ({ at: { file: 'r.csv', line: i + 1 }, cells })),
    };
    const plan = makePlan(dataset, readTable(table).groups, { source: 'henan-media-visit', region: 'henan-zhengzhou' });
    expect(plan.groups.map((g) => g.region)).toEqual(['henan-zhengzhou-zhongyuan', 'henan-zhengzhou-zhongyuan', 'henan-zhengzhou']);
    expect(plan.warnings.map((w) => w.message)).toEqual([expect.stringContaining('火星区')]);
  });
  it('takes the region a name starts with when the list has no region column', () => {
    const { dataset } = validateProject(readProjectFiles('tests/fixtures/import/dataset'));
    const listed = readProse(
      lines('郑州市中原区甲路小学教育集团：郑州市中原区甲路小学、郑州市乙路小学\n郑州市第九十九中学教育集团：郑州市第九十九中学'),
    ).groups;
    const plan = makePlan(dataset, listed, { source: 'henan-media-visit' });
    expect(plan.groups.map((g) => [g.id, g.region])).toEqual([
      ['zhengzhou-jialu-primary-group', 'henan-zhengzhou-zhongyuan'],
      ['zhengzhou-no99-middle-group', 'henan-zhengzhou'],
    ]);
    expect(plan.newSchools.map((s) => [s.name, s.region])).toEqual([
      ['郑州市中原区甲路小学', 'henan-zhengzhou-zhongyuan'],
      ['郑州市乙路小学', 'henan-zhengzhou-zhongyuan'],
      ['郑州市第九十九中学', 'henan-zhengzhou'],
    ]);
    expect(plan.warnings).toEqual([]);
  });
});
