/**
 * Data completeness (/coverage/): the mini fixture project with a real province
 * added, so listed counts meet reported figures; the 34 provinces, the tile grid,
 * the table, the CSV and the region line.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { stripBom } from '../../src/lib/csv/bom.ts';
import { STAGE_NOT_STATED, buildCoverage, shareText } from '../../src/lib/coverage/coverage.ts';
import { buildCountryCharts, countryChartIds } from '../../src/lib/coverage/country-charts.ts';
import { intendedProvince, PROVINCES, provinceByName, TILE_COLUMNS, TILE_ROWS } from '../../src/lib/coverage/provinces.ts';
import { coverageCsv, coverageTable, coverageTableForPage, regionCoverageLine } from '../../src/lib/coverage/view.ts';
import { indexDataset } from '../../src/lib/data/queries.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { miniFiles, text } from './fixture-project.ts';

/** A CSV download as rows (papaparse, after the BOM). */
const parseCsv = (csv: string) => Papa.parse<string[]>(stripBom(csv), { skipEmptyLines: true }).data;

const files = miniFiles();
const add = (path: string, rows: string) => files.set(path, text(new TextDecoder().decode(files.get(path)) + rows));
add('data/regions.csv', 'henan,河南省,province,,,豫,,,\nhenan-zz,郑州市,city,,henan,,3,fx-news,\n');
add('data/metrics.csv', 'participating-schools,参与集团化办学的学校数,count,参与学校所数,,加入教育集团的学校数。,\n');
add(
  'data/statistics.csv',
  [
    'henan,group-count,2023,150,,actual,fx-news,,,,',
    'henan,group-count,2024-09,200,,actual,fx-news,,,,all-stages',
    'henan,group-count,2026,300,gte,target,fx-news,,,,',
    'henan,participating-schools,2024,1000,,actual,fx-news,,,,all-stages',
    '',
  ].join('\n'),
);
add(
  'data/schools.csv',
  'zz-no1,郑州市第一中学,henan-zz,junior,,school,,,fx-news,\nzz-no2,郑州市第二中学,henan-zz,junior,,school,,,fx-news,\n',
);
add('data/groups.csv', 'zz-group,郑州市第一中学教育集团,henan-zz,tight,,2022,,10,,,,,fx-news,,,\n');
add('data/memberships.csv', 'zz-group,zz-no1,lead,,2022,,fx-news,,,\n');

const { dataset, problems } = validateProject(files);
const model = buildCoverage(indexDataset(dataset));

describe('the 34 provincial-level divisions', () => {
  it('have unique codes, names and tile cells inside the grid', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(34);
    expect(new Set(PROVINCES.map((p) => p.name)).size).toBe(34);
    expect(new Set(PROVINCES.map((p) => `${p.col},${p.row}`)).size).toBe(34);
    for (const p of PROVINCES) {
      expect(p.col).toBeGreaterThanOrEqual(0);
      expect(p.col).toBeLessThan(TILE_COLUMNS);
      expect(p.row).toBeGreaterThanOrEqual(0);
      expect(p.row).toBeLessThan(TILE_ROWS);
    }
  });

  it('match a region row by full name; a short name says which full name was meant', () => {
    expect(provinceByName('河南省')?.code).toBe('41');
    expect(provinceByName('河南')).toBeUndefined();
    expect(intendedProvince('河南')?.name).toBe('河南省');
    expect(intendedProvince('广西自治区')?.name).toBe('广西壮族自治区');
    expect(intendedProvince('示例', ['内蒙古'])?.name).toBe('内蒙古自治区');
    expect(intendedProvince('河南省')).toBeUndefined();
    expect(intendedProvince('示例省')).toBeUndefined();
  });
});

describe('coverage model', () => {
  it('builds from a valid fixture', () => expect(problems).toEqual([]));

  it('lists every province in code order, with or without a region row', () => {
    expect(model.provinces.map((p) => p.province.code)).toEqual(PROVINCES.map((p) => p.code));
    expect(model.provinces.filter((p) => p.region).map((p) => p.region!.id)).toEqual(['henan']);
    // The fixture's fictional province is kept, after the 34.
    expect(model.unmatched.map((r) => r.id)).toEqual(['fx-prov']);
    expect(model.regions.map((r) => `${r.depth}:${r.id}`)).toEqual(['0:henan', '1:henan-zz', '0:fx-prov', '1:fx-city', '2:fx-dist']);
    expect(model.byId.get('henan-zz')!.provinceCode).toBe('41');
  });

  it('sets what is listed against the latest actual reported figure, with its source and date', () => {
    const henan = model.byId.get('henan')!;
    expect(henan.listed).toEqual({ groups: 1, schools: 2, participatingSchools: 1, memberships: 1, policies: 0, childRegions: 1 });
    expect(henan.reported.groups).toMatchObject({ value: 200, date: '2024-09', sourceId: 'fx-news', sourceTitle: '示例市集团化办学新闻' });
    expect(henan.groups).toMatchObject({ listed: 1, reported: 200, shareText: '0.5%' });
    expect(henan.schools).toMatchObject({ listed: 1, reported: 1000, shareText: '0.1%' });
    expect(henan.members).toMatchObject({ listed: 1, reported: 10, shareText: '10%' });
    expect(henan.noReportedFigure).toBe(false);
    const zz = model.byId.get('henan-zz')!;
    expect(zz.children).toMatchObject({ listed: 0, reported: 3, shareText: '0%' });
    expect(zz.groups).toBeUndefined();
    const city = model.byId.get('fx-city')!;
    expect(city.groups).toMatchObject({ listed: 1, reported: 12, shareText: '8.3%' });
    expect(model.byId.get('fx-dist')!.noReportedFigure).toBe(true);
  });

  it('writes shares a reader can quote', () => {
    expect(shareText(0)).toBe('0%');
    expect(shareText(0.0004)).toBe('<0.1%');
    expect(shareText(9 / 3424)).toBe('0.3%');
    expect(shareText(11 / 9)).toBe('122.2%');
    expect(shareText(1)).toBe('100%');
  });
});

