import type { APIRoute } from 'astro';
import { jsonBody, toJsonRecord } from '../../lib/open-data/json-records.ts';
import { groupDesignations } from '../../lib/data/queries.ts';
import { getIndex } from '../../site/index.ts';
import { shardPaths } from '../../site/shard.ts';

export async function getStaticPaths() {
  const idx = await getIndex();
  return shardPaths(
    'groups/[id].json',
    idx.data.groups.map((g) => ({ params: { id: g.id } })),
  );
}

export const GET: APIRoute = async ({ params }) => {
  const idx = await getIndex();
  const group = idx.group.get(params.id!)!;
  const memberships = (idx.membershipsByGroup.get(group.id) ?? []).map(toJsonRecord);
  const designations = groupDesignations(idx, group.id).map(toJsonRecord);
  return new Response(jsonBody({ ...toJsonRecord(group), memberships, designations }), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
