/** The time chart's legend: one item per kind of mark the chart actually draws, flowed into rows. */
import { DASH } from '../core/dash.ts';
import { COLORS, type Mark } from '../core/scene.ts';
import { isObserved, type ChartRow } from '../core/series.ts';
import { diamondPath, squarePath } from '../core/shapes.ts';
import { textWidth } from '../core/text.ts';
import { CAP, MARKER_R } from './marks.ts';

interface LegendItem {
  label: string;
  draw: (x: number, y: number) => Mark[];
}

export function legendItems(parentName: string | undefined, main: ChartRow[], parent: ChartRow[], hasConnector: boolean): LegendItem[] {
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
      label: `${parentName ?? '上级地区'}（对比）`,
      draw: (x, y) => [
        { type: 'line', x1: x, y1: y, x2: x + 22, y2: y, stroke: COLORS.parent, width: 1.5 },
        { type: 'path', d: squarePath(x + 11, y, 3.5), fill: COLORS.parent },
      ],
    });
  return items;
}

/** Flows legend items into rows no wider than `width`; returns the marks and the height used. */
export function layoutLegend(
  items: LegendItem[],
  width: number,
  font: number,
  top: number,
  left: number,
): { marks: Mark[]; bottom: number } {
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
