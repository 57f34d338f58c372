/**
 * From validated statistics to what a chart plots: one row per figure, with its
 * place on the time axis, its kind and its source. No Astro, no DOM.
 */
import type { Dataset, Located } from '../../data/dataset.ts';
import type { Metric, Region, Source, Statistic } from '../../schemas/index.ts';
import { axisDate, dateWords, deadlineWords } from './dates.ts';

type StatisticKind = Statistic['kind'];
export type Unit = Metric['unit'];
export type Qualifier = Statistic['qualifier'];

export interface SourceRef {
  id: string;
  title: string;
  publisher?: string;
  /** Publication date in words ("2024年10月29日", "日期不详"). */
  date: string;
  url?: string;
}

/** One plotted figure. The CSV download and the data table list exactly these rows. */
export interface ChartRow {
  /** "main" is the chart's own region; "parent" is the parent region shown for comparison. */
  series: 'main' | 'parent';
  region: string;
  regionName: string;
  metric: string;
  metricName: string;
  unit: Unit;
  kind: StatisticKind;
  value: number;
  qualifier: Qualifier;
  /** The upper end of a range (2—4), when the source gives one. */
  valueMax?: number;
  /** The figure as the source writes it (约900所), '' when not recorded; labels show it in place of the number. */
  wording: string;
  /** The stage term the figure covers ('' = not stated by the source) and its name. */
  stage: string;
  stageLabel: string;
  /** The date as written in data/statistics.csv. */
  date: string;
  /** The date in words, at the precision the source supports. */
  dateLabel: string;
  earliest: string;
  latest: string;
  /** Fractional years (see dateAsYears). */
  from: number;
  to: number;
  uncertain: boolean;
  /** The source ids as written in data/statistics.csv ("a|b" when two sources give the figure). */
  source: string;
  sources: string[];
  /** Every source's title, "；"-separated. */
  sourceTitle: string;
  note: string;
  /** Where the figure is recorded: "data/statistics.csv:12". */
  record: string;
}

export interface MetricInfo {
  id: string;
  name: string;
  unit: Unit;
  numerator: string;
  denominator?: string;
  definition: string;
}

const kindOrder: Record<StatisticKind, number> = { actual: 0, derived: 1, target: 2 };

/** Time order; at the same start, the narrower date first, then actual before derived before target. */
function compareRows(a: ChartRow, b: ChartRow): number {
  return a.from - b.from || a.to - b.to || kindOrder[a.kind] - kindOrder[b.kind] || a.record.localeCompare(b.record);
}

/** Lookups the builders share; built once per dataset. */
export interface ChartContext {
  data: Dataset;
  region: Map<string, Located<Region>>;
  metric: Map<string, Located<Metric>>;
  source: Map<string, Located<Source>>;
  statsByRegion: Map<string, Located<Statistic>[]>;
  /** Stage term ids to their names (普通高中). */
  stageName: Map<string, string>;
}

export function chartContext(data: Dataset): ChartContext {
  const statsByRegion = new Map<string, Located<Statistic>[]>();
  for (const s of data.statistics) {
    const list = statsByRegion.get(s.region);
    if (list) list.push(s);
    else statsByRegion.set(s.region, [s]);
  }
  return {
    data,
    region: new Map(data.regions.map((r) => [r.id, r])),
    metric: new Map(data.metrics.map((m) => [m.id, m])),
    source: new Map(data.sources.map((s) => [s.id, s])),
    statsByRegion,
    stageName: new Map(data.terms.filter((t) => t.kind === 'stage').map((t) => [t.id, t.term])),
  };
}

export function metricInfo(m: Metric): MetricInfo {
  return {
    id: m.id,
    name: m.name,
    unit: m.unit,
    numerator: m.numerator,
    ...(m.denominator ? { denominator: m.denominator } : {}),
    definition: m.definition,
  };
}

