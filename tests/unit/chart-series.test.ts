/**
 * Charts built from a small dataset: which charts exist, what each plots and
 * how (bars for uncertain dates, hollow derived points, dashed targets, the
 * parent region), the words that describe it, its CSV, and that two builds match.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { allCharts } from '../../src/lib/charts/charts.ts';
import { chartId, type ChartBundle } from '../../src/lib/charts/core/bundle.ts';
import { describeTimeChart } from '../../src/lib/charts/time/describe.ts';
import { COLORS } from '../../src/lib/charts/core/scene.ts';
import { chartContext, latestObserved, rowsFor } from '../../src/lib/charts/core/series.ts';
import { DASH } from '../../src/lib/charts/core/dash.ts';
import { NARROW, WIDE } from '../../src/lib/charts/core/sizes.ts';
import { layoutTimeChart, targetSegments } from '../../src/lib/charts/time/layout.ts';
import { segments } from '../../src/lib/charts/time/marks.ts';
import { stripBom } from '../../src/lib/csv/bom.ts';
import type { Dataset } from '../../src/lib/data/dataset.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { miniFiles, text } from './fixture-project.ts';

/** A chart's CSV download as rows (papaparse, after the BOM). */
const parseCsv = (csv: string) => Papa.parse<string[]>(stripBom(csv), { skipEmptyLines: true }).data;

const STATISTICS = `region,metric,date,value,qualifier,kind,source,note,wording,value_max,stage
fx-city,coverage-rate,2023-12,40,,actual,fx-news,,,,
fx-city,coverage-rate,2024-09/2025-10,55,,actual,fx-news,来源只写“今年秋季”,,,
fx-city,coverage-rate,2022-12,30,,derived,fx-news,55 − 25 = 30,,,
fx-city,coverage-rate,2026-12,80,gte,target,fx-news,,,,
fx-city,group-count,2024-09,12,,actual,fx-news,,,,
fx-city,group-count,--04-16,13,,actual,fx-news,没有年份,,,
fx-prov,coverage-rate,2024,50,,actual,fx-news,,,,
fx-prov,group-count,2024,300,,actual,fx-news,,,,
`;
const SOURCES = `id,title,publisher,date,url,kind,archive,note,read_at,original_publisher,original_date,original_url,via,version
fx-news,"示例市新闻 <测试> & ""引号""",示例日报,2024-05-01,https://example.org/news/1,news,,测试用虚构来源,2024-05-01,,,,,
`;

function dataset(): Dataset {
  const files = miniFiles();
  files.set('data/statistics.csv', text(STATISTICS));
  files.set('data/sources.csv', text(SOURCES));
  const { dataset, problems } = validateProject(files);
  expect(problems).toEqual([]);
  return dataset;
}

const opts = { siteName: '测试门户', chartUrl: (id: string) => `https://example.org/statistics/${id}/` };
const data = dataset();
const all = allCharts(data, opts);
const coverage = all.byId.get('fx-city--coverage-rate')!;
const groups = all.byId.get('fx-city--group-count')!;

