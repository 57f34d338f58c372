/**
 * Every chart the site draws, built from the dataset at build time: for each
 * region and metric a chart over time, for each metric a comparison across
 * regions, and one chart of progress toward every target. Each comes with its
 * SVG (wide and narrow), its data rows as a table and a CSV, a text description,
 * a citation and a standalone SVG file. Pure: no Astro, no DOM, no clock.
 */
import type { Dataset } from '../data/dataset.ts';
import { buildComparisonCharts } from './bar/chart.ts';
import type { ChartBundle, ChartOptions } from './core/bundle.ts';
import { chartContext, type ChartContext } from './core/series.ts';
import { buildProgressChart } from './progress/chart.ts';
import { buildRegionCharts } from './time/chart.ts';

export interface AllCharts {
  ctx: ChartContext;
  regions: Map<string, ChartBundle[]>;
  comparisons: ChartBundle[];
  progress: ChartBundle | null;
  /** Every chart by id: the permalink pages and the CSV/SVG files. */
  byId: Map<string, ChartBundle>;
}

const memo = new WeakMap<Dataset, Map<string, AllCharts>>();

/** All charts for a dataset, built once per dataset and options. */
export function allCharts(data: Dataset, opts: ChartOptions): AllCharts {
  const key = `${opts.siteName}|${opts.chartUrl('x')}|${opts.version ?? ''}`;
  const cached = memo.get(data)?.get(key);
  if (cached) return cached;
  const ctx = chartContext(data);
  const regions = new Map<string, ChartBundle[]>();
  for (const r of data.regions) {
    const charts = buildRegionCharts(ctx, opts, r.id);
    if (charts.length > 0) regions.set(r.id, charts);
  }
  const comparisons = buildComparisonCharts(ctx, opts);
  const progress = buildProgressChart(ctx, opts);
  const byId = new Map<string, ChartBundle>();
  for (const c of [...[...regions.values()].flat(), ...comparisons, ...(progress ? [progress] : [])]) {
    if (byId.has(c.id)) throw new Error(`图表标识重复：${c.id}`);
    byId.set(c.id, c);
  }
  const all = { ctx, regions, comparisons, progress, byId };
  const perData = memo.get(data) ?? new Map<string, AllCharts>();
  perData.set(key, all);
  memo.set(data, perData);
  return all;
}
