import { describe, expect, it } from 'vitest';
import { compareQuantities, isExact, parseQuantity, quantityWithUnit } from '../../src/lib/quantity.ts';

describe('a quantity as the source writes it', () => {
  it.each([
    ['4', 4, 4, 'eq'],
    ['约900', 900, 900, 'approx'],
    ['约900所', 900, 900, 'approx'],
    ['900所左右', 900, 900, 'approx'],
    ['近20', 20, 20, 'near'],
    ['近千所', 1000, 1000, 'near'],
    ['10以上', 10, 10, 'gte'],
    ['10所以上', 10, 10, 'gte'],
    ['20余', 20, 20, 'gt'],
    ['20余所', 20, 20, 'gt'],
    ['超过1,200', 1200, 1200, 'gt'],
    ['不足5所', 5, 5, 'lt'],
    ['2—4', 2, 4, 'eq'],
    ['2-4', 2, 4, 'eq'],
    ['2至4所', 2, 4, 'eq'],
    ['53.5%', 53.5, 53.5, 'eq'],
  ])('%s keeps its text and parses to %d–%d (%s)', (text, min, max, qualifier) => {
    expect(parseQuantity(` ${text} `)).toEqual({ text, min, max, qualifier });
  });

  it.each(['', '好几所', '4—2', '约近20', '约20左右', '4 所学校', 'abc'])('refuses %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  it('sorts by the lower end, then the upper', () => {
    const qs = ['约900', '2—4', '3', '2'].map((t) => parseQuantity(t)!);
    expect(qs.sort(compareQuantities).map((q) => q.text)).toEqual(['2', '2—4', '3', '约900']);
  });

  it('counts only a single exact number as exact', () => {
    expect(['4', '约4', '2—4', '4以上'].map((t) => isExact(parseQuantity(t)!))).toEqual([true, false, false, false]);
  });

  it('adds a unit word where the text has none, in the right place', () => {
    expect(['约900', '10以上', '2—4', '20余所', '900左右'].map((t) => quantityWithUnit(parseQuantity(t)!, '所'))).toEqual([
      '约900所',
      '10所以上',
      '2—4所',
      '20余所',
      '900所左右',
    ]);
  });
});
