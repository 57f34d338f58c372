/** A figure in words, as chart descriptions (the SVG's <desc>) say it. */
import { valueWords } from './format.ts';
import type { ChartRow } from './series.ts';

/** "69.5%", "29%（推算）", "21所（普通高中）": a figure for one stage says which. */
export function valueOf(r: ChartRow, unitWord: string): string {
  const notes = [r.stageLabel, r.kind === 'derived' ? '推算' : ''].filter(Boolean);
  return `${r.wording || valueWords(r.value, r.unit, unitWord, r.qualifier)}${notes.length ? `（${notes.join('，')}）` : ''}`;
}

/** "69.5%（2024年9月）", "100%（推算，2024年10月至2025年10月之间）", "21所（普通高中，2021年6月）". */
export function valueAt(r: ChartRow, unitWord: string): string {
  const notes = [r.stageLabel, r.kind === 'derived' ? '推算' : '', r.dateLabel].filter(Boolean);
  return `${r.wording || valueWords(r.value, r.unit, unitWord, r.qualifier)}（${notes.join('，')}）`;
}
