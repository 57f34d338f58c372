/** The data /statistics/ and each chart's own page (/statistics/<chart-id>/) show. */
import type { AllCharts } from '../charts/charts.ts';
import { chartId, type ChartBundle } from '../charts/core/bundle.ts';
import type { Located } from '../data/dataset.ts';
import type { DatasetIndex } from '../data/queries.ts';
import { dateSortKey } from '../fuzzy-date.ts';
import type { Region, Statistic } from '../schemas/index.ts';
import { PAGE_LIMITS, type PageLimits } from './limits.ts';

export interface StatisticsView {
  comparisons: ChartBundle[];
  progress: ChartBundle | null;
  /** How many regions have charts. */
  chartedRegions: number;
  /** Every charted region's chart links fit on the page; otherwise only the top regions' are listed. */
  linkEachChart: boolean;
  regions: { region: Located<Region>; charts: ChartBundle[] }[];
  /** Every figure, by region and metric in the data's order, then date. */
  figures: Located<Statistic>[];
  /** The figures fit on the page; otherwise they are left to the region pages and the CSV. */
  listFigures: boolean;
  /** The id of the chart a figure's metric links to, when that chart is drawn. */
  chartOf: (s: Statistic) => string | undefined;
}

export function statisticsView(idx: DatasetIndex, charts: AllCharts, limits: PageLimits = PAGE_LIMITS): StatisticsView {
  const data = idx.data;
  const regionOrder = new Map(data.regions.map((r, i) => [r.id, i]));
  const metricOrder = new Map(data.metrics.map((m, i) => [m.id, i]));
  const figures = [...data.statistics].sort(
    (a, b) =>
      regionOrder.get(a.region)! - regionOrder.get(b.region)! ||
      metricOrder.get(a.metric)! - metricOrder.get(b.metric)! ||
      dateSortKey(a.date.parsed).localeCompare(dateSortKey(b.date.parsed)) ||
      a._line - b._line,
  );
  const charted = data.regions.filter((r) => charts.regions.has(r.id));
  // At country size the page would inline thousands of chart links and figures: it then lists
  // the top regions' chart links and leaves every figure to its region's page and the CSV.
  const linkEachChart = charted.length <= limits.chartRegions;
  return {
    comparisons: charts.comparisons,
    progress: charts.progress,
    chartedRegions: charted.length,
    linkEachChart,
    regions: (linkEachChart ? charted : charted.filter((r) => !r.parent)).map((region) => ({
      region,
      charts: charts.regions.get(region.id) ?? [],
    })),
    figures,
    listFigures: figures.length <= limits.figures,
    chartOf: (s) => {
      const id = chartId.region(s.region, s.metric);
      return charts.byId.has(id) ? id : undefined;
    },
  };
}

export interface ChartPageView {
  chart: ChartBundle;
  /** The region the chart is about, and the region above it (rate charts compare with it). */
  region: Located<Region> | undefined;
  parent: Located<Region> | undefined;
  /** The region's other charts. */
  siblings: ChartBundle[];
  /** For a chart over time: the chart comparing its metric across regions. */
  comparison: ChartBundle | undefined;
  /** For a comparison: every region's chart of its metric. */
  sameMetric: ChartBundle[];
}

export function chartPageView(idx: DatasetIndex, charts: AllCharts, id: string): ChartPageView {
  const chart = charts.byId.get(id);
  if (!chart) throw new Error(`没有标识为 ${id} 的图表`);
  const region = chart.regionId ? idx.region.get(chart.regionId) : undefined;
  return {
    chart,
    region,
    parent: chart.parentId ? idx.region.get(chart.parentId) : undefined,
    siblings: region ? (charts.regions.get(region.id) ?? []).filter((c) => c.id !== chart.id) : [],
    comparison: chart.type === 'time' ? charts.comparisons.find((c) => c.metricId === chart.metricId) : undefined,
    sameMetric: chart.type === 'bar' ? [...charts.regions.values()].flat().filter((c) => c.metricId === chart.metricId) : [],
  };
}