/** A chart row for one statistic, or null when its date cannot be placed on an axis. */
function toRow(ctx: ChartContext, s: Located<Statistic>, series: ChartRow['series']): ChartRow | null {
  const axis = axisDate(s.date.parsed);
  const metric = ctx.metric.get(s.metric);
  const region = ctx.region.get(s.region);
  if (!axis || !metric || !region) return null;
  return {
    series,
    region: region.id,
    regionName: region.name,
    metric: metric.id,
    metricName: metric.name,
    unit: metric.unit,
    kind: s.kind,
    value: s.value,
    qualifier: s.qualifier,
    ...(s.value_max !== undefined ? { valueMax: s.value_max } : {}),
    wording: s.wording ?? '',
    stage: s.stage ?? '',
    stageLabel: s.stage ? (ctx.stageName.get(s.stage) ?? s.stage) : '',
    date: s.date.text,
    dateLabel: s.kind === 'target' ? deadlineWords(s.date.parsed) : dateWords(s.date.parsed),
    earliest: axis.earliest,
    latest: axis.latest,
    from: axis.from,
    to: axis.to,
    uncertain: s.kind !== 'target' && axis.uncertain,
    source: s.source.join('|'),
    sources: s.source,
    sourceTitle: s.source.map((id) => ctx.source.get(id)?.title ?? id).join('；'),
    note: s.note ?? '',
    record: `${s._file}:${s._line}`,
  };
}

export function rowsFor(ctx: ChartContext, regionId: string, metricId: string, series: ChartRow['series']): ChartRow[] {
  return (ctx.statsByRegion.get(regionId) ?? [])
    .filter((s) => s.metric === metricId)
    .flatMap((s) => toRow(ctx, s, series) ?? [])
    .sort(compareRows);
}

export const isObserved = (r: ChartRow) => r.kind !== 'target';

/** The middle of a figure's possible dates, in years: where it sits on a time axis. */
export const mid = (r: ChartRow) => (r.from + r.to) / 2;

/** Observed figures in time order (by middle, then earliest date). */
export const inTimeOrder = (rows: ChartRow[]) => [...rows].sort((a, b) => mid(a) - mid(b) || a.from - b.from);

/**
 * The most recent observed figure: latest possible day first, then earliest, and
 * an actual figure before a derived one for the same date.
 */
export function latestObserved(rows: ChartRow[]): ChartRow | undefined {
  let best: ChartRow | undefined;
  for (const r of rows) {
    if (!isObserved(r)) continue;
    if (
      !best ||
      r.to > best.to ||
      (r.to === best.to && r.from > best.from) ||
      (r.to === best.to && r.from === best.from && kindOrder[r.kind] < kindOrder[best.kind])
    )
      best = r;
  }
  return best;
}

export function sourcesOf(ctx: ChartContext, rows: ChartRow[]): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const id of rows.flatMap((r) => r.sources)) {
    if (seen.has(id)) continue;
    seen.add(id);
    const s = ctx.source.get(id);
    out.push({
      id,
      title: s?.title ?? id,
      ...(s?.publisher ? { publisher: s.publisher } : {}),
      date: s ? dateWords(s.date.parsed) : '日期不详',
      ...(s?.url ? { url: s.url } : {}),
    });
  }
  return out;
}

/** "数据截至" for a set of rows: the latest observed date, else when the targets were published. */
export function asOfWords(rows: ChartRow[], sources: SourceRef[]): string {
  const latest = latestObserved(rows);
  if (latest) return latest.dateLabel;
  const dated = sources.filter((s) => s.date !== '日期不详');
  return dated.length > 0 ? `暂无实际数据（目标见于${dated.map((s) => s.date).join('、')}的来源）` : '暂无实际数据';
}

/** The unit as a reader says it: "%", "所" for schools, "个" for other counts. */
export function unitWord(m: MetricInfo): string {
  if (m.unit === 'percent') return '%';
  return /学校|校数|所/.test(`${m.name}${m.numerator}`) ? '所' : '个';
}

/** The definition in words: numerator and denominator for a rate, what is counted for a count. */
export function definitionLine(m: MetricInfo): string {
  if (m.unit === 'percent')
    return m.denominator ? `分子：${m.numerator}；分母：${m.denominator}；以百分比表示。` : `${m.numerator}，以百分比表示。`;
  return `计数：${m.numerator}。`;
}

export function unitLine(m: MetricInfo): string {
  return m.unit === 'percent' ? '单位：%' : `单位：${unitWord(m)}`;
}

/** Metrics in file order, rates before counts (coverage is the headline). */
export function metricOrder(ctx: ChartContext): MetricInfo[] {
  const list = ctx.data.metrics.map(metricInfo);
  return [...list.filter((m) => m.unit === 'percent'), ...list.filter((m) => m.unit !== 'percent')];
}
