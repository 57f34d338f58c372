/**
 * Label placement without overlaps: each label tries a fixed list of positions
 * around its anchor and takes the first that stays inside the frame and clear of
 * marks and earlier labels. Deterministic: the same input gives the same output.
 */
import { textWidth } from './text.ts';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Placement = 'above' | 'below' | 'right' | 'left' | 'above-right' | 'above-left' | 'below-right' | 'below-left';

const DEFAULT_ORDER: Placement[] = ['above', 'below', 'right', 'left', 'above-right', 'above-left', 'below-right', 'below-left'];

export interface LabelRequest {
  id: string;
  text: string;
  /** The point the label belongs to. */
  ax: number;
  ay: number;
  size: number;
  /** Distance from the anchor (half a marker plus a little air). */
  gap: number;
  order?: Placement[];
}

export interface PlacedLabel {
  id: string;
  text: string;
  size: number;
  /** Text position: x for the anchor, y for the baseline. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
  placement: Placement;
  /** True only when no position was free; the least-bad one was taken. */
  crowded: boolean;
}

export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function inside(a: Box, frame: Box): boolean {
  return a.x >= frame.x - 0.01 && a.y >= frame.y - 0.01 && a.x + a.w <= frame.x + frame.w + 0.01 && a.y + a.h <= frame.y + frame.h + 0.01;
}

function outside(a: Box, frame: Box): number {
  const dx = Math.max(0, frame.x - a.x) + Math.max(0, a.x + a.w - (frame.x + frame.w));
  const dy = Math.max(0, frame.y - a.y) + Math.max(0, a.y + a.h - (frame.y + frame.h));
  return (dx + dy) * 1000;
}

/** Text box for a placement: a 1.2 em line, the baseline 0.36 em below its middle (right for CJK glyphs). */
export function candidate(req: LabelRequest, placement: Placement): Omit<PlacedLabel, 'crowded'> {
  const w = textWidth(req.text, req.size);
  const h = req.size * 1.2;
  const g = req.gap;
  const d = g * 0.7;
  let x: number;
  let top: number;
  let anchor: PlacedLabel['anchor'];
  switch (placement) {
    case 'above':
      anchor = 'middle';
      x = req.ax - w / 2;
      top = req.ay - g - h;
      break;
    case 'below':
      anchor = 'middle';
      x = req.ax - w / 2;
      top = req.ay + g;
      break;
    case 'right':
      anchor = 'start';
      x = req.ax + g;
      top = req.ay - h / 2;
      break;
    case 'left':
      anchor = 'end';
      x = req.ax - g - w;
      top = req.ay - h / 2;
      break;
    case 'above-right':
      anchor = 'start';
      x = req.ax + d;
      top = req.ay - d - h;
      break;
    case 'above-left':
      anchor = 'end';
      x = req.ax - d - w;
      top = req.ay - d - h;
      break;
    case 'below-right':
      anchor = 'start';
      x = req.ax + d;
      top = req.ay + d;
      break;
    case 'below-left':
      anchor = 'end';
      x = req.ax - d - w;
      top = req.ay + d;
      break;
  }
  const tx = anchor === 'start' ? x : anchor === 'end' ? x + w : x + w / 2;
  return {
    id: req.id,
    text: req.text,
    size: req.size,
    x: tx,
    y: top + h / 2 + req.size * 0.36,
    anchor,
    box: { x, y: top, w, h },
    placement,
  };
}

/**
 * Places labels in order. `obstacles` are marks labels must not cover (points,
 * bars); `frame` is the area labels must stay inside.
 */
export function placeLabels(requests: LabelRequest[], obstacles: Box[], frame: Box): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const req of requests) {
    let best: { c: Omit<PlacedLabel, 'crowded'>; cost: number } | undefined;
    for (const p of req.order ?? DEFAULT_ORDER) {
      const c = candidate(req, p);
      let cost = outside(c.box, frame);
      for (const o of obstacles) cost += overlap(c.box, o);
      for (const l of placed) cost += overlap(c.box, l.box) * 2;
      if (cost === 0) {
        best = { c, cost };
        break;
      }
      if (!best || cost < best.cost) best = { c, cost };
    }
    const { c, cost } = best!;
    // A label that could not fit is at least pulled inside the frame.
    const box = { ...c.box };
    // (A label wider than the frame keeps its start visible.)
    box.x = Math.max(Math.min(box.x, frame.x + frame.w - box.w), frame.x);
    box.y = Math.max(Math.min(box.y, frame.y + frame.h - box.h), frame.y);
    const dx = box.x - c.box.x;
    const dy = box.y - c.box.y;
    placed.push({ ...c, x: c.x + dx, y: c.y + dy, box, crowded: cost > 0 });
  }
  return placed;
}
