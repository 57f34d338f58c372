/**
 * Every chart the site draws, built from the dataset at build time: for each
 * region and metric a chart over time, for each metric a comparison across
 * regions, and one chart of progress toward every target. Each comes with its
 * SVG (wide and narrow), its data rows as a table and a CSV, a text description,
 * a citation and a standalone SVG file. Pure: no Astro, no DOM, no clock.
 */
import type { Dataset } from '../data/dataset.ts';
import { layoutBarChart, layoutProgressChart } from './bar-chart.ts';
import { toCsv } from './csv.ts';
import { describeBarChart, describeProgress, describeTimeChart } from './describe.ts';
import { csvComputed, csvNumber, kindLabel, percentOf, valueText, differenceWords } from './format.ts';
import { progressOf, type Progress } from './progress.ts';
import type { Scene } from './scene.ts';
import {
  asOfWords,
  chartContext,
  definitionLine,
  isObserved,
  latestObserved,
  metricInfo,
  rowsFor,
  sourcesOf,
  unitLine,
  unitWord,
  type ChartContext,
  type ChartRow,
  type MetricInfo,
  type SourceRef,
} from './series.ts';
import { renderChartSvg, renderHitSvg, renderStandaloneSvg } from './svg.ts';
import { layoutTimeChart, NARROW, WIDE } from './time-chart.ts';

export interface ChartOptions {
  siteName: string;
  /** The absolute URL of a chart's permalink page. */
  chartUrl: (id: string) => string;
  /** The data version a citation names (release tag or commit date), so a quoted figure can be traced. */
  version?: string;
}

export interface TableCell {
  text: string;
  /** Set on the source column: the page links it to /sources/#id. */
  sourceId?: string;
  num?: boolean;
}

export interface ChartTable {
  columns: { label: string; num?: boolean }[];
  /** Same rows, same order as the CSV and as data-row on the plotted marks. */
  rows: TableCell[][];
}

export type ChartType = 'time' | 'bar' | 'progress' | 'tile';

export interface ChartBundle {
  id: string;
  type: ChartType;
  title: string;
  /** The definition in words: numerator and denominator, or what is counted. */
  subtitle: string;
  /** The metric's longer definition from data/metrics.csv. */
  definition?: string;
  unit: string;
  /** "数据截至" text. */
  asOf: string;
  sources: SourceRef[];
  /** The trend in words (the SVG's <desc>). */
  description: string;
  regionId?: string;
  metricId?: string;
  parentId?: string;
  svg: { wide: string; narrow: string; hitsWide: string; hitsNarrow: string };
  /** The downloadable SVG file: title, definition, chart, unit, date, sources, link. */
  standalone: string;
  /** The downloadable CSV (with BOM): exactly the plotted rows. */
  csv: string;
  table: ChartTable;
  citation: string;
  /** Number of plotted figures (rows in the CSV and the table). */
  count: number;
}

export const chartId = {
  region: (regionId: string, metricId: string) => `${regionId}--${metricId}`,
  compare: (metricId: string) => `compare--${metricId}`,
  targets: 'targets',
};

const ROW_HEADER = [
  'chart',
  'series',
  'region',
  'region_name',
  'metric',
  'metric_name',
  'unit',
  'kind',
  'value',
  'qualifier',
  'date',
  'date_label',
  'date_earliest',
  'date_latest',
  'source',
  'source_title',
  'note',
];

function rowCsv(id: string, rows: ChartRow[]): string {
  return toCsv(
    ROW_HEADER,
    rows.map((r) => [
      id,
      r.series,
      r.region,
      r.regionName,
      r.metric,
      r.metricName,
      r.unit,
      r.kind,
      csvNumber(r.value),
      r.qualifier,
      r.date,
      r.dateLabel,
      r.earliest,
      r.latest,
      r.source,
      r.sourceTitle,
      r.note,
    ]),
  );
}

function rowTable(rows: ChartRow[]): ChartTable {
  return {
    columns: [{ label: '地区' }, { label: '类型' }, { label: '时间' }, { label: '数值', num: true }, { label: '说明' }, { label: '来源' }],
    rows: rows.map((r) => [
      { text: r.series === 'parent' ? `${r.regionName}（对比）` : r.regionName },
      { text: `${kindLabel(r)}${r.uncertain ? '（时间不确定）' : ''}` },
      { text: r.dateLabel },
      { text: valueText(r.value, r.unit, r.qualifier), num: true },
      { text: r.note },
      { text: r.sourceTitle, sourceId: r.sources[0]! },
    ]),
  };
}

