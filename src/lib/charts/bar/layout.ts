/**
 * One metric across regions: the latest figure for each region as a horizontal
 * bar, the region and the figure's date above it, the value at its end. Derived
 * figures are hollow with a dashed outline and say "推算" in words.
 */
import { kindLabel, valueText, valueWords } from '../core/format.ts';
import { linear, valueAxis, valueTick } from '../core/scales.ts';
import { COLORS, type Hit, type Mark, type Scene } from '../core/scene.ts';
import type { ChartRow, Unit } from '../core/series.ts';
import { BAR_H, barRect } from '../core/shapes.ts';
import type { ChartSize } from '../core/sizes.ts';
import { textWidth } from '../core/text.ts';

function tip(r: ChartRow, unitWord: string): string[] {
  const lines = [`${r.regionName} · ${kindLabel(r)}`, valueWords(r.value, r.unit, unitWord, r.qualifier), `时间：${r.dateLabel}`];
  if (r.kind === 'derived' && r.note) lines.push(`推算：${r.note}`);
  lines.push(`来源：${r.sourceTitle}`);
  return lines;
}

function hit(r: ChartRow, row: number, unitWord: string, box: { x: number; y: number; w: number; h: number }): Hit {
  const t = tip(r, unitWord);
  return { shape: 'rect', ...box, label: t.join('，'), tip: t, row, value: r.value, date: r.date, kind: r.kind };
}

export interface BarChartInput {
  /** In drawing order (largest first). */
  rows: ChartRow[];
  unit: Unit;
  unitWord: string;
}

export function layoutBarChart(input: BarChartInput, size: ChartSize): Scene {
  const { width: W, font } = size;
  const marks: Mark[] = [];
  const hits: Hit[] = [];
  let top = 4;
  if (input.rows.some((r) => r.kind === 'derived')) {
    const y = top + font * 0.85;
    marks.push(barRect({ x: 4, y: y - 6, w: 22, h: 12 }, true));
    marks.push({ type: 'text', x: 32, y: y + (font - 1) * 0.36, text: '推算值（虚线框）', size: font - 1, fill: COLORS.inkSoft });
    marks.push(barRect({ x: 32 + textWidth('推算值（虚线框）', font - 1) + 14, y: y - 6, w: 22, h: 12 }, false));
    marks.push({
      type: 'text',
      x: 32 + textWidth('推算值（虚线框）', font - 1) + 42,
      y: y + (font - 1) * 0.36,
      text: '实际值',
      size: font - 1,
      fill: COLORS.inkSoft,
    });
    top += font * 2;
  }
  const axis = valueAxis(
    input.unit,
    input.rows.map((r) => r.value),
    size.compact ? 3 : 5,
  );
  const valueLabels = input.rows.map((r) => valueText(r.value, r.unit, r.qualifier));
  const labelRoom = Math.max(0, ...valueLabels.map((l) => textWidth(l, font))) + 10;
  const left = 6;
  const right = W - labelRoom - 4;
  const x = linear(axis, [left, right]);
  // Region and date above each bar; the date drops to its own line when both do not fit.
  const heads = input.rows.map((r) => {
    const meta = `${r.dateLabel}${r.kind === 'derived' ? ' · 推算' : ''}`;
    const oneLine = left + textWidth(r.regionName, font) + 8 + textWidth(meta, font - 1) <= W - 4;
    return { meta, oneLine, h: font * 1.4 * (oneLine ? 1 : 2) };
  });
  const rowHs = heads.map((h) => h.h + 4 + BAR_H + 12);
  const plotTop = top;
  const plotBottom = top + rowHs.reduce((a, b) => a + b, 0);

  // Gridlines run only behind the bars, so they never cross the names above them.
  let gy = plotTop;
  for (const [i, h] of rowHs.entries()) {
    const barY = gy + heads[i]!.h + 4;
    for (const t of axis.ticks) {
      const tx = x(t);
      marks.push({
        type: 'line',
        x1: tx,
        y1: barY - 4,
        x2: tx,
        y2: barY + BAR_H + 4,
        stroke: t === 0 ? COLORS.axis : COLORS.grid,
        width: 1,
        cls: 'grid',
      });
    }
    gy += h;
  }
  axis.ticks.forEach((t, i) => {
    const anchor = i === 0 ? 'start' : 'middle';
    marks.push({
      type: 'text',
      x: x(t),
      y: plotBottom + font - 2,
      text: valueTick(input.unit, t),
      size: font - 1,
      fill: COLORS.inkSoft,
      anchor,
    });
  });

  let y0 = plotTop;
  input.rows.forEach((r, i) => {
    const head = heads[i]!;
    const nameY = y0 + font * 1.1;
    const barY = y0 + head.h + 4;
    marks.push({ type: 'text', x: left, y: nameY, text: r.regionName, size: font, fill: COLORS.ink, weight: 600 });
    marks.push(
      head.oneLine
        ? { type: 'text', x: left + textWidth(r.regionName, font) + 8, y: nameY, text: head.meta, size: font - 1, fill: COLORS.inkSoft }
        : { type: 'text', x: left, y: nameY + font * 1.4, text: head.meta, size: font - 1, fill: COLORS.inkSoft },
    );
    const x1 = x(0);
    const x2 = x(r.value);
    marks.push(barRect({ x: x1, y: barY, w: x2 - x1, h: BAR_H }, r.kind === 'derived', 'bar'));
    marks.push({
      type: 'text',
      x: x2 + 6,
      y: barY + BAR_H / 2 + font * 0.36,
      text: valueLabels[i]!,
      size: font,
      fill: COLORS.ink,
      weight: 600,
    });
    hits.push(hit(r, i + 1, input.unitWord, { x: 0, y: y0, w: W, h: rowHs[i]! - 4 }));
    y0 += rowHs[i]!;
  });

  return { width: W, height: Math.ceil(plotBottom + font + 4), marks, hits };
}
