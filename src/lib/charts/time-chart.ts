/**
 * Coverage (or a count) over time for one region: actual figures as a line with
 * filled points, derived figures hollow and labelled "推算", figures whose date is
 * only known within a range as a bar from earliest to latest, targets as a dashed
 * segment to a diamond at their deadline, and the parent region in grey squares.
 */
import { line as d3line } from 'd3';
import { valueText, valueWords, kindLabel } from './format.ts';
import { placeLabels, type Box, type LabelRequest, type Placement } from './labels.ts';
import { linear, timeAxis, valueAxis, valueTick, yearTick } from './scales.ts';
import { COLORS, type Hit, type Mark, type Scene } from './scene.ts';
import { isObserved, type ChartRow, type Unit } from './series.ts';
import { num, textWidth } from './text.ts';

export interface ChartSize {
  width: number;
  height: number;
  font: number;
  maxXTicks: number;
  yTicks: number;
  compact: boolean;
}

/** Desktop and print. */
export const WIDE: ChartSize = { width: 640, height: 360, font: 12, maxXTicks: 8, yTicks: 5, compact: false };
/** Phones: drawn for a ~340 px column so text stays ~12 px on screen. */
export const NARROW: ChartSize = { width: 340, height: 340, font: 13, maxXTicks: 5, yTicks: 5, compact: true };

export interface TimeChartInput {
  /** Main rows first, then parent rows; hit targets refer to positions in this array. */
  rows: ChartRow[];
  unit: Unit;
  unitWord: string;
  regionName: string;
  parentName?: string;
}

export const DASH = {
  target: '7 5',
  /** Joins a derived figure or one with an uncertain date: a guess about the path, drawn as dots. */
  connector: '0.1 5',
  derivedBar: '4 3',
} as const;

const MARKER_R = 4.5;
const CAP = 6;
/** Radius of a point's focus/hover target: at least 24 CSS px across at phone size (WCAG 2.5.8). */
const HIT_R = 13;

export const mid = (r: ChartRow) => (r.from + r.to) / 2;

