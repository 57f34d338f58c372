/** The pure chart layout: scales and ticks, text measures, label collisions, dates on a time axis. */
import { describe, expect, it } from 'vitest';
import { axisDate, dateWords, deadlineWords } from '../../src/lib/charts/core/dates.ts';
import { candidate, inside, overlap, placeLabels, type Box, type LabelRequest } from '../../src/lib/charts/core/labels.ts';
import { timeAxis, valueAxis } from '../../src/lib/charts/core/scales.ts';
import { COLORS } from '../../src/lib/charts/core/scene.ts';
import { escapeAttr, escapeXml, num, textWidth, wrapParts, wrapText } from '../../src/lib/charts/core/text.ts';
import { parseFuzzyDate } from '../../src/lib/fuzzy-date.ts';

const fd = (s: string) => parseFuzzyDate(s)!;

describe('time axis', () => {
  it('covers the data in whole years, ticks on 1 January, labels mid-year', () => {
    const a = timeAxis([2023.96, 2024.6, 2025.75, 2026], 8);
    expect(a.lo).toBe(2023);
    expect(a.hi).toBe(2026);
    expect(a.ticks).toEqual([2023, 2024, 2025, 2026]);
    expect(a.labels).toEqual([2023, 2024, 2025]);
  });
  it('is at least two years wide, so a lone deadline sits inside the frame', () => {
    // "by 2027" ends on 2028-01-01.
    const a = timeAxis([2028], 8);
    expect(a.hi - a.lo).toBe(2);
    expect(a.lo).toBeLessThan(2028);
    expect(a.hi).toBeGreaterThan(2028);
    expect(a.labels).toContain(2027);
  });
  it('thins labels to every 2 or 5 years when space is short', () => {
    const a = timeAxis([2016, 2025.8], 5);
    expect(a.labels.length).toBeLessThanOrEqual(5);
    expect(a.labels.every((y) => y % 2 === 0 || y % 5 === 0)).toBe(true);
    expect(a.ticks[0]).toBe(2016);
    expect(a.ticks[a.ticks.length - 1]).toBe(2026);
  });
  it('never produces fractional ticks', () => {
    for (const values of [[2020.1, 2020.2], [1999.5, 2031.2], [2024.99]]) {
      const a = timeAxis(values, 4);
      expect(a.ticks.every(Number.isInteger)).toBe(true);
      expect(a.labels.every(Number.isInteger)).toBe(true);
    }
  });
});

describe('value axis', () => {
  it('always shows rates from 0 to 100%', () => {
    expect(valueAxis('percent', [53, 69.5], 5)).toEqual({ lo: 0, hi: 100, ticks: [0, 25, 50, 75, 100] });
    expect(valueAxis('percent', [29], 3).ticks).toEqual([0, 50, 100]);
  });
  it('gives counts nice integer ticks from zero with headroom', () => {
    const a = valueAxis('count', [236, 3424], 5);
    expect(a.lo).toBe(0);
    expect(a.hi).toBeGreaterThanOrEqual(3424 * 1.08);
    expect(a.ticks.every(Number.isInteger)).toBe(true);
    expect(a.ticks[0]).toBe(0);
    expect(valueAxis('count', [100], 5)).toEqual({ lo: 0, hi: 120, ticks: [0, 20, 40, 60, 80, 100, 120] });
  });
  it('copes with no values or zeros', () => {
    expect(valueAxis('count', [], 5).hi).toBeGreaterThan(0);
    expect(valueAxis('count', [0, 0], 5).hi).toBeGreaterThan(0);
  });
});

describe('text', () => {
  it('measures Chinese wider than digits', () => {
    expect(textWidth('覆盖率', 12)).toBe(36);
    expect(textWidth('2024', 12)).toBeLessThan(textWidth('二〇二四', 12));
  });
  it('wraps without breaking numbers or starting a line with closing punctuation', () => {
    const lines = wrapText('来源：《聚焦义务教育集团化办学！河南教育集中采访系列活动启动》（2024年10月29日至2025年底之间）', 200, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(200 + 12);
    expect(lines.join('')).toBe('来源：《聚焦义务教育集团化办学！河南教育集中采访系列活动启动》（2024年10月29日至2025年底之间）');
    expect(lines.some((l) => /^[，。）》]/.test(l))).toBe(false);
    expect(lines.join('|')).not.toMatch(/20\|2|202\|4/);
  });
  it('breaks between phrases before breaking inside one', () => {
    expect(wrapParts(['最新69.5%（2024年10月至2025年10月之间）', '还差15.5个百分点'], 300, 12)).toEqual([
      '最新69.5%（2024年10月至2025年10月之间）',
      '还差15.5个百分点',
    ]);
    expect(wrapParts(['a', 'b'], 300, 12)).toEqual(['a · b']);
  });
  it('escapes markup and prints stable numbers', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(escapeAttr('a\nb')).toBe('a&#10;b');
    expect(num(1 / 3)).toBe('0.3');
    expect(num(-0.01)).toBe('0');
    expect(num(120)).toBe('120');
    expect(num(2.05)).toBe('2.1');
  });
});

