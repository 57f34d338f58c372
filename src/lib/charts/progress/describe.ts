/** Progress toward targets in words: the text of the progress chart's <desc>, and the gap a time chart mentions. */
import { differenceWords, percentOf, valueWords } from '../core/format.ts';
import type { Unit } from '../core/series.ts';
import { valueAt } from '../core/words.ts';
import type { Progress } from './progress.ts';

export function gapWords(p: Progress, unit: Unit, unitWord: string): string {
  if (!p.latest) return '暂无实际数据';
  if (p.reached) return '已达到目标';
  const share = p.share !== undefined ? `完成目标的${percentOf(p.share)}，` : '';
  return `${share}还差${differenceWords(p.gap ?? 0, unit, unitWord)}`;
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