function sourceLine(sources: SourceRef[]): string {
  return `来源：${sources.map((s) => `${s.publisher ? `${s.publisher}《` : '《'}${s.title}》（${s.date}）`).join('；')}`;
}

function citation(opts: ChartOptions, id: string, title: string, asOf: string, sources: SourceRef[]): string {
  const original = sources.map((s) => `${s.publisher ? `${s.publisher}《` : '《'}${s.title}》`).join('；');
  const version = opts.version ? `，数据版本 ${opts.version}` : '';
  return `${opts.siteName}：《${title}》（图表，数据截至${asOf}${version}），原始来源：${original}。${opts.chartUrl(id)}`;
}

interface Parts {
  id: string;
  type: ChartType;
  title: string;
  subtitle: string;
  definition?: string;
  unit: string;
  asOf: string;
  sources: SourceRef[];
  description: string;
  wide: Scene;
  narrow: Scene;
  csv: string;
  table: ChartTable;
  count: number;
  extra?: Pick<ChartBundle, 'regionId' | 'metricId' | 'parentId'>;
}

function bundle(opts: ChartOptions, p: Parts): ChartBundle {
  const hitsLabel = `${p.title}：${p.count}个数据点，按 Tab 键逐个查看`;
  const footer = [`${p.unit}　数据截至：${p.asOf}`, sourceLine(p.sources), `${opts.siteName} · ${opts.chartUrl(p.id)}`];
  return {
    id: p.id,
    type: p.type,
    title: p.title,
    subtitle: p.subtitle,
    ...(p.definition ? { definition: p.definition } : {}),
    unit: p.unit,
    asOf: p.asOf,
    sources: p.sources,
    description: p.description,
    ...p.extra,
    svg: {
      wide: renderChartSvg(p.wide, { id: `chart-${p.id}-w`, title: p.title, desc: p.description, cls: 'chart-svg chart-svg--wide' }),
      narrow: renderChartSvg(p.narrow, { id: `chart-${p.id}-n`, title: p.title, desc: p.description, cls: 'chart-svg chart-svg--narrow' }),
      hitsWide: renderHitSvg(p.wide, { label: hitsLabel, cls: 'chart-hits chart-hits--wide' }),
      hitsNarrow: renderHitSvg(p.narrow, { label: hitsLabel, cls: 'chart-hits chart-hits--narrow' }),
    },
    standalone: renderStandaloneSvg(p.wide, {
      id: `chart-${p.id}`,
      title: p.title,
      subtitle: [p.subtitle, ...(p.definition ? [`口径：${p.definition}`] : [])],
      desc: p.description,
      footer,
    }),
    csv: p.csv,
    table: p.table,
    citation: citation(opts, p.id, p.title, p.asOf, p.sources),
    count: p.count,
  };
}

/** Metrics in file order, rates before counts (coverage is the headline). */
function metricOrder(ctx: ChartContext): MetricInfo[] {
  const list = ctx.data.metrics.map(metricInfo);
  return [...list.filter((m) => m.unit === 'percent'), ...list.filter((m) => m.unit !== 'percent')];
}

function timeChart(ctx: ChartContext, opts: ChartOptions, regionId: string, m: MetricInfo): ChartBundle | null {
  const region = ctx.region.get(regionId);
  if (!region) return null;
  const main = rowsFor(ctx, regionId, m.id, 'main');
  if (main.length === 0) return null;
  // The parent region for comparison: rates only (a province's count dwarfs a city's).
  const parentRegion = region.parent ? ctx.region.get(region.parent) : undefined;
  const parentRows = parentRegion && m.unit === 'percent' ? rowsFor(ctx, parentRegion.id, m.id, 'parent').filter(isObserved) : [];
  const rows = [...main, ...parentRows];
  const word = unitWord(m);
  const parentName = parentRows.length > 0 ? parentRegion?.name : undefined;
  const input = { rows, unit: m.unit, unitWord: word, regionName: region.name, ...(parentName ? { parentName } : {}) };
  const sources = sourcesOf(ctx, rows);
  const id = chartId.region(regionId, m.id);
  return bundle(opts, {
    id,
    type: 'time',
    title: `${region.name}${m.name}`,
    subtitle: definitionLine(m),
    definition: m.definition,
    unit: unitLine(m),
    asOf: asOfWords(main, sourcesOf(ctx, main)),
    sources,
    description: describeTimeChart({
      regionName: region.name,
      metricName: m.name,
      unit: m.unit,
      unitWord: word,
      rows,
      ...(parentName ? { parentName } : {}),
    }),
    wide: layoutTimeChart(input, WIDE),
    narrow: layoutTimeChart(input, NARROW),
    csv: rowCsv(id, rows),
    table: rowTable(rows),
    count: rows.length,
    extra: { regionId, metricId: m.id, ...(parentName && parentRegion ? { parentId: parentRegion.id } : {}) },
  });
}

