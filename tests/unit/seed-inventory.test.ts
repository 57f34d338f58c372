/**
 * The seed inventory: every fact carried over from the four seed documents in
 * shared/seeds/ is in the portal fixture (tests/fixtures/portal/, the frozen
 * copy of data/ and content/ that the browser and quality suites build). It
 * reads the fixture, not today's data/: an editor's valid correction of a seed
 * row must not turn the suite red; the validator and review guard the live data.
 * Counts are taken per seed source.
 */
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = new URL('../fixtures/portal/', import.meta.url);
type Row = Record<string, string>;

function csv(name: string): Row[] {
  const text = readFileSync(new URL(`data/${name}.csv`, root), 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

function frontmatter(path: string): Record<string, unknown> {
  const text = readFileSync(new URL(path, root), 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  expect(m, `${path} has frontmatter`).not.toBeNull();
  return parseYaml(m![1]!) as Record<string, unknown>;
}

const S000 = 'luohe-shiyan-plan';
const S001 = 'jinan-shizhong-signing';
const S002 = 'henan-media-visit';
const S003 = 'tianjin-opinions';

const sources = csv('sources');
const terms = csv('terms');
const metrics = csv('metrics');
const regions = csv('regions');
const schools = csv('schools');
const groups = csv('groups');
const memberships = csv('memberships');
const statistics = csv('statistics');

const byId = <T extends Row>(rows: T[]) => new Map(rows.map((r) => [r.id!, r]));
const groupById = byId(groups);
const schoolById = byId(schools);
const regionById = byId(regions);

describe('seed sources', () => {
  it('lists the four seed documents with their archive files and no invented dates', () => {
    const s = byId(sources);
    expect(s.get(S000)).toMatchObject({ kind: 'policy', date: '', url: '', archive: 'shared/seeds/000_cda2ae893d560da9.txt' });
    expect(s.get(S001)).toMatchObject({
      kind: 'news',
      date: '--04-16',
      publisher: '舜网',
      archive: 'shared/seeds/001_ee7604878f7e85c3.txt',
    });
    expect(s.get(S002)).toMatchObject({ kind: 'news', date: '2024-10-29/2025-12', archive: 'shared/seeds/002_c3d35279294ede1f.txt' });
    expect(s.get(S003)).toMatchObject({ kind: 'policy', date: '', archive: 'shared/seeds/003_798a07abeb51b72a.txt' });
  });

  it('every row of every table names a source that exists', () => {
    const ids = new Set(sources.map((r) => r.id));
    for (const [name, rows] of [
      ['schools', schools],
      ['groups', groups],
      ['memberships', memberships],
      ['statistics', statistics],
    ] as const) {
      for (const r of rows) expect(ids.has(r.source), `${name}: ${JSON.stringify(r)}`).toBe(true);
    }
    for (const r of [...regions, ...terms]) if (r.source) expect(ids.has(r.source)).toBe(true);
  });
});

describe('regions', () => {
  it('has the regions the seeds name, in the right hierarchy', () => {
    const expected: [string, string, string, string][] = [
      ['henan', '河南省', 'province', ''],
      ['henan-zhengzhou', '郑州市', 'city', 'henan'],
      ['henan-zhengzhou-erqi', '二七区', 'district', 'henan-zhengzhou'],
      ['henan-zhengzhou-zhongyuan', '中原区', 'district', 'henan-zhengzhou'],
      ['henan-xinxiang', '新乡市', 'city', 'henan'],
      ['henan-xinxiang-huojia', '获嘉县', 'district', 'henan-xinxiang'],
      ['henan-sanmenxia', '三门峡市', 'city', 'henan'],
      ['henan-sanmenxia-lingbao', '灵宝市', 'district', 'henan-sanmenxia'],
      ['henan-luohe', '漯河市', 'city', 'henan'],
      ['shandong', '山东省', 'province', ''],
      ['shandong-jinan', '济南市', 'city', 'shandong'],
      ['shandong-jinan-shizhong', '市中区', 'district', 'shandong-jinan'],
      ['tianjin', '天津市', 'province', ''],
    ];
    for (const [id, name, level, parent] of expected) expect(regionById.get(id), id).toMatchObject({ name, level, parent });
  });

  it('records Tianjin as a municipality with 16 districts reported', () => {
    expect(regionById.get('tianjin')).toMatchObject({ municipality: 'yes', reported_children: '16', source: S003 });
  });
});

describe('groups', () => {
  const expected: Record<string, { name: string; region: string; type: string; source: string }> = {
    'luohe-shiyan-middle-group': { name: '漯河市实验中学教育集团', region: 'henan-luohe', type: 'unspecified', source: S000 },
    'jinan-yuying-group': { name: '育英教育集团', region: 'shandong-jinan-shizhong', type: 'unspecified', source: S001 },
    'jinan-yuying-alliance': { name: '育英教育集团联盟学校', region: 'shandong-jinan-shizhong', type: 'alliance', source: S001 },
    'jinan-shiyan-group': { name: '实验教育集团', region: 'shandong-jinan-shizhong', type: 'unspecified', source: S001 },
    'jinan-shiyan-alliance': { name: '实验教育集团联盟学校', region: 'shandong-jinan-shizhong', type: 'alliance', source: S001 },
    'jinan-jingwu-group': { name: '经五教育集团', region: 'shandong-jinan-shizhong', type: 'unspecified', source: S001 },
    'jinan-jingshiyi-group': { name: '经十一教育集团', region: 'shandong-jinan-shizhong', type: 'unspecified', source: S001 },
    'jinan-weier-group': { name: '纬二教育集团', region: 'shandong-jinan-shizhong', type: 'unspecified', source: S001 },
    'jinan-nanshangshan-group': { name: '南上山教育集团', region: 'shandong-jinan-shizhong', type: 'unspecified', source: S001 },
    'jinan-shengli-group': { name: '胜利教育集团', region: 'shandong-jinan-shizhong', type: 'unspecified', source: S001 },
    'jinan-yuxian-group': { name: '育贤教育集团', region: 'shandong-jinan-shizhong', type: 'unspecified', source: S001 },
    'jinan-minsheng-group': { name: '民生教育集团', region: 'shandong-jinan-shizhong', type: 'unspecified', source: S001 },
    'zhengzhou-no19-junior-group': { name: '郑州市第十九初级中学教育集团', region: 'henan-zhengzhou', type: 'led', source: S002 },
    'zhengzhou-huzhulu-primary-group': {
      name: '郑州市中原区互助路小学教育集团',
      region: 'henan-zhengzhou-zhongyuan',
      type: 'unspecified',
      source: S002,
    },
    'zhengzhou-no57-middle-group': { name: '郑州市第五十七中学教育集团', region: 'henan-zhengzhou', type: 'multi-campus', source: S002 },
    'zhengzhou-no57-community': { name: '郑州市第五十七中学教育发展共同体', region: 'henan-zhengzhou', type: 'community', source: S002 },
    'huojia-no1-junior-group': {
      name: '新乡市获嘉第一初级中学教育集团',
      region: 'henan-xinxiang-huojia',
      type: 'unspecified',
      source: S002,
    },
    'huojia-kaixuanlu-primary-group': {
      name: '新乡市获嘉县凯旋路小学教育集团',
      region: 'henan-xinxiang-huojia',
      type: 'unspecified',
      source: S002,
    },
    'lingbao-no4-primary-alliance': {
      name: '三门峡市灵宝市第四小学教育联盟',
      region: 'henan-sanmenxia-lingbao',
      type: 'alliance',
      source: S002,
    },
    'lingbao-no3-primary-alliance': {
      name: '三门峡市灵宝市第三小学教育联盟',
      region: 'henan-sanmenxia-lingbao',
      type: 'alliance',
      source: S002,
    },
  };

  it('has every seed group with its name, region, type and source', () => {
    for (const [id, want] of Object.entries(expected)) expect(groupById.get(id), id).toMatchObject(want);
  });

  it('has exactly 20 groups from the seeds: 1 + 11 + 8 by source', () => {
    const count = (s: string) => groups.filter((g) => g.source === s).length;
    expect([count(S000), count(S001), count(S002), count(S003)]).toEqual([1, 11, 8, 0]);
  });

  it('keeps the figures and links the sources state', () => {
    expect(groupById.get('luohe-shiyan-middle-group')).toMatchObject({ cycle_years: '3' });
    expect(groupById.get('zhengzhou-huzhulu-primary-group')).toMatchObject({
      founded: '2016',
      reported_members: '9',
      models: 'famous-runs-new|strong-leads-weak',
    });
    expect(groupById.get('zhengzhou-huzhulu-primary-group')!.reported_members_note).toMatch(/紧密型成员校4所.*引领型成员校5所/);
    expect(groupById.get('zhengzhou-no57-community')).toMatchObject({
      reported_members: '6',
      related_group: 'zhengzhou-no57-middle-group',
    });
    expect(groupById.get('zhengzhou-no57-middle-group')).toMatchObject({ models: 'famous-new-weak' });
    expect(groupById.get('jinan-yuying-alliance')).toMatchObject({ related_group: 'jinan-yuying-group' });
    expect(groupById.get('jinan-shiyan-alliance')).toMatchObject({ related_group: 'jinan-shiyan-group' });
    for (const g of groups.filter((x) => x.source === S001)) {
      expect(g.founded, g.id).toBe('--04-16');
      expect(g.models, g.id).toBe('one-plus-x');
    }
  });

  it('does not invent founding dates where the sources give none', () => {
    for (const id of [
      'luohe-shiyan-middle-group',
      'zhengzhou-no19-junior-group',
      'zhengzhou-no57-middle-group',
      'zhengzhou-no57-community',
      'huojia-no1-junior-group',
      'huojia-kaixuanlu-primary-group',
      'lingbao-no4-primary-alliance',
      'lingbao-no3-primary-alliance',
    ])
      expect(groupById.get(id)!.founded, id).toBe('');
  });
});

describe('memberships', () => {
  /** lead / member / campus / alliance rows per group, counting only the seed source's rows. */
  const expected: Record<string, [number, number, number, number]> = {
    'luohe-shiyan-middle-group': [1, 3, 0, 0],
    'jinan-yuying-group': [1, 1, 0, 0],
    'jinan-yuying-alliance': [1, 0, 0, 1],
    'jinan-shiyan-group': [1, 1, 0, 0],
    'jinan-shiyan-alliance': [1, 0, 0, 1],
    'jinan-jingwu-group': [1, 2, 0, 0],
    'jinan-jingshiyi-group': [1, 1, 0, 0],
    'jinan-weier-group': [1, 2, 0, 0],
    'jinan-nanshangshan-group': [1, 2, 0, 0],
    'jinan-shengli-group': [1, 2, 0, 0],
    'jinan-yuxian-group': [1, 1, 0, 0],
    'jinan-minsheng-group': [1, 1, 0, 0],
    'zhengzhou-no19-junior-group': [1, 3, 0, 0],
    'zhengzhou-huzhulu-primary-group': [1, 0, 0, 0],
    'zhengzhou-no57-middle-group': [1, 0, 2, 0],
    'zhengzhou-no57-community': [1, 0, 0, 0],
    'huojia-no1-junior-group': [1, 0, 0, 0],
    'huojia-kaixuanlu-primary-group': [1, 0, 0, 0],
    'lingbao-no4-primary-alliance': [1, 0, 0, 0],
    'lingbao-no3-primary-alliance': [1, 0, 0, 0],
  };

  it.each(Object.entries(expected))('%s has its seed members by role', (group, counts) => {
    const source = groupById.get(group)!.source!;
    const rows = memberships.filter((m) => m.group === group && m.source === source);
    const by = (role: string) => rows.filter((m) => m.role === role).length;
    expect([by('lead'), by('member'), by('campus'), by('alliance')]).toEqual(counts);
  });

  const members = (group: string) =>
    memberships
      .filter((m) => m.group === group)
      .map((m) => `${m.role}:${schoolById.get(m.school!)?.name}`)
      .sort();

  it('names the members each source lists', () => {
    expect(members('luohe-shiyan-middle-group')).toEqual(
      ['lead:漯河市实验中学', 'member:丹江路学校', 'member:西湖学校', 'member:阴阳赵初中'].sort(),
    );
    expect(members('jinan-yuying-group')).toEqual(['lead:济南育英中学', 'member:济南育秀中学']);
    expect(members('jinan-yuying-alliance')).toEqual(['alliance:济南第六十八中学', 'lead:济南育英中学']);
    expect(members('jinan-shiyan-group')).toEqual(['lead:济南实验初级中学', 'member:济南泉景中学']);
    expect(members('jinan-shiyan-alliance')).toEqual(['alliance:济南第十四中学', 'lead:济南实验初级中学']);
    expect(members('jinan-jingwu-group')).toEqual(['lead:济南市经五路小学', 'member:济南市经八路小学', 'member:济南市经纬小学']);
    expect(members('jinan-jingshiyi-group')).toEqual(['lead:济南市经十一路小学', 'member:济南市陡沟小学']);
    expect(members('jinan-weier-group')).toEqual(['lead:济南市纬二路小学', 'member:济南市分水岭小学', 'member:济南市育晖小学'].sort());
    expect(members('jinan-nanshangshan-group')).toEqual(
      ['lead:济南市南上山街小学', 'member:济南市九曲小学', 'member:济南市泉海小学'].sort(),
    );
    expect(members('jinan-shengli-group')).toEqual(
      ['lead:济南市胜利大街小学', 'member:济南市育秀小学', 'member:济南泉景中学小学部'].sort(),
    );
    expect(members('jinan-yuxian-group')).toEqual(['lead:济南市育贤小学', 'member:济南市后龙小学']);
    expect(members('jinan-minsheng-group')).toEqual(['lead:济南市民生大街小学', 'member:济南市永长街回民小学']);
    expect(members('zhengzhou-no19-junior-group')).toEqual(
      ['lead:郑州市第十九初级中学', 'member:郑州市第六十四中学', 'member:郑州市中原区西岗中学', 'member:郑州市第二十一中学'].sort(),
    );
    expect(members('zhengzhou-no57-middle-group')).toEqual(['campus:102初中', 'campus:长江路中学', 'lead:郑州市第五十七中学'].sort());
  });

  it('uses the sources’ own words for roles', () => {
    const term = (group: string, school: string) => memberships.find((m) => m.group === group && m.school === school)?.role_term;
    expect(term('luohe-shiyan-middle-group', 'luohe-shiyan-middle')).toBe('核心学校');
    expect(term('zhengzhou-no19-junior-group', 'zhengzhou-no19-junior')).toBe('引领校');
    expect(term('zhengzhou-no57-community', 'zhengzhou-no57-middle')).toBe('理事长单位');
    expect(term('zhengzhou-no57-middle-group', 'zhengzhou-changjianglu-middle')).toBe('托管');
  });

  it('the 济南市中区 list names 22 entries in the nine groups, 24 with the alliance schools (the article says 18)', () => {
    const jinan = memberships.filter((m) => m.source === S001);
    const inGroups = new Set(jinan.filter((m) => !groupById.get(m.group!)!.id!.endsWith('-alliance')).map((m) => m.school));
    expect(inGroups.size).toBe(22);
    expect(new Set(jinan.map((m) => m.school)).size).toBe(24);
  });
});

describe('schools', () => {
  it('keeps units and look-alike names apart', () => {
    expect(schoolById.get('jinan-quanjing-primary-division')).toMatchObject({
      name: '济南泉景中学小学部',
      unit: 'division',
      parent_school: 'jinan-quanjing-middle',
      stage: 'primary',
    });
    expect(schoolById.get('jinan-yuxiu-middle')!.name).toBe('济南育秀中学');
    expect(schoolById.get('jinan-yuxiu-primary')!.name).toBe('济南市育秀小学');
    expect(schoolById.get('zhengzhou-changjianglu-middle')).toMatchObject({ unit: 'campus', parent_school: 'zhengzhou-no57-middle' });
    expect(schoolById.get('zhengzhou-102-junior')).toMatchObject({
      unit: 'campus',
      parent_school: 'zhengzhou-no57-middle',
      stage: 'junior',
    });
  });

  it('keeps the short names the sources use', () => {
    const aliases = (id: string) => schoolById.get(id)!.aliases!.split('|');
    expect(aliases('jinan-no68-middle')).toContain('六十八中');
    expect(aliases('jinan-no14-middle')).toContain('十四中学');
    expect(aliases('jinan-shiyan-junior')).toContain('实验初中');
    expect(aliases('zhengzhou-no19-junior')).toContain('19初');
    expect(aliases('luohe-shiyan-middle')).toContain('市实验中学');
  });

  it('does not guess a stage the name does not settle', () => {
    for (const id of ['jinan-yuying-middle', 'jinan-quanjing-middle', 'zhengzhou-no57-middle', 'luohe-shiyan-middle'])
      expect(schoolById.get(id)!.stage, id).toBe('secondary');
    for (const id of ['luohe-xihu-school', 'luohe-danjianglu-school']) expect(schoolById.get(id)!.stage, id).toBe('unknown');
  });

  it('includes the lead schools only implied by a group name', () => {
    for (const id of [
      'huojia-no1-junior',
      'huojia-kaixuanlu-primary',
      'lingbao-no4-primary',
      'lingbao-no3-primary',
      'zhengzhou-huzhulu-primary',
    ])
      expect(schoolById.get(id)?.note, id).toMatch(/集团名称|联盟名称/);
  });

  it('has 40 schools from the seeds: 4 + 24 + 12', () => {
    const count = (s: string) => schools.filter((x) => x.source === s).length;
    expect([count(S000), count(S001), count(S002)]).toEqual([4, 24, 12]);
  });
});

describe('statistics', () => {
  const expected: [region: string, metric: string, date: string, kind: string, value: number, qualifier: string][] = [
    ['henan', 'group-count', '2024-08/2025-09', 'actual', 3424, ''],
    ['henan', 'participating-schools', '2024-08/2025-09', 'actual', 11239, ''],
    ['henan', 'coverage-rate', '2024-08/2025-09', 'actual', 53, ''],
    ['henan', 'coverage-rate', '2023-12', 'derived', 29, ''],
    ['henan', 'quality-groups-provincial', '2024-10/2025-10', 'actual', 200, ''],
    ['henan-zhengzhou', 'group-count', '2024-10/2025-10', 'actual', 236, ''],
    ['henan-zhengzhou', 'participating-schools', '2024-10/2025-10', 'actual', 933, ''],
    ['henan-zhengzhou', 'coverage-rate', '2024-10/2025-10', 'actual', 69.5, ''],
    ['henan-zhengzhou', 'quality-groups-city', '2024-10/2025-10', 'actual', 71, ''],
    ['henan-zhengzhou', 'quality-groups-provincial', '2024-10/2025-10', 'actual', 38, ''],
    ['henan-zhengzhou', 'coverage-rate', '2025-12', 'target', 85, 'gte'],
    ['henan-zhengzhou', 'quality-groups-city', '2025-12', 'target', 75, 'gte'],
    ['henan-zhengzhou-erqi', 'quality-groups-provincial', '2024-10/2025-10', 'actual', 8, ''],
    ['henan-zhengzhou-erqi', 'quality-groups-city', '2024-10/2025-10', 'actual', 12, ''],
    ['henan-zhengzhou-erqi', 'coverage-rate', '2024-10/2025-10', 'derived', 100, ''],
    ['henan-zhengzhou-zhongyuan', 'group-count', '2016', 'actual', 6, ''],
    ['henan-zhengzhou-zhongyuan', 'group-count', '2024-10/2025-10', 'actual', 20, ''],
    ['shandong-jinan-shizhong', 'group-count', '--04-16', 'actual', 9, ''],
    ['shandong-jinan-shizhong', 'participating-schools', '--04-16', 'actual', 18, ''],
    ['tianjin', 'group-count', '2027', 'target', 100, ''],
    ['tianjin', 'quality-groups-city', '2027', 'target', 50, ''],
    ['tianjin', 'districts-covered', '2027', 'target', 16, ''],
  ];

  it.each(expected)('%s %s %s (%s) = %s', (region, metric, date, kind, value, qualifier) => {
    const rows = statistics.filter((s) => s.region === region && s.metric === metric && s.date === date && s.kind === kind);
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]!.value)).toBe(value);
    expect(rows[0]!.qualifier).toBe(qualifier);
  });

  it('explains the arithmetic of every derived figure and the 18-vs-list discrepancy', () => {
    const derived = statistics.find((s) => s.region === 'henan' && s.kind === 'derived')!;
    expect(derived.note).toContain('53 − 24 = 29');
    const jinan = statistics.find((s) => s.region === 'shandong-jinan-shizhong' && s.metric === 'participating-schools')!;
    expect(jinan.note).toMatch(/22/);
    expect(jinan.note).toMatch(/24/);
  });

  it('has the metrics the figures use, with slug ids', () => {
    const ids = metrics.map((m) => m.id);
    for (const id of [
      'group-count',
      'participating-schools',
      'coverage-rate',
      'quality-groups-provincial',
      'quality-groups-city',
      'districts-covered',
    ])
      expect(ids).toContain(id);
    expect(byId(metrics).get('coverage-rate')).toMatchObject({ unit: 'percent' });
  });
});

