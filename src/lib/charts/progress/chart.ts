/** One chart of progress toward every target. */
import { bundle, chartId, type ChartBundle, type ChartOptions } from '../core/bundle.ts';
import { asOfWords, latestObserved, metricOrder, rowsFor, sourcesOf, unitWord, type ChartContext } from '../core/series.ts';
import { leftOutNote, topRegionLevels } from '../core/region-levels.ts';
import { NARROW, WIDE } from '../core/sizes.ts';
import { describeProgress } from './describe.ts';
import { layoutProgressChart } from './layout.ts';
import { progressOf, type TargetProgress } from './progress.ts';
import { progressCsv, progressTable } from './rows.ts';

/** Every target with the latest figure for its region and metric, in region order then deadline. */
function targetProgress(ctx: ChartContext): TargetProgress[] {
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

export function buildProgressChart(ctx: ChartContext, opts: ChartOptions): ChartBundle | null {
  const allItems = targetProgress(ctx);
  const items = topRegionLevels(ctx, allItems, (i) => i.progress.target.region);
  if (items.length === 0) return null;
  const id = chartId.targets;
  const rows = items.flatMap((i) => [i.progress.target, ...(i.progress.latest ? [i.progress.latest] : [])]);
  const sources = sourcesOf(ctx, rows);
  const drawn = items.map((i) => ({ progress: i.progress, metricName: i.metric.name, unitWord: i.unitWord }));
  const csv = progressCsv(id, items);
  const table = progressTable(items);
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
