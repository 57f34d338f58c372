/** Small marks several charts draw the same way. */
import { DASH } from './dash.ts';
import { COLORS, type Mark } from './scene.ts';
import { num } from './text.ts';

/** A diamond of half-height `r` centred on x,y (absolute coordinates, rounded). */
export function diamondPath(x: number, y: number, r: number): string {
  const w = r * 0.8;
  return `M${num(x)},${num(y - r)}L${num(x + w)},${num(y)}L${num(x)},${num(y + r)}L${num(x - w)},${num(y)}Z`;
}

/** A square of half-side `r` centred on x,y. */
export function squarePath(x: number, y: number, r: number): string {
  return `M${num(x - r)},${num(y - r)}H${num(x + r)}V${num(y + r)}H${num(x - r)}Z`;
}

/** The thickness of a bar, and of a progress track. */
export const BAR_H = 14;

/** A bar: filled for an actual figure, hollow with a dashed outline for a derived one. */
export function barRect(box: { x: number; y: number; w: number; h: number }, derived: boolean, cls?: string): Mark {
  const classes = cls && derived ? `${cls} derived` : cls;
  return derived
    ? {
        type: 'rect',
        ...box,
        fill: COLORS.paper,
        stroke: COLORS.main,
        width: 1.5,
        dash: DASH.derivedBar,
        ...(classes ? { cls: classes } : {}),
      }
    : { type: 'rect', ...box, fill: COLORS.main, ...(classes ? { cls: classes } : {}) };
}
