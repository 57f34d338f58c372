/**
 * How one series of figures is drawn on the time chart, the region's own (main)
 * and its parent's alike: connecting lines (dotted where a figure is derived or its
 * date uncertain), then a bar with end caps for each figure known only within a
 * date range, a marker for every other figure. The two series differ only in style.
 */
import { line as d3line } from 'd3';
import type { ScaleLinear } from 'd3';
import { DASH } from '../core/dash.ts';
import type { Box } from '../core/labels.ts';
import { COLORS, type Hit, type Mark } from '../core/scene.ts';
import { mid, type ChartRow } from '../core/series.ts';
import { squarePath } from '../core/shapes.ts';

export const MARKER_R = 4.5;
export const CAP = 6;
/** Radius of a point's focus/hover target: at least 24 CSS px across at phone size (WCAG 2.5.8). */
export const HIT_R = 13;

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

export interface Plot {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
}

/** What the layout collects while drawing: marks in paint order, focus targets, and boxes labels must avoid. */
export interface Drawing {
  marks: Mark[];
  hits: Hit[];
  obstacles: Box[];
}

export type HitShape = Pick<Hit, 'shape' | 'x' | 'y' | 'r' | 'w' | 'h'>;

export interface SeriesStyle {
  color: string;
  /** Class of the connecting lines ("connector" is added to dotted ones). */
  cls: string;
  firmWidth: number;
  connectorWidth: number;
  /** A figure with an uncertain date: its bar and end caps. */
  range: { width: number; cls?: string; capInset: number; capWidth: number; pad: number };
  /** A figure with a certain date: its marker and the box labels keep clear of. */
  marker: (r: ChartRow, px: number, py: number) => Mark;
  markerBox: (px: number, py: number) => Box;
}

export const PARENT_STYLE: SeriesStyle = {
  color: COLORS.parent,
  cls: 'series-parent',
  firmWidth: 1.5,
  connectorWidth: 2,
  range: { width: 2.5, capInset: 1, capWidth: 1.5, pad: 0 },
  marker: (r, px, py) =>
    r.kind === 'derived'
      ? { type: 'path', d: squarePath(px, py, 3.5), fill: COLORS.paper, stroke: COLORS.parent, width: 1.5 }
      : { type: 'path', d: squarePath(px, py, 3.5), fill: COLORS.parent },
  markerBox: (px, py) => ({ x: px - 5, y: py - 5, w: 10, h: 10 }),
};

export const MAIN_STYLE: SeriesStyle = {
  color: COLORS.main,
  cls: 'series-main',
  firmWidth: 2.5,
  connectorWidth: 2.5,
  range: { width: 3, cls: 'range', capInset: 0, capWidth: 2, pad: 1 },
  marker: (r, px, py) =>
    r.kind === 'derived'
      ? { type: 'circle', cx: px, cy: py, r: MARKER_R, fill: COLORS.paper, stroke: COLORS.main, width: 2, cls: 'point derived' }
      : { type: 'circle', cx: px, cy: py, r: MARKER_R, fill: COLORS.main, stroke: COLORS.paper, width: 1.5, cls: 'point' },
  markerBox: (px, py) => ({ x: px - MARKER_R - 1, y: py - MARKER_R - 1, w: MARKER_R * 2 + 2, h: MARKER_R * 2 + 2 }),
};

const path = d3line<[number, number]>().digits(1);

/** The point of a figure on the plot: at the middle of its dates unless `at` says otherwise. */
export const pointOf = (plot: Plot, r: ChartRow, at = mid(r)): [number, number] => [plot.x(at), plot.y(r.value)];

/** Draws one series (already in time order) into `d`; `hitFor` turns a figure and its target shape into a Hit. */
export function drawSeries(
  d: Drawing,
  plot: Plot,
  rows: ChartRow[],
  style: SeriesStyle,
  hitFor: (r: ChartRow, shape: HitShape) => Hit,
): void {
  for (const s of segments(rows)) {
    const line = path([pointOf(plot, s.a), pointOf(plot, s.b)])!;
    d.marks.push(
      s.firm
        ? { type: 'path', d: line, stroke: style.color, width: style.firmWidth, cls: style.cls }
        : {
            type: 'path',
            d: line,
            stroke: style.color,
            width: style.connectorWidth,
            dash: DASH.connector,
            cap: 'round',
            cls: `${style.cls} connector`,
          },
    );
  }
  for (const r of rows) {
    const [px, py] = pointOf(plot, r);
    if (r.uncertain) {
      const { width, cls, capInset, capWidth, pad } = style.range;
      const x1 = plot.x(r.from);
      const x2 = plot.x(r.to);
      const dash = r.kind === 'derived' ? DASH.derivedBar : undefined;
      const capTop = py - CAP + capInset;
      const capBottom = py + CAP - capInset;
      d.marks.push({
        type: 'line',
        x1,
        y1: py,
        x2,
        y2: py,
        stroke: style.color,
        width,
        ...(dash ? { dash } : {}),
        ...(cls ? { cls } : {}),
      });
      d.marks.push({ type: 'line', x1, y1: capTop, x2: x1, y2: capBottom, stroke: style.color, width: capWidth });
      d.marks.push({ type: 'line', x1: x2, y1: capTop, x2, y2: capBottom, stroke: style.color, width: capWidth });
      d.obstacles.push({ x: x1 - pad, y: py - CAP, w: x2 - x1 + pad * 2, h: CAP * 2 });
      d.hits.push(hitFor(r, { shape: 'rect', x: x1 - 6, y: py - HIT_R, w: x2 - x1 + 12, h: HIT_R * 2 }));
    } else {
      d.marks.push(style.marker(r, px, py));
      d.obstacles.push(style.markerBox(px, py));
      d.hits.push(hitFor(r, { shape: 'circle', x: px, y: py, r: HIT_R }));
    }
  }
}