/** Consecutive observed figures; a segment is "firm" only between two actual figures with certain dates. */
export function segments(observed: ChartRow[]): { a: ChartRow; b: ChartRow; firm: boolean }[] {
  const out: { a: ChartRow; b: ChartRow; firm: boolean }[] = [];
  for (let i = 1; i < observed.length; i++) {
    const a = observed[i - 1]!;
    const b = observed[i]!;
    out.push({ a, b, firm: a.kind === 'actual' && b.kind === 'actual' && !a.uncertain && !b.uncertain });
  }
  return out;
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

interface LegendItem {
  label: string;
  draw: (x: number, y: number) => Mark[];
}

function legendItems(input: TimeChartInput, main: ChartRow[], parent: ChartRow[], hasConnector: boolean): LegendItem[] {
  const items: LegendItem[] = [];
  const obs = main.filter(isObserved);
  if (obs.some((r) => r.kind === 'actual' && !r.uncertain))
    items.push({
      label: '实际值',
      draw: (x, y) => [
        { type: 'line', x1: x, y1: y, x2: x + 22, y2: y, stroke: COLORS.main, width: 2.5 },
        { type: 'circle', cx: x + 11, cy: y, r: MARKER_R, fill: COLORS.main, stroke: COLORS.paper, width: 1.5 },
      ],
    });
  if (obs.some((r) => r.kind === 'derived'))
    items.push(
      obs.some((r) => r.kind === 'derived' && !r.uncertain)
        ? {
            label: '推算值',
            draw: (x, y) => [{ type: 'circle', cx: x + 11, cy: y, r: MARKER_R, fill: COLORS.paper, stroke: COLORS.main, width: 2 }],
          }
        : {
            label: '推算值（虚线）',
            draw: (x, y) => [{ type: 'line', x1: x + 2, y1: y, x2: x + 20, y2: y, stroke: COLORS.main, width: 3, dash: DASH.derivedBar }],
          },
    );
  if (obs.some((r) => r.uncertain))
    items.push({
      label: '时间不确定（可能的时间范围）',
      draw: (x, y) => [
        { type: 'line', x1: x + 2, y1: y, x2: x + 20, y2: y, stroke: COLORS.main, width: 3 },
        { type: 'line', x1: x + 2, y1: y - CAP, x2: x + 2, y2: y + CAP, stroke: COLORS.main, width: 2 },
        { type: 'line', x1: x + 20, y1: y - CAP, x2: x + 20, y2: y + CAP, stroke: COLORS.main, width: 2 },
      ],
    });
  if (hasConnector)
    items.push({
      label: '点线：涉及推算或时间不确定',
      draw: (x, y) => [
        { type: 'line', x1: x + 1, y1: y, x2: x + 22, y2: y, stroke: COLORS.main, width: 2.5, dash: DASH.connector, cap: 'round' },
      ],
    });
  if (main.some((r) => r.kind === 'target'))
    items.push({
      label: '目标值',
      draw: (x, y) => [
        { type: 'line', x1: x, y1: y, x2: x + 22, y2: y, stroke: COLORS.target, width: 2, dash: DASH.target },
        { type: 'path', d: diamondPath(x + 11, y, 6), fill: COLORS.target },
      ],
    });
  if (parent.length > 0)
    items.push({
      label: `${input.parentName ?? '上级地区'}（对比）`,
      draw: (x, y) => [
        { type: 'line', x1: x, y1: y, x2: x + 22, y2: y, stroke: COLORS.parent, width: 1.5 },
        { type: 'path', d: squarePath(x + 11, y, 3.5), fill: COLORS.parent },
      ],
    });
  return items;
}

/** A diamond of half-height `r` centred on x,y (absolute coordinates, rounded). */
export function diamondPath(x: number, y: number, r: number): string {
  const w = r * 0.8;
  return `M${num(x)},${num(y - r)}L${num(x + w)},${num(y)}L${num(x)},${num(y + r)}L${num(x - w)},${num(y)}Z`;
}

/** A square of half-side `r` centred on x,y. */
export function squarePath(x: number, y: number, r: number): string {
  return `M${num(x - r)},${num(y - r)}H${num(x + r)}V${num(y + r)}H${num(x - r)}Z`;
}

/** Flows legend items into rows no wider than `width`; returns the marks and the height used. */
function layoutLegend(items: LegendItem[], width: number, font: number, top: number, left: number): { marks: Mark[]; bottom: number } {
  const marks: Mark[] = [];
  const rowH = font * 1.7;
  let x = left;
  let y = top + rowH / 2;
  for (const item of items) {
    const w = 26 + textWidth(item.label, font - 1);
    if (x > left && x + w > width) {
      x = left;
      y += rowH;
    }
    marks.push(...item.draw(x, y));
    marks.push({ type: 'text', x: x + 26, y: y + (font - 1) * 0.36, text: item.label, size: font - 1, fill: COLORS.inkSoft });
    x += w + 14;
  }
  return { marks, bottom: items.length > 0 ? y + rowH / 2 : top };
}

function tipFor(r: ChartRow, unitWord: string): string[] {
  const lines = [
    `${r.regionName} · ${kindLabel(r)}`,
    r.kind === 'target'
      ? `目标：${valueWords(r.value, r.unit, unitWord, r.qualifier)}`
      : valueWords(r.value, r.unit, unitWord, r.qualifier),
    r.kind === 'target' ? `期限：${r.dateLabel}` : `时间：${r.dateLabel}`,
  ];
  if (r.uncertain) lines.push('来源未写明确切时间，横条为可能的时间范围');
  if (r.kind === 'derived' && r.note) lines.push(`推算：${r.note}`);
  lines.push(`来源：${r.sourceTitle}`);
  return lines;
}

/** One sentence for screen readers: "郑州市，实际值，69.5%，时间：2024年9月，来源：…". */
export function hitLabel(r: ChartRow, unitWord: string): string {
  return tipFor(r, unitWord).join('，');
}

export function layoutTimeChart(input: TimeChartInput, size: ChartSize): Scene {
  const { width: W, height: H, font } = size;
  const main = input.rows.filter((r) => r.series === 'main');
  const parent = input.rows.filter((r) => r.series === 'parent' && isObserved(r));
  const observed = main.filter(isObserved).sort((a, b) => mid(a) - mid(b) || a.from - b.from);
  const targets = main.filter((r) => r.kind === 'target');
  const segs = segments(observed);
  const marks: Mark[] = [];
  const hits: Hit[] = [];

  // Legend on top.
  const legend = layoutLegend(
    legendItems(
      input,
      main,
      parent,
      segs.some((s) => !s.firm),
    ),
    W - 4,
    font,
    2,
    4,
  );

  // Axes.
  const xValues = [...observed.flatMap((r) => [r.from, r.to]), ...targets.map((r) => r.to), ...parent.flatMap((r) => [r.from, r.to])];
  const xAxis = timeAxis(xValues, size.maxXTicks);
  const yAxis = valueAxis(
    input.unit,
    input.rows.map((r) => r.value),
    size.yTicks,
  );
  const yLabels = yAxis.ticks.map((t) => valueTick(input.unit, t));
  const left = Math.ceil(Math.max(...yLabels.map((l) => textWidth(l, font - 1)))) + 10;
  const right = W - (size.compact ? 10 : 16);
  const top = legend.bottom + font * 1.2 + 10;
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

  const rowIndex = (r: ChartRow) => input.rows.indexOf(r) + 1;
  const obstacles: Box[] = [];
  const labels: LabelRequest[] = [];
  const path = d3line<[number, number]>().digits(1);
  const pt = (r: ChartRow, at = mid(r)): [number, number] => [x(at), y(r.value)];

  // Parent region, behind everything: thin grey line (dotted where a figure is derived or
  // its date uncertain), squares (hollow when derived), grey bars for uncertain dates.
  const parentSorted = [...parent].sort((a, b) => mid(a) - mid(b) || a.from - b.from);
  for (const s of segments(parentSorted)) {
    const d = path([pt(s.a), pt(s.b)])!;
    marks.push(
      s.firm
        ? { type: 'path', d, stroke: COLORS.parent, width: 1.5, cls: 'series-parent' }
        : { type: 'path', d, stroke: COLORS.parent, width: 2, dash: DASH.connector, cap: 'round', cls: 'series-parent connector' },
    );
  }
  for (const r of parentSorted) {
    const [px, py] = pt(r);
    if (r.uncertain) {
      const x1 = x(r.from);
      const x2 = x(r.to);
      const dash = r.kind === 'derived' ? DASH.derivedBar : undefined;
      marks.push({ type: 'line', x1, y1: py, x2, y2: py, stroke: COLORS.parent, width: 2.5, ...(dash ? { dash } : {}) });
      marks.push({ type: 'line', x1, y1: py - CAP + 1, x2: x1, y2: py + CAP - 1, stroke: COLORS.parent, width: 1.5 });
      marks.push({ type: 'line', x1: x2, y1: py - CAP + 1, x2, y2: py + CAP - 1, stroke: COLORS.parent, width: 1.5 });
      obstacles.push({ x: x1, y: py - CAP, w: x2 - x1, h: CAP * 2 });
      hits.push(hitFor(r, { shape: 'rect', x: x1 - 6, y: py - HIT_R, w: x2 - x1 + 12, h: HIT_R * 2 }));
    } else {
      marks.push(
        r.kind === 'derived'
          ? { type: 'path', d: squarePath(px, py, 3.5), fill: COLORS.paper, stroke: COLORS.parent, width: 1.5 }
          : { type: 'path', d: squarePath(px, py, 3.5), fill: COLORS.parent },
      );
      obstacles.push({ x: px - 5, y: py - 5, w: 10, h: 10 });
      hits.push(hitFor(r, { shape: 'circle', x: px, y: py, r: HIT_R }));
    }
  }
  const lastParent = parentSorted[parentSorted.length - 1];

  // Targets: dashed from the last figure before the deadline to a diamond at the deadline.
  for (const seg of targetSegments(observed, targets)) {
    const [tx, ty] = pt(seg.to, seg.to.to);
    if (seg.from) {
      const [fx, fy] = seg.from.kind === 'target' ? pt(seg.from, seg.from.to) : pt(seg.from);
      marks.push({
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
    const [tx, ty] = pt(t, t.to);
    marks.push({ type: 'path', d: diamondPath(tx, ty, 7), fill: COLORS.target, stroke: COLORS.paper, width: 1 });
    obstacles.push({ x: tx - 6, y: ty - 8, w: 12, h: 16 });
    hits.push(hitFor(t, { shape: 'circle', x: tx, y: ty, r: HIT_R }));
  }

  // The region's own figures: connectors first, then bars and points on top.
  for (const s of segs) {
    const d = path([pt(s.a), pt(s.b)])!;
    marks.push(
      s.firm
        ? { type: 'path', d, stroke: COLORS.main, width: 2.5, cls: 'series-main' }
        : { type: 'path', d, stroke: COLORS.main, width: 2.5, dash: DASH.connector, cap: 'round', cls: 'series-main connector' },
    );
  }
  for (const r of observed) {
    const [px, py] = pt(r);
    if (r.uncertain) {
      const x1 = x(r.from);
      const x2 = x(r.to);
      const dash = r.kind === 'derived' ? DASH.derivedBar : undefined;
      marks.push({ type: 'line', x1, y1: py, x2, y2: py, stroke: COLORS.main, width: 3, ...(dash ? { dash } : {}), cls: 'range' });
      marks.push({ type: 'line', x1, y1: py - CAP, x2: x1, y2: py + CAP, stroke: COLORS.main, width: 2 });
      marks.push({ type: 'line', x1: x2, y1: py - CAP, x2, y2: py + CAP, stroke: COLORS.main, width: 2 });
      obstacles.push({ x: x1 - 1, y: py - CAP, w: x2 - x1 + 2, h: CAP * 2 });
      hits.push(hitFor(r, { shape: 'rect', x: x1 - 6, y: py - HIT_R, w: x2 - x1 + 12, h: HIT_R * 2 }));
    } else {
      marks.push(
        r.kind === 'derived'
          ? { type: 'circle', cx: px, cy: py, r: MARKER_R, fill: COLORS.paper, stroke: COLORS.main, width: 2, cls: 'point derived' }
          : { type: 'circle', cx: px, cy: py, r: MARKER_R, fill: COLORS.main, stroke: COLORS.paper, width: 1.5, cls: 'point' },
      );
      obstacles.push({ x: px - MARKER_R - 1, y: py - MARKER_R - 1, w: MARKER_R * 2 + 2, h: MARKER_R * 2 + 2 });
      hits.push(hitFor(r, { shape: 'circle', x: px, y: py, r: HIT_R }));
    }
    const text = r.kind === 'derived' ? `${valueText(r.value, r.unit, r.qualifier)}（推算）` : valueText(r.value, r.unit, r.qualifier);
    labels.push({ id: `o${rowIndex(r)}`, text, ax: px, ay: py, size: font, gap: r.uncertain ? CAP + 2 : MARKER_R + 4 });
  }
  for (const t of targets) {
    const [tx, ty] = pt(t, t.to);
    const text = size.compact
      ? `目标${valueText(t.value, t.unit, t.qualifier)}`
      : `目标${valueText(t.value, t.unit, t.qualifier)}（${t.dateLabel}）`;
    const order: Placement[] = ['above-left', 'below-left', 'left', 'above', 'below', 'above-right', 'right', 'below-right'];
    labels.push({ id: `t${rowIndex(t)}`, text, ax: tx, ay: ty, size: font, gap: 9, order });
  }
  if (lastParent) {
    const [px, py] = pt(lastParent);
    const text = `${input.parentName ?? ''} ${valueText(lastParent.value, lastParent.unit, lastParent.qualifier)}`.trim();
    labels.push({
      id: `p${rowIndex(lastParent)}`,
      text,
      ax: px,
      ay: py,
      size: font - 1,
      gap: 8,
      order: ['below', 'below-right', 'below-left', 'right', 'left', 'above'],
    });
  }

  const frame: Box = { x: 2, y: legend.bottom + 2, w: W - 4, h: bottom - legend.bottom - 4 };
  for (const l of placeLabels(labels, obstacles, frame)) {
    const isParent = l.id.startsWith('p');
    const isTarget = l.id.startsWith('t');
    marks.push({
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
    });
  }

  // Focus order follows the data rows: the region's figures in time order, its targets, then the parent.
  hits.sort((a, b) => a.row - b.row);
  return { width: W, height: H, marks: [...legend.marks, ...marks], hits };

  function hitFor(r: ChartRow, shape: Pick<Hit, 'shape' | 'x' | 'y' | 'r' | 'w' | 'h'>): Hit {
    return {
      ...shape,
      label: hitLabel(r, input.unitWord),
      tip: tipFor(r, input.unitWord),
      row: rowIndex(r),
      value: r.value,
      date: r.date,
      kind: r.kind,
    };
  }
}
