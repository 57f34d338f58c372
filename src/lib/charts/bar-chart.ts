/**
 * One metric across regions: the latest figure for each region as a horizontal
 * bar, the region and the figure's date above it, the value at its end. Derived
 * figures are hollow with a dashed outline and say "推算" in words.
 */
import { kindLabel, percentOf, valueText, valueWords, differenceWords } from './format.ts';
import type { Progress } from './progress.ts';
import { linear, valueAxis, valueTick } from './scales.ts';
import { COLORS, type Hit, type Mark, type Scene } from './scene.ts';
import type { ChartRow, Unit } from './series.ts';
import { textWidth, wrapParts, wrapText } from './text.ts';
import type { ChartSize } from './time-chart.ts';

const BAR_H = 14;

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
    marks.push({ type: 'rect', x: 4, y: y - 6, w: 22, h: 12, fill: COLORS.paper, stroke: COLORS.main, width: 1.5, dash: '4 3' });
    marks.push({ type: 'text', x: 32, y: y + (font - 1) * 0.36, text: '推算值（虚线框）', size: font - 1, fill: COLORS.inkSoft });
    marks.push({ type: 'rect', x: 32 + textWidth('推算值（虚线框）', font - 1) + 14, y: y - 6, w: 22, h: 12, fill: COLORS.main });
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
    marks.push(
      r.kind === 'derived'
        ? {
            type: 'rect',
            x: x1,
            y: barY,
            w: x2 - x1,
            h: BAR_H,
            fill: COLORS.paper,
            stroke: COLORS.main,
            width: 1.5,
            dash: '4 3',
            cls: 'bar derived',
          }
        : { type: 'rect', x: x1, y: barY, w: x2 - x1, h: BAR_H, fill: COLORS.main, cls: 'bar' },
    );
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

export interface ProgressInputItem {
  progress: Progress;
  metricName: string;
  unitWord: string;
}

/**
 * Progress toward each target on one shared scale: the share of the target
 * reached (0–100 %), the target at the right end of each track, and the gap and
 * deadline in words under it.
 */
export function layoutProgressChart(items: ProgressInputItem[], size: ChartSize): Scene {
  const { width: W, font } = size;
  const marks: Mark[] = [];
  const hits: Hit[] = [];
  const left = 6;
  const right = W - (size.compact ? 44 : 56);
  const line = font * 1.45;
  const textRoom = W - left - 4;
  const x = (share: number) => left + (right - left) * share;

  const rows = items.map(({ progress: p, metricName, unitWord }) => {
    const t = p.target;
    const title = wrapText(`${t.regionName} · ${metricName}`, textRoom, font);
    const goal = wrapText(`目标：${t.dateLabel}达到${valueWords(t.value, t.unit, unitWord, t.qualifier)}`, textRoom, font - 1);
    const statusParts = !p.latest
      ? ['暂无实际数据']
      : [
          `最新${valueWords(p.latest.value, p.latest.unit, unitWord, p.latest.qualifier)}${p.latest.kind === 'derived' ? '（推算）' : ''}（${p.latest.dateLabel}）`,
          p.reached ? '已达到目标' : `还差${differenceWords(p.gap ?? 0, t.unit, unitWord)}`,
        ];
    const statusText = statusParts.join(' · ');
    const status = wrapParts(statusParts, textRoom, font - 1);
    const h = (title.length + goal.length) * line + 4 + BAR_H + 4 + status.length * line + 12;
    return { p, metricName, unitWord, title, goal, status, statusText, h };
  });
  const top = 4;
  const bottom = top + rows.reduce((a, r) => a + r.h, 0);

  for (const t of [0, 0.5, 1]) {
    const text = t === 0 ? '0%' : t === 1 ? '100%＝目标' : '50%';
    marks.push({
      type: 'text',
      x: x(t),
      y: bottom + font - 2,
      text,
      size: font - 1,
      fill: COLORS.inkSoft,
      anchor: t === 0 ? 'start' : 'middle',
    });
  }

  let y0 = top;
  rows.forEach(({ p, metricName, unitWord, title, goal, status, statusText, h }, i) => {
    const t = p.target;
    let ty = y0;
    for (const l of title) {
      marks.push({ type: 'text', x: left, y: ty + font * 1.1, text: l, size: font, fill: COLORS.ink, weight: 600, halo: true });
      ty += line;
    }
    for (const l of goal) {
      marks.push({ type: 'text', x: left, y: ty + font * 1.1, text: l, size: font - 1, fill: COLORS.target, halo: true });
      ty += line;
    }
    const barY = ty + 4;
    marks.push({ type: 'rect', x: x(0), y: barY, w: x(1) - x(0), h: BAR_H, fill: COLORS.track });
    marks.push({ type: 'line', x1: x(0.5), y1: barY - 3, x2: x(0.5), y2: barY + BAR_H + 3, stroke: COLORS.paper, width: 1, cls: 'grid' });
    if (p.latest && p.share !== undefined) {
      const w = x(p.share) - x(0);
      marks.push(
        p.latest.kind === 'derived'
          ? {
              type: 'rect',
              x: x(0),
              y: barY,
              w,
              h: BAR_H,
              fill: COLORS.paper,
              stroke: COLORS.main,
              width: 1.5,
              dash: '4 3',
              cls: 'bar derived',
            }
          : { type: 'rect', x: x(0), y: barY, w, h: BAR_H, fill: COLORS.main, cls: 'bar' },
      );
      marks.push({
        type: 'text',
        x: x(1) + 8,
        y: barY + BAR_H / 2 + font * 0.36,
        text: percentOf(p.share),
        size: font,
        fill: COLORS.ink,
        weight: 600,
      });
    }
    marks.push({ type: 'line', x1: x(1), y1: barY - 4, x2: x(1), y2: barY + BAR_H + 4, stroke: COLORS.target, width: 2, dash: '3 2' });
    ty = barY + BAR_H + 4;
    for (const l of status) {
      marks.push({ type: 'text', x: left, y: ty + font * 1.1, text: l, size: font - 1, fill: COLORS.inkSoft, halo: true });
      ty += line;
    }
    const tipLines = [
      `${t.regionName} · ${metricName}`,
      `目标：${t.dateLabel}达到${valueWords(t.value, t.unit, unitWord, t.qualifier)}`,
      statusText,
    ];
    if (p.share !== undefined) tipLines.push(`完成度：${percentOf(p.share)}`);
    tipLines.push(`来源：${t.sourceTitle}`);
    hits.push({
      shape: 'rect',
      x: 0,
      y: y0,
      w: W,
      h: h - 8,
      label: tipLines.join('，'),
      tip: tipLines,
      row: i + 1,
      value: t.value,
      date: t.date,
      kind: t.kind,
    });
    y0 += h;
  });

  return { width: W, height: Math.ceil(bottom + font + 4), marks, hits };
}