describe('terms', () => {
  it('has the controlled vocabulary the data uses and a glossary of at least 30 terms', () => {
    expect(terms.length).toBeGreaterThanOrEqual(30);
    const kinds = new Map(terms.map((t) => [t.id, t.kind]));
    for (const id of ['tight', 'led', 'project', 'alliance', 'community', 'multi-campus', 'unspecified'])
      expect(kinds.get(id), id).toBe('group-type');
    for (const id of ['primary', 'junior', 'senior', 'nine-year', 'complete', 'secondary', 'unknown'])
      expect(kinds.get(id), id).toBe('stage');
    for (const id of [
      'one-plus-x',
      'famous-plus-potential',
      'famous-plus-quality',
      'famous-plus-weak',
      'famous-plus-rural',
      'famous-plus-newly-built',
      'famous-new-weak',
      'famous-runs-new',
      'strong-leads-weak',
    ])
      expect(kinds.get(id), id).toBe('group-model');
    for (const id of [
      'group-schooling',
      'lead-school',
      'member-school',
      'council',
      'yellow-red-card',
      'quality-group',
      'teacher-rotation',
      'bundled-evaluation',
      'developmental-supervision',
      'one-school-one-brand',
      'entrusted-management',
      'good-school-nearby',
    ])
      expect(kinds.get(id), id).toBe('concept');
  });
});

