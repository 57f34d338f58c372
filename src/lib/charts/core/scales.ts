/**
 * Axes for the charts: a time axis in fractional years with whole-year ticks, and
 * a value axis from zero. Domains and ticks are rounded so output is stable.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import { formatStatValue } from '../../data/format.ts';
import type { Unit } from './series.ts';

export interface Axis {
  lo: number;
  hi: number;
  ticks: number[];
}

const YEAR_STEPS = [1, 2, 5, 10, 20, 50];

export interface TimeAxis extends Axis {
  /** Years labelled at the middle of their span: "2027" sits between 2027-01-01 and 2028-01-01. */
  labels: number[];
}

/**
 * Whole years covering every value, at least two years wide so a lone figure sits
 * inside the frame. Tick marks fall on year boundaries (1 January); each year's
 * label sits in the middle of its year, so "by the end of 2027" reads as the right
 * edge of the 2027 band, not as a tick labelled 2028. At most `maxLabels` labels
 * (every 1, 2, 5… years).
 */
export function timeAxis(values: number[], maxLabels: number): TimeAxis {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { lo: 0, hi: 2, ticks: [0, 1, 2], labels: [0, 1] };
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  let lo = Math.floor(min);
  let hi = Math.ceil(max);
  while (hi - lo < 2) {
    if (min - lo <= hi - max) lo -= 1;
    else hi += 1;
  }
  const years: number[] = [];
  for (let y = lo; y < hi; y++) years.push(y);
  const step = YEAR_STEPS.find((s) => years.filter((y) => y % s === 0).length <= Math.max(1, maxLabels)) ?? 100;
  const labels = step === 1 ? years : years.filter((y) => y % step === 0);
  const ticks: number[] = [];
  // A tick on every 1 January while that stays legible; otherwise on labelled years and the ends.
  for (let y = lo; y <= hi; y++) if (hi - lo <= 30 || y % step === 0 || y === lo || y === hi) ticks.push(y);
  return { lo, hi, ticks, labels };
}

/**
 * A value axis from zero. Rates always span 0–100 % so a change is never
 * exaggerated; counts get d3's nice bounds with a little headroom for labels.
 */
export function valueAxis(unit: Unit, values: number[], tickCount: number): Axis {
  if (unit === 'percent') {
    const step = tickCount >= 5 ? 25 : 50;
    const ticks: number[] = [];
    for (let v = 0; v <= 100; v += step) ticks.push(v);
    return { lo: 0, hi: 100, ticks };
  }
  const max = Math.max(0, ...values.filter(Number.isFinite));
  const scale = scaleLinear()
    .domain([0, max === 0 ? 1 : max * 1.08])
    .nice(tickCount);
  const hi = scale.domain()[1]!;
  const ticks = scale.ticks(tickCount).filter((t) => Number.isInteger(t));
  return { lo: 0, hi, ticks };
}

export function linear(axis: Axis, range: [number, number]): ScaleLinear<number, number> {
  return scaleLinear().domain([axis.lo, axis.hi]).range(range);
}

export const yearTick = (y: number) => String(y);

export function valueTick(unit: Unit, v: number): string {
  return formatStatValue(v, unit);
}
