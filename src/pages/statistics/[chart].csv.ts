/** /statistics/<chart-id>.csv — exactly the rows a chart plots, UTF-8 with BOM. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteCharts } from '../../site/charts.ts';
import { getDataset } from '../../site/data.ts';
import { shardPaths } from '../../site/shard.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { byId } = siteCharts(await getDataset());
  return shardPaths(
    'statistics/[chart].csv',
    [...byId.keys()].map((chart) => ({ params: { chart } })),
  );
};

export const GET: APIRoute = async ({ params }) => {
  const chart = siteCharts(await getDataset()).byId.get(params.chart!)!;
  return new Response(new TextEncoder().encode(chart.csv), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
