/**
 * A laid-out chart: plain shapes in viewBox units, plus the focusable targets the
 * tooltip script uses. Layout produces a Scene; svg.ts prints it.
 */

export type Mark =
  | {
      type: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      stroke: string;
      width: number;
      dash?: string;
      cap?: 'round' | 'butt';
      cls?: string;
    }
  | { type: 'path'; d: string; stroke?: string; fill?: string; width?: number; dash?: string; cap?: 'round' | 'butt'; cls?: string }
  | { type: 'circle'; cx: number; cy: number; r: number; fill: string; stroke?: string; width?: number; cls?: string }
  | { type: 'rect'; x: number; y: number; w: number; h: number; fill: string; stroke?: string; width?: number; dash?: string; cls?: string }
  | {
      type: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      fill: string;
      anchor?: 'start' | 'middle' | 'end';
      weight?: number;
      /** A white outline behind the glyphs so labels stay legible over lines. */
      halo?: boolean;
      cls?: string;
    };

/** A focusable area over a plotted figure: its tooltip and its accessible name. */
export interface Hit {
  shape: 'circle' | 'rect';
  x: number;
  y: number;
  /** Circle radius, or rect width and height (x, y is then the top-left corner). */
  r?: number;
  w?: number;
  h?: number;
  /** One line, for screen readers. */
  label: string;
  /** Several lines, for the tooltip. */
  tip: string[];
  /** 1-based index into the chart's data rows (the CSV and the table). */
  row: number;
  value: number;
  date: string;
  kind: string;
}

export interface Scene {
  width: number;
  height: number;
  marks: Mark[];
  hits: Hit[];
}

/** Colours: each passes 3:1 against white for graphics, and ink colours pass 4.5:1 for text. */
export const COLORS = {
  main: '#0b5cab',
  target: '#8a4b00',
  parent: '#5b6068',
  ink: '#1a1a1a',
  inkSoft: '#4a4a4a',
  axis: '#6b6f76',
  grid: '#e3e5e8',
  track: '#eceef1',
  paper: '#ffffff',
} as const;

export const FONT_FAMILY =
  "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";
