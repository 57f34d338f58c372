/**
 * One metric across regions: the latest figure for each region as a horizontal
 * bar, the region and the figure's date above it, the value at its end. Derived
 * figures are hollow with a dashed outline and say "推算" in words.
 */
import { kindLabel, rowValueText, stageWords, valueWords } from '../core/format.ts';
import { linear, valueAxis, valueTick } from '../core/scales.ts';
import { COLORS, type Hit, type Mark, type Scene } from '../core/scene.ts';
import type { ChartRow, Unit } from '../core/series.ts';
import { BAR_H, barRect } from '../core/shapes.ts';
import type { ChartSize } from '../core/sizes.ts';
import { textWidth } from '../core/text.ts';

function tip(r: ChartRow, unitWord: string): string[] {
  const lines = [
    `${r.regionName}${stageWords(r)} · ${kindLabel(r)}`,
    r.wording || valueWords(r.value, r.unit, unitWord, r.qualifier),
    `时间：${r.dateLabel}`,
  ];
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

/** The key, drawn only when some bar is derived: a dashed outline for "推算值", a filled bar for "实际值". */
function derivedLegend(font: number, top: number): Mark[] {
  const y = top + font * 0.85;
  const label = '推算值（虚线框）';
  return [
    barRect({ x: 4, y: y - 6, w: 22, h: 12 }, true),
    { type: 'text', x: 32, y: y + (font - 1) * 0.36, text: label, size: font - 1, fill: COLORS.inkSoft },
    barRect({ x: 32 + textWidth(label, font - 1) + 14, y: y - 6, w: 22, h: 12 }, false),
    {
      type: 'text',
      x: 32 + textWidth(label, font - 1) + 42,
      y: y + (font - 1) * 0.36,
      text: '实际值',
      size: font - 1,
      fill: COLORS.inkSoft,
    },
  ];
}

/** Where everything goes: the value scale left of the widest value label, and each row's head and height. */
function barLayout(input: BarChartInput, size: ChartSize) {
  const { width: W, font } = size;
  const axis = valueAxis(
    input.unit,
    input.rows.map((r) => r.value),
    size.compact ? 3 : 5,
  );
  const valueLabels = input.rows.map(rowValueText);
  const labelRoom = Math.max(0, ...valueLabels.map((l) => textWidth(l, font))) + 10;
  const left = 6;
  const x = linear(axis, [left, W - labelRoom - 4]);
  // Region and date above each bar; the date drops to its own line when both do not fit.
  const heads = input.rows.map((r) => {
    // A figure for one stage says so: regions compared side by side may count different stages.
    const meta = `${r.stageLabel ? `${r.stageLabel} · ` : ''}${r.dateLabel}${r.kind === 'derived' ? ' · 推算' : ''}`;
    const oneLine = left + textWidth(r.regionName, font) + 8 + textWidth(meta, font - 1) <= W - 4;
    return { meta, oneLine, h: font * 1.4 * (oneLine ? 1 : 2) };
  });
  const rowHs = heads.map((h) => h.h + 4 + BAR_H + 12);
  return { axis, valueLabels, left, x, heads, rowHs };
}

type BarLayout = ReturnType<typeof barLayout>;

/** Gridlines behind each bar only, so they never cross the names above them; tick labels under the last row. */
function axisMarks(input: BarChartInput, font: number, { axis, x, heads, rowHs }: BarLayout, plotTop: number, plotBottom: number): Mark[] {
  const marks: Mark[] = [];
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
  return marks;
}

/** One row: the region in bold, the date beside or under it, the bar, its value, and a focus target over the row. */
function rowMarks(
  r: ChartRow,
  head: BarLayout['heads'][number],
  valueLabel: string,
  y0: number,
  font: number,
  { left, x }: BarLayout,
): Mark[] {
  const nameY = y0 + font * 1.1;
  const barY = y0 + head.h + 4;
  const x1 = x(0);
  const x2 = x(r.value);
  return [
    { type: 'text', x: left, y: nameY, text: r.regionName, size: font, fill: COLORS.ink, weight: 600 },
    head.oneLine
      ? { type: 'text', x: left + textWidth(r.regionName, font) + 8, y: nameY, text: head.meta, size: font - 1, fill: COLORS.inkSoft }
      : { type: 'text', x: left, y: nameY + font * 1.4, text: head.meta, size: font - 1, fill: COLORS.inkSoft },
    barRect({ x: x1, y: barY, w: x2 - x1, h: BAR_H }, r.kind === 'derived', 'bar'),
    { type: 'text', x: x2 + 6, y: barY + BAR_H / 2 + font * 0.36, text: valueLabel, size: font, fill: COLORS.ink, weight: 600 },
  ];
}

export function layoutBarChart(input: BarChartInput, size: ChartSize): Scene {
  const { width: W, font } = size;
  const derived = input.rows.some((r) => r.kind === 'derived');
  const legend = derived ? derivedLegend(font, 4) : [];
  const plotTop = derived ? 4 + font * 2 : 4;
  const layout = barLayout(input, size);
  const plotBottom = plotTop + layout.rowHs.reduce((a, b) => a + b, 0);
  const marks: Mark[] = [...legend, ...axisMarks(input, font, layout, plotTop, plotBottom)];
  const hits: Hit[] = [];
  let y0 = plotTop;
  input.rows.forEach((r, i) => {
    marks.push(...rowMarks(r, layout.heads[i]!, layout.valueLabels[i]!, y0, font, layout));
    hits.push(hit(r, i + 1, input.unitWord, { x: 0, y: y0, w: W, h: layout.rowHs[i]! - 4 }));
    y0 += layout.rowHs[i]!;
  });
  return { width: W, height: Math.ceil(plotBottom + font + 4), marks, hits };
}
