/** For each metric, its latest figure across regions. */
import { bundle, chartId, type ChartBundle, type ChartOptions } from '../core/bundle.ts';
import { rowCsv, rowTable } from '../core/rows.ts';
import {
  asOfWords,
  definitionLine,
  latestObserved,
  metricOrder,
  rowsFor,
  sourcesOf,
  unitLine,
  unitWord,
  type ChartContext,
  type ChartRow,
} from '../core/series.ts';
import { leftOutNote, topRegionLevels } from '../core/region-levels.ts';
import { NARROW, WIDE } from '../core/sizes.ts';
import { describeBarChart } from './describe.ts';
import { layoutBarChart } from './layout.ts';

/** The latest figure per region for one metric, largest first: the rows of a comparison chart. */
function comparisonRows(ctx: ChartContext, metricId: string): ChartRow[] {
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
