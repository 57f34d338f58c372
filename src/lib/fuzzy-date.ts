/**
 * Dates as the sources give them. A source may state a day, a month, a year, a
 * month and day with no year (a news item dated "4月16日"), or nothing at all; a
 * bounded range records what can be inferred without guessing a year.
 *
 * Text forms (one CSV cell):
 *   ""                      unknown
 *   "2024" "2024-10" "2024-10-29"
 *   "--04-16"               month and day known, year unknown
 *   "2024-10-29/2025-10-31" somewhere between the two (inclusive)
 */

/**
 * The date rule in one wording, shown by the validator, `npm run new`, datapackage.json
 * and CONTRIBUTING.md (a unit test checks the guide quotes it).
 */
export const DATE_RULE =
  '按来源能支持的精度写：2024、2024-10、2024-10-29；只有月日没有年份写 --04-16；能推断范围写 2024-08/2025-09；来源没有日期就留空（显示为“日期不详”）';

export interface DatePoint {
  year: number;
  month?: number;
  day?: number;
}

export type FuzzyDate =
  | { kind: 'unknown' }
  | { kind: 'point'; point: DatePoint }
  | { kind: 'no-year'; month: number; day?: number }
  | { kind: 'range'; from: DatePoint; to: DatePoint };

const POINT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const NO_YEAR = /^--(\d{2})(?:-(\d{2}))?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parsePoint(text: string): DatePoint | null {
  const m = POINT.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const point: DatePoint = { year };
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    point.month = month;
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      if (day < 1 || day > daysInMonth(year, month)) return null;
      point.day = day;
    }
  }
  return point;
}

/** Returns null when the text is not a valid fuzzy date. */
export function parseFuzzyDate(text: string): FuzzyDate | null {
  const t = text.trim();
  if (t === '') return { kind: 'unknown' };
  const noYear = NO_YEAR.exec(t);
  if (noYear) {
    const month = Number(noYear[1]);
    if (month < 1 || month > 12) return null;
    if (noYear[2] === undefined) return { kind: 'no-year', month };
    const day = Number(noYear[2]);
    if (day < 1 || day > daysInMonth(2024, month)) return null;
    return { kind: 'no-year', month, day };
  }
  if (t.includes('/')) {
    const [a, b, ...rest] = t.split('/');
    if (rest.length > 0 || a === undefined || b === undefined) return null;
    const from = parsePoint(a);
    const to = parsePoint(b);
    if (!from || !to) return null;
    if (lowerBound(from) > upperBound(to)) return null;
    return { kind: 'range', from, to };
  }
  const point = parsePoint(t);
  return point ? { kind: 'point', point } : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The earliest ISO day a point can mean. */
function lowerBound(p: DatePoint): string {
  return `${p.year}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
}

/** The latest ISO day a point can mean. */
function upperBound(p: DatePoint): string {
  const month = p.month ?? 12;
  return `${p.year}-${pad(month)}-${pad(p.day ?? daysInMonth(p.year, month))}`;
}

/** Earliest and latest ISO day the date can mean; null where the year is unknown. */
export function dateBounds(d: FuzzyDate): { earliest: string; latest: string } | null {
  switch (d.kind) {
    case 'point':
      return { earliest: lowerBound(d.point), latest: upperBound(d.point) };
    case 'range':
      return { earliest: lowerBound(d.from), latest: upperBound(d.to) };
    default:
      return null;
  }
}

/** A date usable on a time axis: its midpoint as a fractional year, with its spread. */
export function dateAsYears(d: FuzzyDate): { from: number; to: number } | null {
  const b = dateBounds(d);
  if (!b) return null;
  return { from: isoToYears(b.earliest), to: isoToYears(b.latest, true) };
}

/** A fractional year: 2024-01-01 → 2024.0; with `endOfDay` the day counts as elapsed. */
function isoToYears(iso: string, endOfDay = false): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, 0, 1);
  const next = Date.UTC(y + 1, 0, 1);
  const t = Date.UTC(y, m - 1, d) + (endOfDay ? 86_400_000 : 0);
  return y + (t - start) / (next - start);
}

function formatPointZh(p: DatePoint): string {
  let s = `${p.year}年`;
  if (p.month !== undefined) s += `${p.month}月`;
  if (p.day !== undefined) s += `${p.day}日`;
  return s;
}

/** Chinese display text that states exactly the precision the source supports. */
export function formatFuzzyDateZh(d: FuzzyDate): string {
  switch (d.kind) {
    case 'unknown':
      return '日期不详';
    case 'point':
      return formatPointZh(d.point);
    case 'no-year':
      return `${d.month}月${d.day !== undefined ? `${d.day}日` : ''}（年份不详）`;
    case 'range':
      return `${formatPointZh(d.from)}至${formatPointZh(d.to)}之间`;
  }
}

/** Sort key: known dates by their earliest day, unknown and year-less last. */
export function dateSortKey(d: FuzzyDate): string {
  return dateBounds(d)?.earliest ?? '9999-99-99';
}

/** True when `a` cannot be later than `b` (used for "dates in order" with uncertain dates). */
export function canPrecede(a: FuzzyDate, b: FuzzyDate): boolean {
  const ba = dateBounds(a);
  const bb = dateBounds(b);
  if (!ba || !bb) return true;
  return ba.earliest <= bb.latest;
}

const pad2 = (n: string) => n.padStart(2, '0');

/**
 * The valid spelling of a date written in a common other way (2023/12/06, 2023.12,
 * 2023年12月6日, 2023-9, 4月16日, 2024年8月至2025年9月), or undefined when there is none.
 */
export function suggestFuzzyDate(text: string): string | undefined {
  const t = text
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  if (t === '' || parseFuzzyDate(t)) return t !== text.trim() && parseFuzzyDate(t) ? t : undefined;
  const one = (part: string): string | undefined => {
    let m = /^(\d{4})(?:年|[-/.])?(?:(\d{1,2})(?:月|[-/.])?(?:(\d{1,2})日?)?)?$/.exec(part);
    if (m) return [m[1]!, ...(m[2] ? [pad2(m[2])] : []), ...(m[3] ? [pad2(m[3])] : [])].join('-');
    m = /^(\d{1,2})月(?:(\d{1,2})日)?$/.exec(part);
    if (m) return `--${pad2(m[1]!)}${m[2] ? `-${pad2(m[2])}` : ''}`;
    return undefined;
  };
  const range = /^(.+?)(?:至|到|~|～|—|–)(.+)$/.exec(t);
  const guess = range ? [one(range[1]!), one(range[2]!)].every(Boolean) && `${one(range[1]!)}/${one(range[2]!)}` : one(t);
  return guess && parseFuzzyDate(guess) ? guess : undefined;
}
