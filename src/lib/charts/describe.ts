/**
 * Each chart's trend in words: the text of <desc>, read by screen readers and
 * useful to anyone who cannot see the drawing (and to a journalist in a hurry).
 */
import { differenceWords, percentOf, valueWords } from './format.ts';
import { progressOf, type Progress } from './progress.ts';
import { isObserved, latestObserved, type ChartRow, type Unit } from './series.ts';

const mid = (r: ChartRow) => (r.from + r.to) / 2;

function valueOf(r: ChartRow, unitWord: string): string {
  return `${valueWords(r.value, r.unit, unitWord, r.qualifier)}${r.kind === 'derived' ? '（推算）' : ''}`;
}

/** "69.5%（2024年9月）", "100%（推算，2024年10月至2025年10月之间）". */
function valueAt(r: ChartRow, unitWord: string): string {
  return `${valueWords(r.value, r.unit, unitWord, r.qualifier)}（${r.kind === 'derived' ? '推算，' : ''}${r.dateLabel}）`;
}

function gapWords(p: Progress, unit: Unit, unitWord: string): string {
  if (!p.latest) return '暂无实际数据';
  if (p.reached) return '已达到目标';
  const share = p.share !== undefined ? `完成目标的${percentOf(p.share)}，` : '';
  return `${share}还差${differenceWords(p.gap ?? 0, unit, unitWord)}`;
}

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
  const obs = main.filter(isObserved).sort((a, b) => mid(a) - mid(b) || a.from - b.from);
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

export interface ProgressDescriptionItem {
  progress: Progress;
  metricName: string;
  unitWord: string;
}

/** "共3项目标。郑州市集团化办学覆盖率：2025年底前达到85%以上；最新为69.5%（…），完成目标的82%，还差15.5个百分点。…" */
export function describeProgress(items: ProgressDescriptionItem[]): string {
  if (items.length === 0) return '暂无目标数据。';
  const parts = items.map(({ progress: p, metricName, unitWord }) => {
    const t = p.target;
    const head = `${t.regionName}${metricName}：${t.dateLabel}达到${valueWords(t.value, t.unit, unitWord, t.qualifier)}`;
    if (!p.latest) return `${head}；暂无实际数据。`;
    return `${head}；最新为${valueAt(p.latest, unitWord)}，${gapWords(p, t.unit, unitWord)}。`;
  });
  return `共${items.length}项目标。${parts.join('')}`;
}
