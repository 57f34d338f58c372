/** The comparison chart in words: the text of its <desc>. */
import type { ChartRow } from '../core/series.ts';
import { valueAt } from '../core/words.ts';

/** "集团化办学覆盖率（各地最新数据）：郑州市69.5%（2024年9月）；河南省53%（…）。…" */
export function describeBarChart(metricName: string, unitWord: string, rows: ChartRow[]): string {
  if (rows.length === 0) return `${metricName}：暂无数据。`;
  const list = rows.map((r) => `${r.regionName}${valueAt(r, unitWord)}`).join('；');
  const sorted = [...rows].sort((a, b) => b.value - a.value);
  const hi = sorted[0]!;
  const lo = sorted[sorted.length - 1]!;
  const extremes = rows.length > 1 && hi.value !== lo.value ? `${hi.regionName}最高，${lo.regionName}最低。` : '';
  const dates = new Set(rows.map((r) => r.date));
  const caution = dates.size > 1 ? '各地数据的时间不同，比较时请留意。' : '';
  return `${metricName}（各地最新数据）：${list}。${extremes}${caution}`;
}