describe('designations', () => {
  it('exists with its header (no seed names a designated group)', () => {
    const header = readFileSync(new URL('data/designations.csv', root), 'utf8').split('\n')[0];
    expect(header).toBe('group,region,level,title,date,source,note');
  });
});

describe('policies', () => {
  const policies = {
    'luohe-shiyan-group-plan': { source: S000, region: 'henan-luohe', date: '' },
    'jinan-shizhong-1x-groups': { source: S001, region: 'shandong-jinan-shizhong', date: '--04-16' },
    'henan-compulsory-group-reform': { source: S002, region: 'henan', date: '2024-10-29/2025-10-31' },
    'tianjin-group-reform-opinions': { source: S003, region: 'tianjin', date: '' },
  };

  it.each(Object.entries(policies))('%s exists with its source, region and date', (id, want) => {
    const path = `content/policies/${id}.mdx`;
    expect(existsSync(new URL(path, root))).toBe(true);
    expect(frontmatter(path)).toMatchObject(want);
  });

  it('keeps the numeric targets', () => {
    const targets = (id: string) =>
      (
        frontmatter(`content/policies/${id}.mdx`).targets as {
          metric: string;
          value: number;
          qualifier?: string;
          deadline: string;
          region: string;
        }[]
      ).map((t) => `${t.region}|${t.metric}|${t.value}|${t.qualifier ?? 'eq'}|${t.deadline}`);
    expect(targets('tianjin-group-reform-opinions')).toEqual([
      'tianjin|group-count|100|eq|2027',
      'tianjin|quality-groups-city|50|eq|2027',
      'tianjin|districts-covered|16|eq|2027',
    ]);
    expect(targets('henan-compulsory-group-reform')).toEqual([
      'henan-zhengzhou|coverage-rate|85|gte|2025-12',
      'henan-zhengzhou|quality-groups-city|75|gte|2025-12',
    ]);
  });

  it('keeps the governance terms', () => {
    const gov = (id: string) => frontmatter(`content/policies/${id}.mdx`).governance as Record<string, string>;
    const tj = gov('tianjin-group-reform-opinions');
    expect(tj.entry_exit).toMatch(/黄牌预警/);
    expect(tj.entry_exit).toMatch(/红牌淘汰/);
    expect(tj.evaluation).toMatch(/每6年/);
    expect(tj.council).toMatch(/至少开2次/);
    const lh = gov('luohe-shiyan-group-plan');
    expect(lh.council).toMatch(/张凤坤/);
    expect(lh.council).toMatch(/彭战中/);
    expect(lh.evaluation).toMatch(/捆绑式评估/);
    expect(lh.funding).toMatch(/市教育局/);
    expect(lh.teacher_exchange).toContain('总量不变、结构合理、促进均衡、盘活优化');
    const jn = gov('jinan-shizhong-1x-groups');
    expect(jn.council).toMatch(/备案/);
    expect(jn.funding).toMatch(/每年/);
    expect(jn.evaluation).toMatch(/发展性督导评价/);
  });

  it('lists the groups each policy governs', () => {
    const fm = (id: string) => frontmatter(`content/policies/${id}.mdx`).groups as string[];
    expect(fm('luohe-shiyan-group-plan')).toEqual(['luohe-shiyan-middle-group']);
    expect(fm('jinan-shizhong-1x-groups')).toHaveLength(11);
    expect(fm('henan-compulsory-group-reform')).toHaveLength(8);
    for (const id of Object.keys(policies)) for (const g of fm(id)) expect(groupById.has(g), g).toBe(true);
  });
});