describe('labels', () => {
  const frame: Box = { x: 0, y: 0, w: 300, h: 200 };
  const req = (id: string, ax: number, ay: number, text = '69.5%'): LabelRequest => ({ id, text, ax, ay, size: 12, gap: 8 });

  it('puts a lone label above its point', () => {
    const [l] = placeLabels([req('a', 150, 100)], [], frame);
    expect(l!.placement).toBe('above');
    expect(l!.anchor).toBe('middle');
    expect(l!.box.y + l!.box.h).toBeLessThanOrEqual(100 - 8);
    expect(l!.crowded).toBe(false);
  });
  it('moves a label that would leave the frame', () => {
    const [l] = placeLabels([req('a', 150, 5)], [], frame);
    expect(l!.placement).toBe('below');
    expect(inside(l!.box, frame)).toBe(true);
    const [r] = placeLabels([req('b', 298, 100, '目标≥85%（2025年底前）')], [], frame);
    expect(inside(r!.box, frame)).toBe(true);
    expect(r!.anchor).toBe('end');
  });
  it('keeps labels of nearby points apart and off the marks', () => {
    const points = [
      [100, 100],
      [110, 100],
      [120, 104],
      [130, 96],
    ] as const;
    const marks: Box[] = points.map(([x, y]) => ({ x: x - 5, y: y - 5, w: 10, h: 10 }));
    const placed = placeLabels(
      points.map(([x, y], i) => req(`p${i}`, x, y, '53%')),
      marks,
      frame,
    );
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) expect(overlap(placed[i]!.box, placed[j]!.box), `${i}/${j}`).toBe(0);
      for (const m of marks) expect(overlap(placed[i]!.box, m)).toBe(0);
      expect(inside(placed[i]!.box, frame)).toBe(true);
    }
  });
  it('still keeps an impossible label inside the frame, flagged as crowded', () => {
    const tiny: Box = { x: 0, y: 0, w: 40, h: 14 };
    const [l] = placeLabels([req('a', 20, 7, '很长很长的一段标签文字')], [], tiny);
    expect(l!.crowded).toBe(true);
    expect(l!.box.x).toBeGreaterThanOrEqual(0);
  });
  it('is deterministic', () => {
    const reqs = [req('a', 50, 50), req('b', 55, 52), req('c', 60, 48)];
    expect(placeLabels(reqs, [], frame)).toEqual(placeLabels(reqs, [], frame));
  });
  it('anchors text to match its box', () => {
    const c = candidate(req('a', 100, 100), 'left');
    expect(c.anchor).toBe('end');
    expect(c.x).toBeCloseTo(c.box.x + c.box.w);
  });
});

describe('dates on the axis', () => {
  it('treats ranges and bare years as uncertain, months and days as points', () => {
    expect(axisDate(fd('2024-08/2025-09'))!.uncertain).toBe(true);
    expect(axisDate(fd('2016'))!.uncertain).toBe(true);
    expect(axisDate(fd('2023-12'))!.uncertain).toBe(false);
    expect(axisDate(fd('2024-10-29'))!.uncertain).toBe(false);
  });
  it('spans exactly the days the source allows', () => {
    const a = axisDate(fd('2024-08/2025-09'))!;
    expect(a.earliest).toBe('2024-08-01');
    expect(a.latest).toBe('2025-09-30');
    expect(a.from).toBeCloseTo(2024 + 213 / 366, 6);
    // The latest day counts as elapsed: 30 September ends at 1 October.
    expect(a.to).toBeCloseTo(2025 + 273 / 365, 6);
  });
  it('cannot place a date without a year', () => {
    expect(axisDate(fd('--04-16'))).toBeNull();
    expect(axisDate(fd(''))).toBeNull();
  });
  it('says dates at the precision the source gives', () => {
    expect(dateWords(fd('2023-12'))).toBe('2023年底');
    expect(dateWords(fd('2024-09'))).toBe('2024年9月');
    expect(dateWords(fd('2024-08/2025-09'))).toBe('2024年8月至2025年9月之间');
    expect(deadlineWords(fd('2025-12'))).toBe('2025年底前');
    expect(deadlineWords(fd('2027'))).toBe('2027年底前');
    expect(deadlineWords(fd('2026-06'))).toBe('2026年6月前');
  });
});

describe('colours', () => {
  const lum = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  it('meets WCAG AA on white: 4.5:1 for text colours, 3:1 for marks', () => {
    for (const c of [COLORS.ink, COLORS.inkSoft, COLORS.target, COLORS.main, COLORS.parent])
      expect(contrast(c, COLORS.paper), c).toBeGreaterThanOrEqual(4.5);
    expect(contrast(COLORS.axis, COLORS.paper)).toBeGreaterThanOrEqual(3);
    // Series differ in hue, and always in shape or dash as well (never colour alone).
    expect(new Set([COLORS.main, COLORS.target, COLORS.parent]).size).toBe(3);
  });
});