describe('which charts exist', () => {
  it('draws one chart per metric for each region with statistics, rates first', () => {
    expect(all.regions.get('fx-city')!.map((c) => c.id)).toEqual(['fx-city--coverage-rate', 'fx-city--group-count']);
    expect(all.regions.get('fx-prov')!.map((c) => c.id)).toEqual(['fx-prov--coverage-rate', 'fx-prov--group-count']);
  });
  it('draws nothing for a region without statistics', () => {
    expect(all.regions.has('fx-dist')).toBe(false);
  });
  it('compares a metric across regions, largest first, and charts progress to targets', () => {
    expect(all.comparisons.map((c) => c.id)).toEqual([chartId.compare('coverage-rate'), chartId.compare('group-count')]);
    const rows = parseCsv(all.byId.get('compare--group-count')!.csv).slice(1);
    expect(rows.map((r) => [r[2], r[8]])).toEqual([
      ['fx-prov', '300'],
      ['fx-city', '12'],
    ]);
    expect(all.progress?.id).toBe('targets');
  });
  it('gives every chart a unique id usable in a URL', () => {
    for (const id of all.byId.keys()) expect(id).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('series from statistics', () => {
  const ctx = chartContext(data);
  const rows = rowsFor(ctx, 'fx-city', 'coverage-rate', 'main');
  it('orders figures in time and places each on the axis', () => {
    expect(rows.map((r) => `${r.kind}:${r.date}`)).toEqual([
      'derived:2022-12',
      'actual:2023-12',
      'actual:2024-09/2025-10',
      'target:2026-12',
    ]);
    const range = rows[2]!;
    expect(range.uncertain).toBe(true);
    expect(range.earliest).toBe('2024-09-01');
    expect(range.latest).toBe('2025-10-31');
    expect(range.dateLabel).toBe('2024年9月至2025年10月之间');
    expect(rows[3]!.dateLabel).toBe('2026年底前');
    expect(rows[3]!.uncertain).toBe(false);
  });
  it('takes the latest observed figure by its latest possible day', () => {
    expect(latestObserved(rows)?.date).toBe('2024-09/2025-10');
  });
  it('leaves out figures whose year is unknown', () => {
    expect(rowsFor(ctx, 'fx-city', 'group-count', 'main').map((r) => r.date)).toEqual(['2024-09']);
    expect(groups.count).toBe(1);
  });
  it('joins two actual points firmly, anything derived or uncertain with dots', () => {
    const observed = rows.filter((r) => r.kind !== 'target');
    expect(segments(observed).map((s) => s.firm)).toEqual([false, false]);
    const t = targetSegments(
      observed,
      rows.filter((r) => r.kind === 'target'),
    );
    expect(t[0]!.from?.date).toBe('2024-09/2025-10');
  });
  it('shows the parent region beside rates only', () => {
    expect(coverage.parentId).toBe('fx-prov');
    expect(
      parseCsv(coverage.csv)
        .filter((r) => r[1] === 'parent')
        .map((r) => r[2]),
    ).toEqual(['fx-prov']);
    expect(groups.parentId).toBeUndefined();
    expect(parseCsv(groups.csv).some((r) => r[1] === 'parent')).toBe(false);
  });
});

describe('the drawing', () => {
  const ctx = chartContext(data);
  const rows = [...rowsFor(ctx, 'fx-city', 'coverage-rate', 'main'), ...rowsFor(ctx, 'fx-prov', 'coverage-rate', 'parent')];
  const scene = layoutTimeChart({ rows, unit: 'percent', unitWord: '%', regionName: '示例市', parentName: '示例省' }, WIDE);
  const points = scene.marks.filter((m) => m.type === 'circle' && m.cls?.startsWith('point'));

  it('draws certain actual points filled and derived points hollow and labelled', () => {
    expect(points).toHaveLength(2);
    const [derived, actual] = points as Extract<(typeof points)[number], { type: 'circle' }>[];
    expect(derived!.fill).toBe(COLORS.paper);
    expect(derived!.stroke).toBe(COLORS.main);
    expect(actual!.fill).toBe(COLORS.main);
    expect(scene.marks.some((m) => m.type === 'text' && m.text === '30%（推算）')).toBe(true);
  });
  it('draws an uncertain date as a bar from earliest to latest, not as a dot', () => {
    const bars = scene.marks.filter((m) => m.type === 'line' && m.cls === 'range');
    expect(bars).toHaveLength(1);
    const bar = bars[0] as Extract<(typeof bars)[number], { type: 'line' }>;
    expect(bar.x2 - bar.x1).toBeGreaterThan(50);
    expect(bar.y1).toBe(bar.y2);
    // The hit target for that figure covers the whole bar.
    const hit = scene.hits.find((h) => h.date === '2024-09/2025-10')!;
    expect(hit.shape).toBe('rect');
    expect(hit.x).toBeLessThan(bar.x1);
    expect(hit.x + hit.w!).toBeGreaterThan(bar.x2);
    // No filled circle sits at the bar's height.
    expect(points.some((p) => p.type === 'circle' && Math.abs(p.cy - bar.y1) < 0.5)).toBe(false);
  });
  it('draws the target as a dashed segment to a diamond at its deadline', () => {
    const target = scene.marks.filter((m) => m.cls === 'series-target');
    expect(target).toHaveLength(1);
    expect(target[0]!.type === 'line' && target[0]!.dash).toBe(DASH.target);
    expect(scene.marks.some((m) => m.type === 'text' && m.text.startsWith('目标≥80%'))).toBe(true);
  });
  it('has one focusable target per plotted figure, pointing at its row', () => {
    expect(scene.hits.map((h) => h.row).sort((a, b) => a - b)).toEqual(rows.map((_, i) => i + 1));
    for (const h of scene.hits) {
      expect(h.value).toBe(rows[h.row - 1]!.value);
      expect(h.label).toContain(rows[h.row - 1]!.regionName);
    }
  });
  it('keeps every mark inside the viewBox', () => {
    for (const s of [WIDE, NARROW]) {
      const sc = layoutTimeChart({ rows, unit: 'percent', unitWord: '%', regionName: '示例市', parentName: '示例省' }, s);
      for (const m of sc.marks) {
        if (m.type === 'text' || m.type === 'circle') {
          const x = m.type === 'text' ? m.x : m.cx;
          const y = m.type === 'text' ? m.y : m.cy;
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(sc.width);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(sc.height);
        }
      }
    }
  });
  it('uses shape and dash, not colour alone, to tell kinds apart', () => {
    const svg = coverage.svg.wide;
    expect(svg).toContain(`stroke-dasharray="${DASH.target}"`);
    expect(svg).toContain(`stroke-dasharray="${DASH.connector}"`);
    expect(svg).toMatch(/<path[^>]*d="M[^"]*Z"[^>]*fill="#8a4b00"/); // the target diamond
  });
});

describe('words', () => {
  it('states the trend, the target gap and the comparison', () => {
    expect(coverage.description).toBe(
      '示例市集团化办学覆盖率从2022年底的30%（推算）升至55%（2024年9月至2025年10月之间），提高25个百分点。' +
        '目标：2026年底前达到80%以上，按最新数据完成目标的69%，还差25个百分点。' +
        '对比：示例省为50%（2024年）。' +
        '横条表示来源未写明确切时间、只能确定时间范围的数据。',
    );
    expect(groups.description).toBe('示例市教育集团数为12个（2024年9月）。');
  });
  it('says when a region has only targets', () => {
    const ctx = chartContext(data);
    const rows = rowsFor(ctx, 'fx-city', 'coverage-rate', 'main').filter((r) => r.kind === 'target');
    expect(describeTimeChart({ regionName: '示例市', metricName: '覆盖率', unit: 'percent', unitWord: '%', rows })).toBe(
      '示例市覆盖率暂无实际数据。目标：2026年底前达到80%以上。',
    );
  });
  it('gives title, definition, unit, date and a ready citation', () => {
    expect(coverage.title).toBe('示例市集团化办学覆盖率');
    expect(coverage.subtitle).toBe('分子：参与集团化办学的学校数；分母：义务教育阶段学校总数；以百分比表示。');
    expect(coverage.unit).toBe('单位：%');
    expect(groups.unit).toBe('单位：个');
    expect(coverage.asOf).toBe('2024年9月至2025年10月之间');
    expect(coverage.citation).toBe(
      '测试门户：《示例市集团化办学覆盖率》（图表，数据截至2024年9月至2025年10月之间），原始来源：示例日报《示例市新闻 <测试> & "引号"》。https://example.org/statistics/fx-city--coverage-rate/',
    );
  });
});

describe('downloads', () => {
  it('writes the plotted rows as CSV with a BOM, same as the table', () => {
    expect(coverage.csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(coverage.csv);
    expect(header!.slice(0, 3)).toEqual(['chart', 'series', 'region']);
    expect(rows).toHaveLength(coverage.count);
    expect(coverage.table.rows).toHaveLength(coverage.count);
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => [r[col('kind')], r[col('value')], r[col('date')], r[col('qualifier')]])).toEqual([
      ['derived', '30', '2022-12', 'eq'],
      ['actual', '40', '2023-12', 'eq'],
      ['actual', '55', '2024-09/2025-10', 'eq'],
      ['target', '80', '2026-12', 'gte'],
      ['actual', '50', '2024', 'eq'],
    ]);
    expect(rows[0]![col('note')]).toBe('55 − 25 = 30');
    expect(rows[0]![col('source_title')]).toBe('示例市新闻 <测试> & "引号"');
    // The SVG's focusable marks carry the same row numbers, values and dates.
    const hits = [...coverage.svg.hitsWide.matchAll(/data-row="(\d+)" data-value="([^"]*)" data-date="([^"]*)"/g)].map((m) => [
      Number(m[1]),
      m[2],
      m[3],
    ]);
    expect(hits.sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual(rows.map((r, i) => [i + 1, r[col('value')], r[col('date')]]));
  });
  it('writes progress toward each target', () => {
    const [header, row] = parseCsv(all.progress!.csv);
    const get = (name: string) => row![header!.indexOf(name)];
    expect(get('target_value')).toBe('80');
    expect(get('latest_value')).toBe('55');
    expect(get('reached')).toBe('no');
    expect(get('gap')).toBe('25');
    expect(get('share_of_target')).toBe('0.688');
  });
  it('escapes text in SVG and makes a standalone file with title, sources and link', () => {
    for (const svg of [coverage.svg.hitsWide, coverage.standalone]) {
      expect(svg).not.toContain('<测试>');
      expect(svg).toContain('&lt;测试&gt; &amp; &quot;引号&quot;');
    }
    expect(
      coverage.standalone.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="640"'),
    ).toBe(true);
    expect(coverage.standalone).toContain('>示例市集团化办学覆盖率</text>');
    expect(coverage.standalone).toContain('数据截至：2024年9月至2025年10月之间');
    expect(coverage.standalone).toContain('https://example.org/statistics/fx-city--coverage-rate/');
  });
});

describe('determinism and accessibility of the markup', () => {
  const strings = (c: ChartBundle) => [
    c.svg.wide,
    c.svg.narrow,
    c.svg.hitsWide,
    c.svg.hitsNarrow,
    c.standalone,
    c.csv,
    c.description,
    c.citation,
  ];
  it('builds byte-identical output from the same data twice', () => {
    const again = allCharts(dataset(), opts);
    expect([...again.byId.keys()]).toEqual([...all.byId.keys()]);
    for (const [id, c] of all.byId) expect(strings(again.byId.get(id)!), id).toEqual(strings(c));
  });
  it('prints no NaN, undefined or long float noise, and no style attributes', () => {
    for (const c of all.byId.values())
      for (const s of strings(c)) {
        expect(s).not.toMatch(/NaN|undefined|Infinity|\[object/);
        expect(s).not.toMatch(/\d\.\d{4,}/);
        expect(s).not.toMatch(/\sstyle=/);
      }
  });
  it('names each image and describes it in words; ids derive from the chart id', () => {
    for (const c of all.byId.values()) {
      for (const [svg, suffix] of [
        [c.svg.wide, 'w'],
        [c.svg.narrow, 'n'],
      ] as const) {
        expect(svg).toContain(`role="img" aria-labelledby="chart-${c.id}-${suffix}-title" aria-describedby="chart-${c.id}-${suffix}-desc"`);
        expect(svg).toContain(`<desc id="chart-${c.id}-${suffix}-desc">`);
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* viewBox="0 0 \d+ \d+"/);
      }
      const focusable = c.svg.hitsWide.match(/tabindex="0"/g) ?? [];
      expect(focusable).toHaveLength(c.count);
      expect(c.svg.hitsWide.match(/aria-label="[^"]+"/g)!.length).toBe(c.count + 1);
    }
  });
});
