import type { APIRoute } from 'astro';
import { jsonBody, toJsonRecord } from '../../lib/open-data/json-records.ts';
import { regionStatistics } from '../../lib/data/queries.ts';
import { getIndex } from '../../site/index.ts';
import { shardPaths } from '../../site/shard.ts';

export async function getStaticPaths() {
  const idx = await getIndex();
  return shardPaths(
    'regions/[id].json',
    idx.data.regions.map((r) => ({ params: { id: r.id } })),
  );
}

export const GET: APIRoute = async ({ params }) => {
  const idx = await getIndex();
  const region = idx.region.get(params.id!)!;
  const statistics = regionStatistics(idx, region.id).map(toJsonRecord);
  return new Response(jsonBody({ ...toJsonRecord(region), statistics }), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
