/** Dates for charts: where a figure sits on a time axis, and how to say its date in words. */
import { dateAsYears, dateBounds, formatFuzzyDateZh, type DatePoint, type FuzzyDate } from '../../fuzzy-date.ts';

export interface AxisDate {
  /** Earliest and latest day the date can mean, as fractional years (latest day counted as elapsed). */
  from: number;
  to: number;
  earliest: string;
  latest: string;
  /**
   * True when the source does not pin the date to a month: a bounded range or a bare
   * year. Such figures are drawn as a bar from earliest to latest, never as a dot.
   */
  uncertain: boolean;
}

export function axisDate(d: FuzzyDate): AxisDate | null {
  const years = dateAsYears(d);
  const bounds = dateBounds(d);
  if (!years || !bounds) return null;
  const uncertain = d.kind === 'range' || (d.kind === 'point' && d.point.month === undefined);
  return { ...years, ...bounds, uncertain };
}

const isYearEnd = (p: DatePoint) => p.month === 12 && p.day === undefined;

function pointWords(p: DatePoint): string {
  if (isYearEnd(p)) return `${p.year}年底`;
  return formatFuzzyDateZh({ kind: 'point', point: p });
}

/** "2023年底", "2024年9月", "2024年1月至2025年9月之间": exactly the precision the source gives. */
export function dateWords(d: FuzzyDate): string {
  if (d.kind === 'point') return pointWords(d.point);
  if (d.kind === 'range') return `${pointWords(d.from)}至${pointWords(d.to)}之间`;
  return formatFuzzyDateZh(d);
}

/** A deadline in words: "2025年底前", "2027年底前" (a bare year means by its end), "2026年6月前". */
export function deadlineWords(d: FuzzyDate): string {
  const p = d.kind === 'point' ? d.point : d.kind === 'range' ? d.to : undefined;
  if (!p) return formatFuzzyDateZh(d);
  if (p.month === undefined || isYearEnd(p)) return `${p.year}年底前`;
  return `${pointWords(p)}前`;
}
