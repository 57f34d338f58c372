/**
 * A tile grid: one square per area at a fixed cell (placed roughly as on a map),
 * filled by the bin its value falls in, with its short name and value printed on
 * it. No map tiles, no borders, nothing fetched: plain shapes for svg.ts to print.
 * Areas without data are white with a dashed outline and say so in words, so the
 * grid reads without colour.
 */
import { COLORS, type Hit, type Mark, type Scene } from '../core/scene.ts';
import { textWidth } from '../core/text.ts';

export interface TileBin {
  label: string;
  fill: string;
  /** Text colour on this fill (each pair passes 4.5:1). */
  ink: string;
}

export interface Tile {
  col: number;
  row: number;
  name: string;
  /** The second line on the tile: the value, or "暂无". */
  valueText: string;
  /** Index into the bins; null when the area has no data. */
  bin: number | null;
  /** The tooltip, line by line; joined for the accessible name. */
  tip: string[];
  /** 1-based row of the chart's table and CSV. */
  tableRow: number;
  value: number;
  date: string;
  kind: string;
}

export interface TileGridInput {
  columns: number;
  rows: number;
  tiles: Tile[];
  bins: TileBin[];
  noDataLabel: string;
}

export interface TileGridSize {
  width: number;
  /** Largest tile side; the grid shrinks to fit narrower drawings. */
  maxTile: number;
  gap: number;
  font: number;
  /** Legend to the right of the grid (wide) or below it (narrow). */
  legend: 'right' | 'below';
}

export const TILE_WIDE: TileGridSize = { width: 640, maxTile: 60, gap: 4, font: 13, legend: 'right' };
export const TILE_NARROW: TileGridSize = { width: 340, maxTile: 46, gap: 3, font: 12, legend: 'below' };

/** Five steps of blue, light to dark, each with a text colour that reads on it. */
export const TILE_BLUES: readonly { fill: string; ink: string }[] = [
  { fill: '#e8f0f8', ink: COLORS.ink },
  { fill: '#b5d0ea', ink: COLORS.ink },
  { fill: '#5b9bd1', ink: COLORS.ink },
  { fill: '#1f65a8', ink: '#ffffff' },
  { fill: '#0b2f5e', ink: '#ffffff' },
];

const NO_DATA = { fill: COLORS.paper, stroke: COLORS.axis, dash: '3 2' };

export function layoutTileGrid(input: TileGridInput, size: TileGridSize): Scene {
  const { gap, font } = size;
  const legendWidth = size.legend === 'right' ? 150 : 0;
  const tile = Math.min(size.maxTile, Math.floor((size.width - legendWidth - 16 - gap * (input.columns - 1) - 2) / input.columns));
  const gridW = input.columns * tile + (input.columns - 1) * gap;
  const gridH = input.rows * tile + (input.rows - 1) * gap;
  // Wide: a margin like the other charts' (the standalone SVG prints titles at 16); narrow: centred.
  const x0 = size.legend === 'right' ? 16 : Math.max(1, (size.width - gridW) / 2);
  const y0 = 1;
  const marks: Mark[] = [];
  const hits: Hit[] = [];
  const small = Math.max(9, font - 2);
  for (const t of input.tiles) {
    const x = x0 + t.col * (tile + gap);
    const y = y0 + t.row * (tile + gap);
    const bin = t.bin === null ? undefined : input.bins[t.bin];
    if (bin) marks.push({ type: 'rect', x, y, w: tile, h: tile, fill: bin.fill, cls: 'tile' });
    else
      marks.push({
        type: 'rect',
        x,
        y,
        w: tile,
        h: tile,
        fill: NO_DATA.fill,
        stroke: NO_DATA.stroke,
        width: 1,
        dash: NO_DATA.dash,
        cls: 'tile',
      });
    const ink = bin?.ink ?? COLORS.inkSoft;
    // The name shrinks to fit the tile (内蒙古, 黑龙江 on a narrow grid).
    const nameSize = Math.min(font, ((tile - 4) / textWidth(t.name, 1)) | 0);
    marks.push({
      type: 'text',
      x: x + tile / 2,
      y: y + tile * 0.44,
      text: t.name,
      size: nameSize,
      fill: ink,
      anchor: 'middle',
      weight: 600,
    });
    const valueSize = Math.min(small, ((tile - 4) / Math.max(1, textWidth(t.valueText, 1))) | 0);
    marks.push({ type: 'text', x: x + tile / 2, y: y + tile * 0.78, text: t.valueText, size: valueSize, fill: ink, anchor: 'middle' });
    hits.push({
      shape: 'rect',
      x,
      y,
      w: tile,
      h: tile,
      label: t.tip.join('，'),
      tip: t.tip,
      row: t.tableRow,
      value: t.value,
      date: t.date,
      kind: t.kind,
    });
  }
  // Legend: one swatch per bin, then "no data".
  const entries = [
    ...input.bins.map((b) => ({
      label: b.label,
      fill: b.fill,
      stroke: undefined as string | undefined,
      dash: undefined as string | undefined,
    })),
    { label: input.noDataLabel, fill: NO_DATA.fill, stroke: NO_DATA.stroke, dash: NO_DATA.dash },
  ];
  const sw = 14;
  const lineH = font + 10;
  const swatch = (e: (typeof entries)[number], lx: number, ly: number) => {
    marks.push({
      type: 'rect',
      x: lx,
      y: ly,
      w: sw,
      h: sw,
      fill: e.fill,
      stroke: e.stroke ?? COLORS.axis,
      width: 1,
      ...(e.dash ? { dash: e.dash } : {}),
    });
    marks.push({ type: 'text', x: lx + sw + 6, y: ly + sw - 2, text: e.label, size: small, fill: COLORS.ink });
  };
  let height = gridH + 2;
  if (size.legend === 'right') {
    const lx = x0 + gridW + 16;
    entries.forEach((e, i) => swatch(e, lx, y0 + i * lineH));
    height = Math.max(height, y0 + entries.length * lineH);
  } else {
    // Two legend entries per line below the grid.
    const colW = (size.width - 2) / 2;
    entries.forEach((e, i) => swatch(e, 1 + (i % 2) * colW, y0 + gridH + 12 + Math.floor(i / 2) * lineH));
    height = y0 + gridH + 12 + Math.ceil(entries.length / 2) * lineH;
  }
  return { width: size.width, height: Math.ceil(height + 2), marks, hits };
}
