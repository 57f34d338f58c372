/** Number formats shared by tables, charts and downloads. */
import { format } from 'd3';
import type { QuantityQualifier } from '../quantity.ts';

const count = format(',d');
const percent = format('.3~f');

/** Signs for a figure's qualifier where space is short (tables, chart labels). */
const QUALIFIER_SIGN: Record<QuantityQualifier, string> = { eq: '', approx: '约', near: '近', gt: '>', gte: '≥', lt: '<', lte: '≤' };

/**
 * "69.5%", "≥85%", "约900", "2–4". A statistic with its source's wording is shown by
 * that wording instead (statisticText); this is the fallback and the chart label.
 */
export function formatStatValue(value: number, unit: 'percent' | 'count', qualifier: QuantityQualifier = 'eq', valueMax?: number): string {
  const one = (v: number) => (unit === 'percent' ? `${percent(v)}%` : count(v));
  const body = valueMax !== undefined && valueMax !== value ? `${one(value)}–${one(valueMax)}` : one(value);
  return `${QUALIFIER_SIGN[qualifier]}${body}`;
}

/**
 * A statistic as pages and downloads show it: the source's own wording (约900所, 2—4所)
 * when recorded, else the number with its qualifier sign and range.
 */
export function statisticText(
  s: { value: number; value_max?: number | undefined; qualifier: QuantityQualifier; wording?: string | undefined },
  unit: 'percent' | 'count',
): string {
  return s.wording ?? formatStatValue(s.value, unit, s.qualifier, s.value_max);
}
