/** /statistics/<chart-id>.svg — the chart as a self-contained SVG file (title, definition, sources, link). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteCharts } from '../../site/charts.ts';
import { getDataset } from '../../site/data.ts';
import { shardPaths } from '../../site/shard.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { byId } = siteCharts(await getDataset());
  return shardPaths(
    'statistics/[chart].svg',
    [...byId.keys()].map((chart) => ({ params: { chart } })),
  );
};

export const GET: APIRoute = async ({ params }) => {
  const chart = siteCharts(await getDataset()).byId.get(params.chart!)!;
  return new Response(chart.standalone, { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
};
