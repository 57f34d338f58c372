/** The chart over time for each region and metric. */
import { bundle, chartId, type ChartBundle, type ChartOptions } from '../core/bundle.ts';
import { rowCsv, rowTable } from '../core/rows.ts';
import {
  asOfWords,
  definitionLine,
  isObserved,
  metricOrder,
  rowsFor,
  sourcesOf,
  unitLine,
  unitWord,
  type ChartContext,
  type MetricInfo,
} from '../core/series.ts';
import { NARROW, WIDE } from '../core/sizes.ts';
import { describeTimeChart } from './describe.ts';
import { layoutTimeChart } from './layout.ts';

function timeChart(ctx: ChartContext, opts: ChartOptions, regionId: string, m: MetricInfo): ChartBundle | null {
  const region = ctx.region.get(regionId);
  if (!region) return null;
  const main = rowsFor(ctx, regionId, m.id, 'main');
  if (main.length === 0) return null;
  // The parent region for comparison: rates only (a province's count dwarfs a city's).
  const parentRegion = region.parent ? ctx.region.get(region.parent) : undefined;
  // Like with like: the parent's figures only for the stages the region's own figures cover.
  const stages = new Set(main.map((r) => r.stage));
  const parentRows =
    parentRegion && m.unit === 'percent'
      ? rowsFor(ctx, parentRegion.id, m.id, 'parent').filter((r) => isObserved(r) && stages.has(r.stage))
      : [];
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