/** The chart over time for each metric the region has figures for; none when it has no statistics. */
export function buildRegionCharts(ctx: ChartContext, opts: ChartOptions, regionId: string): ChartBundle[] {
  return metricOrder(ctx).flatMap((m) => timeChart(ctx, opts, regionId, m) ?? []);
}

/**
 * A chart across regions draws at most this many regions. At country size it keeps the
 * regions of the top levels that fit (bars for thousands of districts would weigh
 * megabytes and say little); the others' figures are on their own region pages.
 */
export const MAX_REGIONS_ACROSS = 60;

/** The items whose regions lie in the top levels that together fit MAX_REGIONS_ACROSS (at least the top level). */
export function topRegionLevels<T>(ctx: ChartContext, items: T[], regionOf: (item: T) => string): T[] {
  const regions = new Set(items.map(regionOf));
  if (regions.size <= MAX_REGIONS_ACROSS) return items;
  const depthOf = new Map<string, number>();
  for (const id of regions) {
    let depth = 0;
    const seen = new Set<string>();
    for (let r = ctx.region.get(id); r?.parent && !seen.has(r.id); r = ctx.region.get(r.parent)) {
      seen.add(r.id);
      depth++;
    }
    depthOf.set(id, depth);
  }
  const perDepth = new Map<number, number>();
  for (const d of depthOf.values()) perDepth.set(d, (perDepth.get(d) ?? 0) + 1);
  const depths = [...perDepth.keys()].sort((a, b) => a - b);
  let keep = depths[0]!;
  let count = perDepth.get(keep)!;
  for (const d of depths.slice(1)) {
    count += perDepth.get(d)!;
    if (count > MAX_REGIONS_ACROSS) break;
    keep = d;
  }
  return items.filter((i) => depthOf.get(regionOf(i))! <= keep);
}

/** What a chart across regions says when it left some regions out. */
const leftOutNote = (shown: number, all: number) =>
  shown < all ? `本图只比较上层的 ${shown} 个地区，其余 ${all - shown} 个地区的数字见各自的地区页面。` : '';

/** The latest figure per region for one metric, largest first: the rows of a comparison chart. */
export function comparisonRows(ctx: ChartContext, metricId: string): ChartRow[] {
  const rows = ctx.data.regions.flatMap((r) => latestObserved(rowsFor(ctx, r.id, metricId, 'main')) ?? []);
  const order = new Map(ctx.data.regions.map((r, i) => [r.id, i]));
  return rows.sort((a, b) => b.value - a.value || order.get(a.region)! - order.get(b.region)!);
}

/** A bar chart per metric that at least two regions report. */
export function buildComparisonCharts(ctx: ChartContext, opts: ChartOptions): ChartBundle[] {
  return metricOrder(ctx).flatMap((m) => {
    const allRows = comparisonRows(ctx, m.id);
    const rows = topRegionLevels(ctx, allRows, (r) => r.region);
    if (rows.length < 2) return [];
    const word = unitWord(m);
    const id = chartId.compare(m.id);
    const sources = sourcesOf(ctx, rows);
    const input = { rows, unit: m.unit, unitWord: word };
    const caution = m.unit === 'count' ? '各地层级不同（省、市、区），总数不宜直接比较。' : '';
    return [
      bundle(opts, {
        id,
        type: 'bar',
        title: `各地${m.name}（最新数据）`,
        subtitle: `${definitionLine(m)}${caution}${leftOutNote(rows.length, allRows.length)}`,
        definition: m.definition,
        unit: unitLine(m),
        asOf: asOfWords(rows, sources),
        sources,
        description: describeBarChart(m.name, word, rows),
        wide: layoutBarChart(input, WIDE),
        narrow: layoutBarChart(input, NARROW),
        csv: rowCsv(id, rows),
        table: rowTable(rows),
        count: rows.length,
        extra: { metricId: m.id },
      }),
    ];
  });
}

export interface TargetProgress {
  progress: Progress;
  metric: MetricInfo;
  unitWord: string;
}

