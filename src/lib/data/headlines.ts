/** The home page's headline figures: the latest actual value of each region's key metrics. */
import { dateBounds, dateSortKey } from '../fuzzy-date.ts';
import type { DatasetIndex } from './queries.ts';

const HEADLINE_METRICS = ['coverage-rate', 'group-count', 'participating-schools'];

export function headlineFigures(idx: DatasetIndex, limit = 6) {
  const metrics = new Map(idx.data.metrics.map((m) => [m.id, m]));
  const latest = new Map<string, (typeof idx.data.statistics)[number]>();
  for (const s of idx.data.statistics) {
    // An undated figure (日期不详) cannot be the latest one.
    if (s.kind !== 'actual' || !HEADLINE_METRICS.includes(s.metric) || !dateBounds(s.date.parsed)) continue;
    const key = `${s.region}|${s.metric}`;
    const prev = latest.get(key);
    if (!prev || dateSortKey(s.date.parsed) > dateSortKey(prev.date.parsed)) latest.set(key, s);
  }
  // Broader regions first, then the metric order above.
  const depth = (id: string) => {
    let n = 0;
    for (let r = idx.region.get(id); r?.parent; r = idx.region.get(r.parent)) n++;
    return n;
  };
  return [...latest.values()]
    .sort((a, b) => depth(a.region) - depth(b.region) || a.region.localeCompare(b.region) || HEADLINE_METRICS.indexOf(a.metric) - HEADLINE_METRICS.indexOf(b.metric))
    .slice(0, limit)
    .map((stat) => ({ stat, metric: metrics.get(stat.metric)!, region: idx.region.get(stat.region)!, sources: stat.source.flatMap((id) => idx.source.get(id) ?? []) }));
}
