/** The two sizes every chart is drawn at: the page shows one or the other by CSS. */

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
