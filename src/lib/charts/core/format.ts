/** Values and kinds in words, shared by labels, tooltips, tables and descriptions. */
import { format } from 'd3';
import { formatStatValue } from '../../data/format.ts';
import { statisticKindLabels } from '../../schemas/statistic.ts';
import type { ChartRow, Qualifier, Unit } from './series.ts';

/** "69.5%", "≥85%", "3,424" — as in the site's tables. */
export const valueText = (value: number, unit: Unit, qualifier: Qualifier = 'eq') => formatStatValue(value, unit, qualifier);

const QUALIFIER_BEFORE: Record<Qualifier, string> = { eq: '', approx: '约', near: '近', gt: '超过', gte: '', lt: '不到', lte: '' };
const QUALIFIER_AFTER: Record<Qualifier, string> = { eq: '', approx: '', near: '', gt: '', gte: '以上', lt: '', lte: '以下' };

/** "69.5%", "85%以上", "约900所", "236个", "933所" — for sentences. */
export function valueWords(value: number, unit: Unit, unitWord: string, qualifier: Qualifier = 'eq'): string {
  const body = unit === 'percent' ? formatStatValue(value, unit) : `${formatStatValue(value, unit)}${unitWord}`;
  return `${QUALIFIER_BEFORE[qualifier]}${body}${QUALIFIER_AFTER[qualifier]}`;
}

/** A row's value as labels show it: the source's wording when recorded (约900所), else the number and its qualifier. */
export const rowValueText = (r: Pick<ChartRow, 'value' | 'unit' | 'qualifier' | 'valueMax' | 'wording'>) =>
  r.wording || formatStatValue(r.value, r.unit, r.qualifier, r.valueMax);

/** A row's stage in brackets for a label, or '': （普通高中）. */
export const stageWords = (r: Pick<ChartRow, 'stageLabel'>) => (r.stageLabel ? `（${r.stageLabel}）` : '');

const diffFormat = format('.3~f');

/** A difference: "24个百分点" for rates, "58所" for counts. Always positive; the caller says which way. */
export function differenceWords(delta: number, unit: Unit, unitWord: string): string {
  const d = Math.abs(delta);
  return unit === 'percent' ? `${diffFormat(d)}个百分点` : `${format(',d')(Math.round(d))}${unitWord}`;
}

export const kindLabel = (r: Pick<ChartRow, 'kind'>) => statisticKindLabels[r.kind];

/** Share of a target reached, in whole percent ("82%"). */
export const percentOf = (share: number) => `${Math.round(share * 100)}%`;

/** A figure in a CSV cell exactly as recorded: no grouping, no rounding. */
export const csvNumber = (v: number) => String(v);

/** A computed number (gap, share) in a CSV cell: rounded to 3 decimals so float noise never shows. */
export const csvComputed = (v: number) => String(Math.round(v * 1000) / 1000);
