/** Number formats shared by tables, charts and downloads. */
import { format } from 'd3';

const count = format(',d');
const percent = format('.3~f');

export function formatStatValue(value: number, unit: 'percent' | 'count', qualifier: 'eq' | 'gte' | 'lte' = 'eq'): string {
  const body = unit === 'percent' ? `${percent(value)}%` : count(value);
  return qualifier === 'gte' ? `≥${body}` : qualifier === 'lte' ? `≤${body}` : body;
}
