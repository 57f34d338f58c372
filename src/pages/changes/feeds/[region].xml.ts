/** /changes/feeds/<province>.xml — the data changes within one province, by day, as an Atom feed. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedRegions, feedXml } from '../../../site/changes.ts';
import { getIndex } from '../../../site/index.ts';
import { shardPaths } from '../../../site/shard.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  shardPaths(
    'changes/feeds/[region].xml',
    feedRegions(await getIndex()).map((r) => ({ params: { region: r.id } })),
  );

export const GET: APIRoute = async ({ params }) =>
  new Response(feedXml(await getIndex(), params.region), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
