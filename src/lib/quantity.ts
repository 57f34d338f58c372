/**
 * A quantity as a source writes it: 4, 约900, 近20, 10以上, 2—4, 20余. The text is kept
 * exactly as written and shown as written; the parsed form ({min, max, qualifier}) is
 * only for sorting and comparing, never shown in its place. Shared by a group's
 * reported_members and a statistic's wording.
 */

/** How the written number relates to the true one (statistics.csv's qualifier takes the same values). */
export type QuantityQualifier = 'eq' | 'approx' | 'near' | 'gt' | 'gte' | 'lt' | 'lte';

export interface Quantity {
  /** The cell as written, trimmed. */
  text: string;
  /** The lower end; equal to max unless the source gives a range (2—4). */
  min: number;
  max: number;
  qualifier: QuantityQualifier;
}

/** Words before the number, and what they mean. */
const PREFIX_QUALIFIER: Record<string, QuantityQualifier> = {
  约: 'approx',
  大约: 'approx',
  大概: 'approx',
  近: 'near',
  将近: 'near',
  接近: 'near',
  逾: 'gt',
  超过: 'gt',
  多于: 'gt',
  不到: 'lt',
  不足: 'lt',
  少于: 'lt',
};
/** Words after the number. */
const SUFFIX_QUALIFIER: Record<string, QuantityQualifier> = {
  左右: 'approx',
  上下: 'approx',
  余: 'gt',
  多: 'gt',
  以上: 'gte',
  及以上: 'gte',
  以下: 'lte',
  及以下: 'lte',
};
/** A unit word the source may write after the number (所, 个); kept in the text, ignored in the parse. */
const UNIT = '(?:所|个|家|校|人|万人|%|％)?';
/** 900, 1,200, 3.5, or a bare 十/百/千/万 as in 近千. */
const NUMBER = '(\\d+(?:[,，]\\d{3})*(?:\\.\\d+)?|[十百千万])';
const DASH = '\\s*(?:—|–|-|－|～|~|〜|至|到)\\s*';

const QUANTITY = new RegExp(
  `^(约|大约|大概|近|将近|接近|逾|超过|多于|不到|不足|少于)?${NUMBER}(?:${UNIT}${DASH}${NUMBER})?${UNIT}(左右|上下|余|多|及以上|以上|及以下|以下)?${UNIT}$`,
  'u',
);

const WORD_NUMBER: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
const toNumber = (s: string) => WORD_NUMBER[s] ?? Number(s.replace(/[,，]/g, ''));

/** The parse of a written quantity, or undefined when it is not one of the forms above. */
export function parseQuantity(written: string): Quantity | undefined {
  const text = written.trim();
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const [, prefix, first, second, suffix] = m;
  if (prefix && suffix) return undefined;
  const min = toNumber(first!);
  const max = second === undefined ? min : toNumber(second);
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return undefined;
  const qualifier = prefix ? PREFIX_QUALIFIER[prefix]! : suffix ? SUFFIX_QUALIFIER[suffix]! : 'eq';
  return { text, min, max, qualifier };
}

/** The rule an editor reads when a quantity does not parse. */
export const QUANTITY_RULE = '照来源原样写数量，如 4、约900、近20、10以上、20余、2—4';

/** Sorts by the lower end, then the upper end: 约900 beside 900, 2—4 before 3. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.min - b.min || a.max - b.max;
}

/** True when the quantity is a single exact number (4), so it can be summed or compared as a count. */
export const isExact = (q: Quantity) => q.qualifier === 'eq' && q.min === q.max;

/**
 * The quantity as written, with a unit word where the source left it out: 约900 → 约900所,
 * 10以上 → 10所以上, 2—4 → 2—4所; a text that already has a unit (20余所) stays as it is.
 */
export function quantityWithUnit(q: Quantity, unit: string): string {
  if (q.text.includes(unit)) return q.text;
  const tail = /(及以上|以上|及以下|以下|左右|上下)$/u.exec(q.text);
  return tail ? `${q.text.slice(0, tail.index)}${unit}${tail[0]}` : `${q.text}${unit}`;
}
