/**
 * What the home, statistics, chart and coverage pages show, from their views
 * (src/lib/views/): the mini fixture for exact figures, the portal fixture for charts
 * that compare regions, and tiny page limits for the country-size cuts.
 */
import { describe, expect, it } from 'vitest';
import { allCharts } from '../../src/lib/charts/charts.ts';
import { buildCoverage } from '../../src/lib/coverage/coverage.ts';
import { indexDataset, type DatasetIndex } from '../../src/lib/data/queries.ts';
import { readProjectFiles } from '../../src/lib/validate/read-project.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { coveragePageView } from '../../src/lib/views/coverage-page.ts';
import { homeView } from '../../src/lib/views/home.ts';
import { PAGE_LIMITS } from '../../src/lib/views/limits.ts';
import { chartPageView, statisticsView } from '../../src/lib/views/statistics.ts';
import { PORTAL } from '../fixture-data.ts';
import { MINI } from './fixture-project.ts';

function indexOf(root: string): DatasetIndex {
  const { dataset, problems } = validateProject(readProjectFiles(root));
  expect(problems).toEqual([]);
  return indexDataset(dataset);
}
const mini = indexOf(MINI);
const portal = indexOf(PORTAL);
const chartsOf = (idx: DatasetIndex) =>
  allCharts(idx.data, { siteName: '测试', chartUrl: (id) => `https://example.org/statistics/${id}/` });

describe('home view', () => {
  it('lists records changed most recently first, ties by name, and leaves out records never committed', () => {
    const days: Record<string, string> = { 'data/groups.csv': '2025-01-02', 'content/policies/fx-plan.mdx': '2024-05-06' };
    const view = homeView(mini, (files) => days[files[0]!.file]);
    expect(view.recent.map((r) => [r.kind, r.kindWord, r.id, r.day])).toEqual([
      ['group', '集团', 'fx-no1-group', '2025-01-02'],
      ['policy', '政策', 'fx-plan', '2024-05-06'],
    ]);
    const same = homeView(mini, () => '2025-01-01', 3);
    expect(same.recent).toHaveLength(3);
    const names = same.recent.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(homeView(mini, () => undefined).recent).toEqual([]);
  });
  it('counts the groups and policies it links to, and holds the headline figures', () => {
    const view = homeView(mini, () => undefined);
    expect([view.groups, view.policies]).toEqual([mini.data.groups.length, mini.data.policies.length]);
    expect(view.figures.map((f) => [f.region.id, f.metric.id, f.stat.value])).toEqual([
      ['fx-city', 'coverage-rate', 55],
      ['fx-city', 'group-count', 12],
    ]);
  });
});

describe('statistics view', () => {
  it('lists every figure by region and metric in the data’s order, then date', () => {
    const view = statisticsView(mini, chartsOf(mini));
    // statistics.csv: coverage-rate on lines 2–5 (2023-12, 2024-09/10, 2022-12, 2026-12), group-count on line 6.
    expect(view.figures.map((s) => s._line)).toEqual([4, 2, 3, 5, 6]);
    expect(view.listFigures).toBe(true);
    expect(view.regions.map((r) => [r.region.id, r.charts.map((c) => c.id)])).toEqual([
      ['fx-city', ['fx-city--coverage-rate', 'fx-city--group-count']],
    ]);
    expect(view.chartOf(mini.data.statistics[0]!)).toBe('fx-city--coverage-rate');
    expect(view.chartOf({ ...mini.data.statistics[0]!, metric: 'no-such-metric' })).toBeUndefined();
    expect(view.progress?.type).toBe('progress');
  });
  it('at country size links only the top regions’ charts and leaves the figures to the region pages', () => {
    const view = statisticsView(portal, chartsOf(portal), { ...PAGE_LIMITS, chartRegions: 1, figures: 1 });
    expect(view.chartedRegions).toBeGreaterThan(1);
    expect(view.linkEachChart).toBe(false);
    expect(view.regions.length).toBeGreaterThan(0);
    expect(view.regions.every((r) => !r.region.parent)).toBe(true);
    expect(view.listFigures).toBe(false);
    const full = statisticsView(portal, chartsOf(portal));
    expect(full.linkEachChart).toBe(true);
    expect(full.regions).toHaveLength(full.chartedRegions);
    expect(full.comparisons.length).toBeGreaterThan(0);
  });
});

describe('chart page view', () => {
  const charts = chartsOf(portal);
  it('links a region’s chart to its region, its parent, its other charts and the comparison of its metric', () => {
    const chart = [...charts.regions.values()].flat().find((c) => c.type === 'time' && c.parentId)!;
    const view = chartPageView(portal, charts, chart.id);
    expect(view.region?.id).toBe(chart.regionId);
    expect(view.parent?.id).toBe(chart.parentId);
    expect(view.siblings.map((c) => c.id)).toEqual(
      charts.regions
        .get(chart.regionId!)!
        .filter((c) => c !== chart)
        .map((c) => c.id),
    );
    expect(view.comparison?.metricId).toBe(chart.metricId);
    expect(view.sameMetric).toEqual([]);
  });
  it('links a comparison to every region’s chart of its metric', () => {
    const compare = charts.comparisons.find((c) => c.type === 'bar')!;
    const view = chartPageView(portal, charts, compare.id);
    expect(view.region).toBeUndefined();
    expect(view.sameMetric.length).toBeGreaterThan(0);
    expect(view.sameMetric.every((c) => c.metricId === compare.metricId && c.regionId)).toBe(true);
    expect(() => chartPageView(portal, charts, 'no-such-chart')).toThrow('no-such-chart');
  });
});

describe('coverage page view', () => {
  it('shows every row while they fit, and counts the country', () => {
    const view = coveragePageView(buildCoverage(mini));
    expect(view.hidden).toBe(0);
    expect(view.rows).toHaveLength(view.total);
    expect(view.summary).toMatchObject({ provinces: 34, regions: 3, groups: 1, schools: 4 });
  });
  it('past the limit shows provinces alone and says so', () => {
    const view = coveragePageView(buildCoverage(mini), 1);
    expect(view.rows.every((r) => r.depth === 0)).toBe(true);
    expect(view.hidden).toBe(view.total - view.rows.length);
    expect(view.hidden).toBeGreaterThan(0);
    expect(view.listedTo).toBe('省');
    // Room for every province and city but not the districts: down to cities.
    const cities = coveragePageView(buildCoverage(mini), view.total - 1);
    expect(cities.rows.some((r) => r.depth === 1) && cities.rows.every((r) => r.depth <= 1)).toBe(true);
    expect(cities.listedTo).toBe('地市');
  });
});
