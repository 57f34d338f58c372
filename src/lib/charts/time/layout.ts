/**
 * Coverage (or a count) over time for one region: actual figures as a line with
 * filled points, derived figures hollow and labelled "推算", figures whose date is
 * only known within a range as a bar from earliest to latest, targets as a dashed
 * segment to a diamond at their deadline, and the parent region in grey squares.
 */
import { rowValueText, valueText, valueWords, kindLabel } from '../core/format.ts';
import { placeLabels, type Box, type LabelRequest, type Placement } from '../core/labels.ts';
import { linear, timeAxis, valueAxis, valueTick, yearTick } from '../core/scales.ts';
import { COLORS, type Hit, type Mark, type Scene } from '../core/scene.ts';
import { inTimeOrder, isObserved, mid, type ChartRow, type Unit } from '../core/series.ts';
import type { ChartSize } from '../core/sizes.ts';
import { DASH } from '../core/dash.ts';
import { diamondPath } from '../core/shapes.ts';
import { textWidth } from '../core/text.ts';
import { layoutLegend, legendItems } from './legend.ts';
import {
  CAP,
  drawSeries,
  HIT_R,
  MAIN_STYLE,
  MARKER_R,
  PARENT_STYLE,
  pointOf,
  segments,
  type Drawing,
  type HitShape,
  type Plot,
} from './marks.ts';

export interface TimeChartInput {
  /** Main rows first, then parent rows; hit targets refer to positions in this array. */
  rows: ChartRow[];
  unit: Unit;
  unitWord: string;
  regionName: string;
  parentName?: string;
}

/** Where each target's dashed segment starts: the latest observed figure before it, then the previous target. */
export function targetSegments(observed: ChartRow[], targets: ChartRow[]): { from?: ChartRow; to: ChartRow }[] {
  const sorted = [...targets].sort((a, b) => a.to - b.to);
  const out: { from?: ChartRow; to: ChartRow }[] = [];
  let prev: ChartRow | undefined;
  for (const t of sorted) {
    const before = observed.filter((o) => mid(o) <= t.to);
    const last = before[before.length - 1];
    const from = prev && (!last || prev.to >= mid(last)) ? prev : last;
    out.push(from ? { from, to: t } : { to: t });
    prev = t;
  }
  return out;
}

function tipFor(r: ChartRow, unitWord: string): string[] {
  const lines = [
    `${r.regionName} · ${kindLabel(r)}`,
    r.kind === 'target'
      ? `目标：${r.wording || valueWords(r.value, r.unit, unitWord, r.qualifier)}`
      : r.wording || valueWords(r.value, r.unit, unitWord, r.qualifier),
    r.kind === 'target' ? `期限：${r.dateLabel}` : `时间：${r.dateLabel}`,
  ];
  if (r.uncertain) lines.push('来源未写明确切时间，横条为可能的时间范围');
  if (r.kind === 'derived' && r.note) lines.push(`推算：${r.note}`);
  lines.push(`来源：${r.sourceTitle}`);
  return lines;
}

/** One sentence for screen readers: "郑州市，实际值，69.5%，时间：2024年9月，来源：…". */
function hitLabel(r: ChartRow, unitWord: string): string {
  return tipFor(r, unitWord).join('，');
}

interface Frame extends Plot {
  marks: Mark[];
  bottom: number;
}

/** Axes fitted to every plotted date and value, below the legend; gridlines, ticks and their labels. */
function layoutFrame(input: TimeChartInput, size: ChartSize, legendBottom: number, xValues: number[]): Frame {
  const { width: W, height: H, font } = size;
  const marks: Mark[] = [];
  const xAxis = timeAxis(xValues, size.maxXTicks);
  const yAxis = valueAxis(
    input.unit,
    input.rows.map((r) => r.value),
    size.yTicks,
  );
  const yLabels = yAxis.ticks.map((t) => valueTick(input.unit, t));
  const left = Math.ceil(Math.max(...yLabels.map((l) => textWidth(l, font - 1)))) + 10;
  const right = W - (size.compact ? 10 : 16);
  const top = legendBottom + font * 1.2 + 10;
  const bottom = H - (font + 14);
  const x = linear(xAxis, [left, right]);
  const y = linear(yAxis, [bottom, top]);

  for (const [i, t] of yAxis.ticks.entries()) {
    const ty = y(t);
    marks.push({ type: 'line', x1: left, y1: ty, x2: right, y2: ty, stroke: t === 0 ? COLORS.axis : COLORS.grid, width: 1, cls: 'grid' });
    marks.push({
      type: 'text',
      x: left - 6,
      y: ty + (font - 1) * 0.36,
      text: yLabels[i]!,
      size: font - 1,
      fill: COLORS.inkSoft,
      anchor: 'end',
    });
  }
  for (const t of xAxis.ticks) {
    const tx = x(t);
    marks.push({ type: 'line', x1: tx, y1: bottom, x2: tx, y2: bottom + 6, stroke: COLORS.axis, width: 1 });
  }
  for (const yr of xAxis.labels)
    marks.push({
      type: 'text',
      x: x(yr + 0.5),
      y: bottom + font + 5,
      text: yearTick(yr),
      size: font - 1,
      fill: COLORS.inkSoft,
      anchor: 'middle',
    });
  return { x, y, marks, bottom };
}