describe('coverage table, CSV and region line', () => {
  it('has a row per province without data and one per region', () => {
    const rows = coverageTable(model);
    expect(rows.filter((r) => r.noData)).toHaveLength(33);
    expect(rows.filter((r) => !r.noData).map((r) => r.id)).toEqual(model.regions.map((r) => r.id));
    const henan = rows.find((r) => r.id === 'henan')!;
    expect(henan.groups).toMatchObject({ text: '1 / 200', share: '0.5%', sourceId: 'fx-news' });
    expect(henan.code).toBe('41');
    expect(rows.find((r) => r.name === '北京市')).toMatchObject({ noData: true, code: '11' });
  });

  it('shows every row while they fit, then stops at cities, then at provinces', () => {
    const rows = coverageTable(model);
    const depths = (shown: { depth: number }[]) => [...new Set(shown.map((r) => r.depth))].sort();
    expect(coverageTableForPage(rows, rows.length)).toEqual({ rows, hidden: 0 });
    const cities = coverageTableForPage(rows, rows.length - 1);
    expect(depths(cities.rows)).toEqual([0, 1]);
    expect(cities.hidden).toBe(rows.filter((r) => r.depth > 1).length);
    expect(cities.hidden).toBeGreaterThan(0);
    const provinces = coverageTableForPage(rows, 1);
    expect(depths(provinces.rows)).toEqual([0]);
    expect(provinces.rows.length + provinces.hidden).toBe(rows.length);
  });

  it('downloads the same rows as CSV', () => {
    const csv = parseCsv(coverageCsv(model));
    expect(csv[0]![0]).toBe('province_code');
    expect(csv).toHaveLength(1 + 33 + model.regions.length);
    const henan = csv.find((r) => r[1] === 'henan')!;
    const col = (name: string) => csv[0]!.indexOf(name);
    expect(henan[col('reported_groups')]).toBe('200');
    expect(henan[col('reported_groups_date')]).toBe('2024-09');
    expect(henan[col('groups_share')]).toBe('0.005');
    expect(csv.find((r) => r[2] === '北京市')![col('status')]).toBe('no-data');
  });

  it('says on a region page how complete it is, or that no figure says', () => {
    const line = regionCoverageLine(model.byId.get('henan')!);
    expect(line.text).toContain('来源报告集团 200 个（2024年9月），本站收录 1 个（0.5%）');
    expect(line.sources).toEqual([{ id: 'fx-news', title: '示例市集团化办学新闻' }]);
    expect(regionCoverageLine(model.byId.get('fx-dist')!).text).toContain('来源没有报告这个地区的集团或学校总数');
  });
});

