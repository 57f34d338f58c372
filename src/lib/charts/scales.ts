/**
 * Axes for the charts: a time axis in fractional years with whole-year ticks, and
 * a value axis from zero. Domains and ticks are rounded so output is stable.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import { formatStatValue } from '../data/format.ts';
import type { Unit } from './series.ts';

export interface Axis {
  lo: number;
  hi: number;
  ticks: number[];
}

const YEAR_STEPS = [1, 2, 5, 10, 20, 50];

/**
 * Whole years covering every value, at least two years wide so a lone figure sits
 * inside the frame, with at most `maxTicks` labelled years (every 1, 2, 5… years).
 */
export function timeAxis(values: number[], maxTicks: number): Axis {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { lo: 0, hi: 1, ticks: [0, 1] };
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  let lo = Math.floor(min);
  let hi = Math.ceil(max);
  while (hi - lo < 2) {
    if (min - lo <= hi - max) lo -= 1;
    else hi += 1;
  }
  const step = YEAR_STEPS.find((s) => Math.floor(hi / s) - Math.ceil(lo / s) + 1 <= Math.max(2, maxTicks)) ?? 100;
  // Widen to whole steps so the first and last ticks sit on the frame.
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let y = lo; y <= hi; y += step) ticks.push(y);
  return { lo, hi, ticks };
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
