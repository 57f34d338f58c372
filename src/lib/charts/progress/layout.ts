/**
 * Progress toward each target on one shared scale: the share of the target
 * reached (0–100 %), the target at the right end of each track, and the gap and
 * deadline in words under it.
 */
import { DASH } from '../core/dash.ts';
import { differenceWords, percentOf, valueWords } from '../core/format.ts';
import { COLORS, type Hit, type Mark, type Scene } from '../core/scene.ts';
import { BAR_H, barRect } from '../core/shapes.ts';
import type { ChartSize } from '../core/sizes.ts';
import { wrapParts, wrapText } from '../core/text.ts';
import type { Progress } from './progress.ts';

export interface ProgressInputItem {
  progress: Progress;
  metricName: string;
  unitWord: string;
}

interface Track {
  left: number;
  /** Text line height. */
  line: number;
  /** A share of the target (0–1) to x. */
  x: (share: number) => number;
}

/** Each item's wrapped lines — title, goal, status — and the height they take with the track. */
function itemLines({ progress: p, metricName, unitWord }: ProgressInputItem, textRoom: number, font: number, line: number) {
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
}

type ItemLines = ReturnType<typeof itemLines>;

/** One item from y0 down: its title and goal, the track with the share reached and the target line, its status. */
function itemMarks({ p, title, goal, status }: ItemLines, y0: number, font: number, { left, line, x }: Track): Mark[] {
  const marks: Mark[] = [];
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
    marks.push(barRect({ x: x(0), y: barY, w, h: BAR_H }, p.latest.kind === 'derived', 'bar'));
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
  marks.push({ type: 'line', x1: x(1), y1: barY - 4, x2: x(1), y2: barY + BAR_H + 4, stroke: COLORS.target, width: 2, dash: DASH.goal });
  ty = barY + BAR_H + 4;
  for (const l of status) {
    marks.push({ type: 'text', x: left, y: ty + font * 1.1, text: l, size: font - 1, fill: COLORS.inkSoft, halo: true });
    ty += line;
  }
  return marks;
}

/** The focus target over a whole item, with the tooltip lines. */
function itemHit({ p, metricName, unitWord, statusText, h }: ItemLines, row: number, y0: number, width: number): Hit {
  const t = p.target;
  const tipLines = [
    `${t.regionName} · ${metricName}`,
    `目标：${t.dateLabel}达到${valueWords(t.value, t.unit, unitWord, t.qualifier)}`,
    statusText,
  ];
  if (p.share !== undefined) tipLines.push(`完成度：${percentOf(p.share)}`);
  tipLines.push(`来源：${t.sourceTitle}`);
  return {
    shape: 'rect',
    x: 0,
    y: y0,
    w: width,
    h: h - 8,
    label: tipLines.join('，'),
    tip: tipLines,
    row,
    value: t.value,
    date: t.date,
    kind: t.kind,
  };
}

export function layoutProgressChart(items: ProgressInputItem[], size: ChartSize): Scene {
  const { width: W, font } = size;
  const left = 6;
  const right = W - (size.compact ? 44 : 56);
  const track: Track = { left, line: font * 1.45, x: (share: number) => left + (right - left) * share };
  const rows = items.map((item) => itemLines(item, W - left - 4, font, track.line));
  const top = 4;
  const bottom = top + rows.reduce((a, r) => a + r.h, 0);

  const marks: Mark[] = [0, 0.5, 1].map((t) => ({
    type: 'text',
    x: track.x(t),
    y: bottom + font - 2,
    text: t === 0 ? '0%' : t === 1 ? '100%＝目标' : '50%',
    size: font - 1,
    fill: COLORS.inkSoft,
    anchor: t === 0 ? 'start' : 'middle',
  }));
  const hits: Hit[] = [];
  let y0 = top;
  rows.forEach((row, i) => {
    marks.push(...itemMarks(row, y0, font, track));
    hits.push(itemHit(row, i + 1, y0, W));
    y0 += row.h;
  });
  return { width: W, height: Math.ceil(bottom + font + 4), marks, hits };
}
