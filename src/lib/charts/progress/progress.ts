/** How far a region is from each of its targets, and by when. */
import type { ChartRow, MetricInfo } from '../core/series.ts';

export interface Progress {
  target: ChartRow;
  /** The latest actual (or derived) figure for the same region and metric, if any. */
  latest?: ChartRow;
  reached: boolean;
  /** Distance still to go, in the metric's unit (0 when reached). */
  gap?: number;
  /** Share of the target reached, 0–1 (capped at 1; undefined without a figure or for a zero target). */
  share?: number;
}

/** One target's progress with the metric it measures (what the chart's table and CSV list). */
export interface TargetProgress {
  progress: Progress;
  metric: MetricInfo;
  unitWord: string;
}

export function progressOf(target: ChartRow, latest: ChartRow | undefined): Progress {
  if (!latest) return { target, reached: false };
  const lower = target.qualifier === 'lte';
  const reached = lower ? latest.value <= target.value : latest.value >= target.value;
  const gap = reached ? 0 : Math.abs(target.value - latest.value);
  let share: number | undefined;
  if (lower) share = reached ? 1 : latest.value > 0 ? Math.min(1, target.value / latest.value) : undefined;
  else share = target.value > 0 ? Math.min(1, Math.max(0, latest.value / target.value)) : undefined;
  return { target, latest, reached, gap, ...(share !== undefined ? { share } : {}) };
}