describe('like with like: a figure is set against the listed items of its stage only', () => {
  // 合肥: 21 schools in 普通高中 groups; the site lists 2 senior high schools, a junior school and a 中学 of unknown stage.
  const f = miniFiles();
  const more = (path: string, rows: string) => f.set(path, text(new TextDecoder().decode(f.get(path)) + rows));
  more('data/regions.csv', 'anhui,安徽省,province,,,皖,,,\nanhui-hefei,合肥市,city,,anhui,,,,\nanhui-x,某县,city,,anhui,,,,\n');
  more('data/metrics.csv', 'participating-schools,参与集团化办学的学校数,count,参与学校所数,,加入教育集团的学校数。,\n');
  more('data/terms.csv', 'senior,高中,stage,高级中学。,,\nsecondary,中学（学段未细分）,stage,只写“中学”。,,\n');
  more(
    'data/schools.csv',
    [
      'hf-1,合肥一中,anhui-hefei,senior,,school,,,fx-news,',
      'hf-2,合肥北城中学,anhui-hefei,senior,,school,,,fx-news,',
      'hf-3,合肥某初中,anhui-hefei,junior,,school,,,fx-news,',
      'hf-4,合肥某中学,anhui-hefei,secondary,,school,,,fx-news,',
      '',
    ].join('\n'),
  );
  more(
    'data/groups.csv',
    'hf-group,,anhui-hefei,tight,,,,,,,,,fx-news,,senior-general,partial\nhf-junior,合肥某初中集团,anhui-hefei,tight,,,,,,,,,fx-news,,,\n',
  );
  more(
    'data/memberships.csv',
    'hf-group,hf-1,lead,,,,fx-news,,,\nhf-group,hf-2,member,,,,fx-news,,北城分校,\nhf-group,hf-4,member,,,,fx-news,,,\nhf-junior,hf-3,lead,,,,fx-news,,,\n',
  );
  more(
    'data/statistics.csv',
    [
      'anhui-hefei,participating-schools,2021-06,21,,actual,fx-news,,21所,,senior-general',
      'anhui-hefei,group-count,2021-06,7,,actual,fx-news,,,,senior-general',
      'anhui-x,group-count,2024,900,approx,actual,fx-news,,约900个,,',
      'anhui,group-count,2024,2,,actual,fx-news,,每市2—4个,4,all-stages',
      '',
    ].join('\n'),
  );
  const v = validateProject(f);
  const m = buildCoverage(indexDataset(v.dataset));

  it('is valid', () => expect(v.problems.map((p) => p.message)).toEqual([]));

  it('counts only the schools and groups of the figure’s stage, and says how many more might be', () => {
    const hf = m.byId.get('anhui-hefei')!;
    expect(hf.listed.participatingSchools).toBe(4);
    expect(hf.schools).toMatchObject({ listed: 2, reported: 21, stageLabel: '普通高中', uncertain: 1, shareText: '9.5%' });
    expect(hf.groups).toMatchObject({ listed: 1, reported: 7, stageLabel: '普通高中' });
    expect(hf.groups!.uncertain).toBeUndefined();
    const line = regionCoverageLine(hf).text;
    expect(line).toContain(
      '来源报告参与集团化办学的普通高中学校 21所（2021年6月），本站列出其中普通高中 2 所（9.5%），另有 1 个学段不详，未计入',
    );
    expect(line).not.toContain('19%');
  });

  it('turns no figure of unstated stage into a percentage, and says why', () => {
    const x = m.byId.get('anhui-x')!;
    expect(x.groups).toBeUndefined();
    expect(x.notComparable.groups).toBe(STAGE_NOT_STATED);
    const row = coverageTable(m).find((r) => r.id === 'anhui-x')!;
    expect(row.groups).toMatchObject({ text: '0；来源报告 约900个（不可比）', notComparable: STAGE_NOT_STATED });
    expect(row.groups.share).toBeUndefined();
    expect(regionCoverageLine(x).text).toContain(`来源报告集团 约900个（2024年）；${STAGE_NOT_STATED}`);
    const csv = parseCsv(coverageCsv(m));
    const col = (name: string) => csv[0]!.indexOf(name);
    const xRow = csv.find((r) => r[1] === 'anhui-x')!;
    expect([xRow[col('groups_share')], xRow[col('reported_groups_wording')], xRow[col('groups_not_comparable')]]).toEqual([
      '',
      '约900个',
      STAGE_NOT_STATED,
    ]);
  });

  it('keeps a range as a range of shares', () => {
    expect(m.byId.get('anhui')!.groups).toMatchObject({ listed: 2, reported: 2, shareText: '50%–100%' });
  });
});

describe('country tile grids', () => {
  const opts = { siteName: '测试站', chartUrl: (id: string) => `https://example.org/statistics/${id}/`, version: 'data-2025-01-01' };
  const [groups, share] = buildCountryCharts(model, opts);

  it('draws one square per province, wide and narrow, each focusable with its figures', () => {
    expect(groups!.id).toBe(countryChartIds.groups);
    expect(share!.id).toBe(countryChartIds.share);
    for (const chart of [groups!, share!]) {
      expect(chart.type).toBe('tile');
      for (const svg of [chart.svg.wide, chart.svg.narrow]) {
        expect(svg.match(/class="tile"/g)).toHaveLength(34);
        expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">/);
        expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
      }
      expect(chart.svg.hitsNarrow.match(/class="chart-hit"/g)).toHaveLength(34);
      expect(chart.svg.narrow).toMatch(/viewBox="0 0 340 /);
      expect(chart.table.rows).toHaveLength(34);
      expect(parseCsv(chart.csv)).toHaveLength(35);
      expect(chart.citation).toContain('数据版本 data-2025-01-01');
    }
    expect(groups!.svg.hitsWide).toContain('河南省，本站收录 1 个集团、2 所学校，来源报告集团 200 个');
    expect(share!.svg.hitsWide).toContain('本站收录 1 个，来源报告 200 个：0.5%');
    expect(share!.description).toContain('河南省本站收录 0.5%');
  });

  it('is the same text for the same data', () => {
    expect(buildCountryCharts(model, opts).map((c) => c.standalone)).toEqual([groups!.standalone, share!.standalone]);
  });
});
