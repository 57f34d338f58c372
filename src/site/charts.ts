/** The site's charts: the pure chart builder with this site's name and URLs. */
import { allCharts, type AllCharts } from '../lib/charts/charts.ts';
import type { ChartBundle } from '../lib/charts/core/bundle.ts';
import { buildCoverage } from '../lib/coverage/coverage.ts';
import { buildCountryCharts } from '../lib/coverage/country-charts.ts';
import type { Dataset } from '../lib/data/dataset.ts';
import { indexDataset } from '../lib/data/queries.ts';
import { SITE_NAME } from './config.ts';
import { dataVersionInfo } from './history.ts';
import { absoluteUrl, url } from './links.ts';

export const chartPage = (id: string) => url(`/statistics/${id}/`);
export const chartFile = (id: string, ext: 'csv' | 'svg') => url(`/statistics/${id}.${ext}`);

export function siteCharts(data: Dataset): AllCharts {
  const opts = { siteName: SITE_NAME, chartUrl: (id: string) => absoluteUrl(`/statistics/${id}/`), version: dataVersionInfo().label };
  const all = allCharts(data, opts);
  // The country tile grids (/coverage/) get permalink pages and CSV/SVG files like every other chart.
  if (!countryCharts.has(all)) {
    const charts = buildCountryCharts(buildCoverage(indexDataset(data)), opts);
    for (const c of charts) all.byId.set(c.id, c);
    countryCharts.set(all, charts);
  }
  return all;
}

const countryCharts = new WeakMap<AllCharts, ChartBundle[]>();

/** The coverage page's tile grids (built with the site's other charts). */
export function siteCountryCharts(data: Dataset): ChartBundle[] {
  return countryCharts.get(siteCharts(data))!;
}
