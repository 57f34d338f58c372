import type { APIRoute } from 'astro';
import { jsonBody, toJsonRecord } from '../../lib/open-data/json-records.ts';
import { getIndex } from '../../site/index.ts';
import { shardPaths } from '../../site/shard.ts';

export async function getStaticPaths() {
  const idx = await getIndex();
  return shardPaths(
    'policies/[id].json',
    idx.data.policies.map((p) => ({ params: { id: p.id } })),
  );
}

export const GET: APIRoute = async ({ params }) => {
  const idx = await getIndex();
  const p = idx.policy.get(params.id!)!;
  return new Response(jsonBody({ ...toJsonRecord(p), targets: p.targets.map(toJsonRecord), summary_markdown: p._body.trim() }), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
