/**
 * What every chart comes with, whatever its kind: its SVG (wide and narrow), the
 * focus targets, its data rows as a table and a CSV, a text description, a
 * citation and a standalone SVG file.
 */
import type { Scene } from './scene.ts';
import type { SourceRef } from './series.ts';
import { renderChartSvg, renderHitSvg, renderStandaloneSvg } from './svg.ts';

export interface ChartOptions {
  siteName: string;
  /** The absolute URL of a chart's permalink page. */
  chartUrl: (id: string) => string;
  /** The data version a citation names (release tag or commit date), so a quoted figure can be traced. */
  version?: string;
}

interface TableCell {
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

type ChartType = 'time' | 'bar' | 'progress' | 'tile';

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

/** What a chart kind hands to bundle(): the bundle's own fields, and its two scenes to render. */
export interface Parts extends Pick<
  ChartBundle,
  'id' | 'type' | 'title' | 'subtitle' | 'definition' | 'unit' | 'asOf' | 'sources' | 'description' | 'csv' | 'table' | 'count'
> {
  wide: Scene;
  narrow: Scene;
  extra?: Pick<ChartBundle, 'regionId' | 'metricId' | 'parentId'>;
}

function sourceLine(sources: SourceRef[]): string {
  return `来源：${sources.map((s) => `${s.publisher ? `${s.publisher}《` : '《'}${s.title}》（${s.date}）`).join('；')}`;
}

function citation(opts: ChartOptions, id: string, title: string, asOf: string, sources: SourceRef[]): string {
  const original = sources.map((s) => `${s.publisher ? `${s.publisher}《` : '《'}${s.title}》`).join('；');
  const version = opts.version ? `，数据版本 ${opts.version}` : '';
  return `${opts.siteName}：《${title}》（图表，数据截至${asOf}${version}），原始来源：${original}。${opts.chartUrl(id)}`;
}

export function bundle(opts: ChartOptions, p: Parts): ChartBundle {
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
