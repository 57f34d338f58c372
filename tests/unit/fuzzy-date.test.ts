import { describe, expect, it } from 'vitest';
import { canPrecede, dateAsYears, dateBounds, formatFuzzyDateZh, parseFuzzyDate } from '../../src/lib/fuzzy-date.ts';

describe('parseFuzzyDate', () => {
  it('keeps the precision the source gives', () => {
    expect(parseFuzzyDate('2024')).toEqual({ kind: 'point', point: { year: 2024 } });
    expect(parseFuzzyDate('2024-10')).toEqual({ kind: 'point', point: { year: 2024, month: 10 } });
    expect(parseFuzzyDate('2024-10-29')).toEqual({ kind: 'point', point: { year: 2024, month: 10, day: 29 } });
    expect(parseFuzzyDate('')).toEqual({ kind: 'unknown' });
  });
  it('records a month and day without inventing a year', () => {
    expect(parseFuzzyDate('--04-16')).toEqual({ kind: 'no-year', month: 4, day: 16 });
    expect(formatFuzzyDateZh(parseFuzzyDate('--04-16')!)).toBe('4月16日（年份不详）');
    expect(dateBounds(parseFuzzyDate('--04-16')!)).toBeNull();
  });
  it('reads bounded ranges', () => {
    const d = parseFuzzyDate('2024-10-29/2025-10-31')!;
    expect(dateBounds(d)).toEqual({ earliest: '2024-10-29', latest: '2025-10-31' });
    expect(formatFuzzyDateZh(d)).toBe('2024年10月29日至2025年10月31日之间');
  });
  it('rejects impossible dates and reversed ranges', () => {
    for (const bad of ['2024-13', '2023-02-29', '2024/2023', '24-10', '2024年', '2024-1', '--13-01', '2024/2025/2026'])
      expect(parseFuzzyDate(bad)).toBeNull();
    expect(parseFuzzyDate('2024-02-29')).not.toBeNull();
  });
  it('bounds a month to its last day', () => {
    expect(dateBounds(parseFuzzyDate('2024-02')!)).toEqual({ earliest: '2024-02-01', latest: '2024-02-29' });
    expect(dateBounds(parseFuzzyDate('2023')!)).toEqual({ earliest: '2023-01-01', latest: '2023-12-31' });
  });
  it('orders uncertain dates only when they cannot overlap', () => {
    expect(canPrecede(parseFuzzyDate('2023')!, parseFuzzyDate('2023-06')!)).toBe(true);
    expect(canPrecede(parseFuzzyDate('2024')!, parseFuzzyDate('2023')!)).toBe(false);
    expect(canPrecede(parseFuzzyDate('')!, parseFuzzyDate('2023')!)).toBe(true);
  });
  it('maps dates to fractional years for time axes', () => {
    const y = dateAsYears(parseFuzzyDate('2024')!)!;
    expect(y.from).toBe(2024);
    expect(y.to).toBe(2025);
  });
});
