/**
 * The time chart's trend in words: the text of <desc>, read by screen readers and
 * useful to anyone who cannot see the drawing (and to a journalist in a hurry).
 */
import { differenceWords, valueWords } from '../core/format.ts';
import { inTimeOrder, isObserved, latestObserved, type ChartRow, type Unit } from '../core/series.ts';
import { valueAt, valueOf } from '../core/words.ts';
import { gapWords } from '../progress/describe.ts';
import { progressOf } from '../progress/progress.ts';

export interface TimeDescription {
  regionName: string;
  metricName: string;
  unit: Unit;
  unitWord: string;
  rows: ChartRow[];
  parentName?: string;
}

/** "河南省集团化办学覆盖率从2023年底的29%（推算）升至53%（2024年1月至2025年9月之间），提高24个百分点。…" */
export function describeTimeChart(d: TimeDescription): string {
  const subject = `${d.regionName}${d.metricName}`;
  const main = d.rows.filter((r) => r.series === 'main');
  const obs = inTimeOrder(main.filter(isObserved));
  const parts: string[] = [];
  const first = obs[0];
  const last = obs[obs.length - 1];
  if (!first || !last) parts.push(`${subject}暂无实际数据。`);
  else if (first === last) parts.push(`${subject}为${valueAt(first, d.unitWord)}。`);
  else {
    const delta = last.value - first.value;
    const pct = d.unit === 'percent';
    const verb = delta > 0 ? (pct ? '升至' : '增至') : delta < 0 ? (pct ? '降至' : '减至') : '保持在';
    let s = `${subject}从${first.dateLabel}的${valueOf(first, d.unitWord)}${verb}${valueAt(last, d.unitWord)}`;
    if (delta !== 0) s += `，${delta > 0 ? (pct ? '提高' : '增加') : pct ? '下降' : '减少'}${differenceWords(delta, d.unit, d.unitWord)}`;
    parts.push(`${s}。`);
  }
  const latest = latestObserved(main);
  const targets = main.filter((r) => r.kind === 'target').sort((a, b) => a.to - b.to);
  for (const t of targets) {
    const p = progressOf(t, latest);
    parts.push(
      `目标：${t.dateLabel}达到${valueWords(t.value, t.unit, d.unitWord, t.qualifier)}${p.latest ? `，按最新数据${gapWords(p, d.unit, d.unitWord)}` : ''}。`,
    );
  }
  const parentLatest = latestObserved(d.rows.filter((r) => r.series === 'parent'));
  if (parentLatest) parts.push(`对比：${d.parentName ?? parentLatest.regionName}为${valueAt(parentLatest, d.unitWord)}。`);
  if (obs.some((r) => r.uncertain)) parts.push('横条表示来源未写明确切时间、只能确定时间范围的数据。');
  return parts.join('');
}