/** Targets: dashed from the last figure before the deadline to a diamond at the deadline. */
function drawTargets(
  d: Drawing,
  plot: Plot,
  observed: ChartRow[],
  targets: ChartRow[],
  hitFor: (r: ChartRow, shape: HitShape) => Hit,
): void {
  for (const seg of targetSegments(observed, targets)) {
    const [tx, ty] = pointOf(plot, seg.to, seg.to.to);
    if (seg.from) {
      const [fx, fy] = seg.from.kind === 'target' ? pointOf(plot, seg.from, seg.from.to) : pointOf(plot, seg.from);
      d.marks.push({
        type: 'line',
        x1: fx,
        y1: fy,
        x2: tx,
        y2: ty,
        stroke: COLORS.target,
        width: 2,
        dash: DASH.target,
        cls: 'series-target',
      });
    }
  }
  for (const t of targets) {
    const [tx, ty] = pointOf(plot, t, t.to);
    d.marks.push({ type: 'path', d: diamondPath(tx, ty, 7), fill: COLORS.target, stroke: COLORS.paper, width: 1 });
    d.obstacles.push({ x: tx - 6, y: ty - 8, w: 12, h: 16 });
    d.hits.push(hitFor(t, { shape: 'circle', x: tx, y: ty, r: HIT_R }));
  }
}

const TARGET_ORDER: Placement[] = ['above-left', 'below-left', 'left', 'above', 'below', 'above-right', 'right', 'below-right'];
const PARENT_ORDER: Placement[] = ['below', 'below-right', 'below-left', 'right', 'left', 'above'];

/**
 * What to label: every figure of the region, every target, and the parent's latest figure.
 * Ids start with o (observed), t (target) or p (parent), followed by the row number.
 */
function labelRequests(
  input: TimeChartInput,
  size: ChartSize,
  plot: Plot,
  series: { observed: ChartRow[]; targets: ChartRow[]; lastParent: ChartRow | undefined },
  rowIndex: (r: ChartRow) => number,
): LabelRequest[] {
  const { font } = size;
  const labels: LabelRequest[] = [];
  for (const r of series.observed) {
    const [px, py] = pointOf(plot, r);
    const text = r.kind === 'derived' ? `${rowValueText(r)}（推算）` : rowValueText(r);
    labels.push({ id: `o${rowIndex(r)}`, text, ax: px, ay: py, size: font, gap: r.uncertain ? CAP + 2 : MARKER_R + 4 });
  }
  for (const t of series.targets) {
    const [tx, ty] = pointOf(plot, t, t.to);
    const text = size.compact
      ? `目标${valueText(t.value, t.unit, t.qualifier)}`
      : `目标${valueText(t.value, t.unit, t.qualifier)}（${t.dateLabel}）`;
    labels.push({ id: `t${rowIndex(t)}`, text, ax: tx, ay: ty, size: font, gap: 9, order: TARGET_ORDER });
  }
  const lastParent = series.lastParent;
  if (lastParent) {
    const [px, py] = pointOf(plot, lastParent);
    const text = `${input.parentName ?? ''} ${valueText(lastParent.value, lastParent.unit, lastParent.qualifier)}`.trim();
    labels.push({ id: `p${rowIndex(lastParent)}`, text, ax: px, ay: py, size: font - 1, gap: 8, order: PARENT_ORDER });
  }
  return labels;
}

/** Places the labels clear of the marks, inside the plot frame, and draws them. */
function labelMarks(labels: LabelRequest[], obstacles: Box[], frame: Box): Mark[] {
  return placeLabels(labels, obstacles, frame).map((l) => {
    const isParent = l.id.startsWith('p');
    const isTarget = l.id.startsWith('t');
    return {
      type: 'text',
      x: l.x,
      y: l.y,
      text: l.text,
      size: l.size,
      fill: isParent ? COLORS.parent : isTarget ? COLORS.target : COLORS.ink,
      anchor: l.anchor,
      weight: isParent ? 400 : 600,
      halo: true,
      cls: 'label',
    };
  });
}

export function layoutTimeChart(input: TimeChartInput, size: ChartSize): Scene {
  const { width: W, height: H, font } = size;
  const main = input.rows.filter((r) => r.series === 'main');
  const parent = inTimeOrder(input.rows.filter((r) => r.series === 'parent' && isObserved(r)));
  const observed = inTimeOrder(main.filter(isObserved));
  const targets = main.filter((r) => r.kind === 'target');
  const hasConnector = segments(observed).some((s) => !s.firm);

  const legend = layoutLegend(legendItems(input.parentName, main, parent, hasConnector), W - 4, font, 2, 4);
  const xValues = [...observed.flatMap((r) => [r.from, r.to]), ...targets.map((r) => r.to), ...parent.flatMap((r) => [r.from, r.to])];
  const frame = layoutFrame(input, size, legend.bottom, xValues);

  const rowIndex = (r: ChartRow) => input.rows.indexOf(r) + 1;
  const hitFor = (r: ChartRow, shape: HitShape): Hit => ({
    ...shape,
    label: hitLabel(r, input.unitWord),
    tip: tipFor(r, input.unitWord),
    row: rowIndex(r),
    value: r.value,
    date: r.date,
    kind: r.kind,
  });
  // Paint order: the parent region behind everything, then targets, then the region's own figures.
  const drawing: Drawing = { marks: frame.marks, hits: [], obstacles: [] };
  drawSeries(drawing, frame, parent, PARENT_STYLE, hitFor);
  drawTargets(drawing, frame, observed, targets, hitFor);
  drawSeries(drawing, frame, observed, MAIN_STYLE, hitFor);

  const labels = labelRequests(input, size, frame, { observed, targets, lastParent: parent[parent.length - 1] }, rowIndex);
  const plotBox: Box = { x: 2, y: legend.bottom + 2, w: W - 4, h: frame.bottom - legend.bottom - 4 };
  const marks = [...legend.marks, ...drawing.marks, ...labelMarks(labels, drawing.obstacles, plotBox)];

  // Focus order follows the data rows: the region's figures in time order, its targets, then the parent.
  const hits = drawing.hits.sort((a, b) => a.row - b.row);
  return { width: W, height: H, marks, hits };
}
