/** A figure in words, as chart descriptions (the SVG's <desc>) say it. */
import { valueWords } from './format.ts';
import type { ChartRow } from './series.ts';

/** "69.5%", "29%（推算）". */
export function valueOf(r: ChartRow, unitWord: string): string {
  return `${r.wording || valueWords(r.value, r.unit, unitWord, r.qualifier)}${r.kind === 'derived' ? '（推算）' : ''}`;
}

/** "69.5%（2024年9月）", "100%（推算，2024年10月至2025年10月之间）". */
export function valueAt(r: ChartRow, unitWord: string): string {
  return `${r.wording || valueWords(r.value, r.unit, unitWord, r.qualifier)}（${r.kind === 'derived' ? '推算，' : ''}${r.dateLabel}）`;
}
