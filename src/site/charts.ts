/** The site's charts: the pure chart builder with this site's name and URLs. */
import { allCharts, type AllCharts } from '../lib/charts/charts.ts';
import type { Dataset } from '../lib/data/dataset.ts';
import { SITE_NAME } from './config.ts';
import { absoluteUrl, url } from './links.ts';

export const chartPage = (id: string) => url(`/statistics/${id}/`);
export const chartFile = (id: string, ext: 'csv' | 'svg') => url(`/statistics/${id}.${ext}`);

export function siteCharts(data: Dataset): AllCharts {
  return allCharts(data, { siteName: SITE_NAME, chartUrl: (id) => absoluteUrl(`/statistics/${id}/`) });
}