/** Every target with the latest figure for its region and metric, in region order then deadline. */
export function targetProgress(ctx: ChartContext): TargetProgress[] {
  const metrics = new Map(metricOrder(ctx).map((m, i) => [m.id, { m, i }]));
  const out: TargetProgress[] = [];
  for (const region of ctx.data.regions) {
    const byMetric = [...metrics.values()].sort((a, b) => a.i - b.i);
    for (const { m } of byMetric) {
      const rows = rowsFor(ctx, region.id, m.id, 'main');
      const latest = latestObserved(rows);
      for (const t of rows.filter((r) => r.kind === 'target').sort((a, b) => a.to - b.to))
        out.push({ progress: progressOf(t, latest), metric: m, unitWord: unitWord(m) });
    }
  }
  return out;
}

const PROGRESS_HEADER = [
  'chart',
  'region',
  'region_name',
  'metric',
  'metric_name',
  'unit',
  'target_value',
  'target_qualifier',
  'target_date',
  'target_date_label',
  'target_source',
  'latest_value',
  'latest_kind',
  'latest_date',
  'latest_date_label',
  'latest_source',
  'reached',
  'gap',
  'share_of_target',
];

export function buildProgressChart(ctx: ChartContext, opts: ChartOptions): ChartBundle | null {
  const allItems = targetProgress(ctx);
  const items = topRegionLevels(ctx, allItems, (i) => i.progress.target.region);
  if (items.length === 0) return null;
  const id = chartId.targets;
  const rows = items.flatMap((i) => [i.progress.target, ...(i.progress.latest ? [i.progress.latest] : [])]);
  const sources = sourcesOf(ctx, rows);
  const drawn = items.map((i) => ({ progress: i.progress, metricName: i.metric.name, unitWord: i.unitWord }));
  const csv = toCsv(
    PROGRESS_HEADER,
    items.map(({ progress: p, metric }) => [
      id,
      p.target.region,
      p.target.regionName,
      metric.id,
      metric.name,
      metric.unit,
      csvNumber(p.target.value),
      p.target.qualifier,
      p.target.date,
      p.target.dateLabel,
      p.target.source,
      p.latest ? csvNumber(p.latest.value) : '',
      p.latest?.kind ?? '',
      p.latest?.date ?? '',
      p.latest?.dateLabel ?? '',
      p.latest?.source ?? '',
      p.latest ? (p.reached ? 'yes' : 'no') : '',
      p.gap !== undefined ? csvComputed(p.gap) : '',
      p.share !== undefined ? csvComputed(p.share) : '',
    ]),
  );
  const table: ChartTable = {
    columns: [
      { label: '地区' },
      { label: '指标' },
      { label: '目标', num: true },
      { label: '期限' },
      { label: '最新值', num: true },
      { label: '数据时间' },
      { label: '进度' },
      { label: '来源' },
    ],
    rows: items.map(({ progress: p, metric, unitWord: word }) => [
      { text: p.target.regionName },
      { text: metric.name },
      { text: valueText(p.target.value, p.target.unit, p.target.qualifier), num: true },
      { text: p.target.dateLabel },
      {
        text: p.latest
          ? `${valueText(p.latest.value, p.latest.unit, p.latest.qualifier)}${p.latest.kind === 'derived' ? '（推算）' : ''}`
          : '—',
        num: true,
      },
      { text: p.latest?.dateLabel ?? '暂无实际数据' },
      {
        text: !p.latest
          ? '—'
          : p.reached
            ? '已达到目标'
            : `完成${p.share !== undefined ? percentOf(p.share) : '—'}，还差${differenceWords(p.gap ?? 0, metric.unit, word)}`,
      },
      { text: p.target.sourceTitle, sourceId: p.target.sources[0]! },
    ]),
  };
  const latestRows = items.flatMap((i) => (i.progress.latest ? [i.progress.latest] : []));
  return bundle(opts, {
    id,
    type: 'progress',
    title: '目标进度：离各项目标还有多远',
    subtitle: `每一行是一项政策目标；横条为按最新数据计算的完成度（最新值 ÷ 目标值），右端虚线为目标。比率指标的差距以百分点计。${leftOutNote(
      new Set(items.map((i) => i.progress.target.region)).size,
      new Set(allItems.map((i) => i.progress.target.region)).size,
    )}`,
    unit: '单位：完成度（%）',
    asOf: asOfWords(latestRows, sources),
    sources,
    description: describeProgress(drawn),
    wide: layoutProgressChart(drawn, WIDE),
    narrow: layoutProgressChart(drawn, NARROW),
    csv,
    table,
    count: items.length,
  });
}

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
