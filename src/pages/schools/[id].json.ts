import type { APIRoute } from 'astro';
import { jsonBody, toJsonRecord } from '../../lib/open-data/json-records.ts';
import { schoolHistory } from '../../lib/data/queries.ts';
import { getIndex } from '../../site/index.ts';
import { shardPaths } from '../../site/shard.ts';

export async function getStaticPaths() {
  const idx = await getIndex();
  return shardPaths(
    'schools/[id].json',
    idx.data.schools.map((s) => ({ params: { id: s.id } })),
  );
}

export const GET: APIRoute = async ({ params }) => {
  const idx = await getIndex();
  const school = idx.school.get(params.id!)!;
  return new Response(jsonBody({ ...toJsonRecord(school), memberships: schoolHistory(idx, school.id).map(toJsonRecord) }), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
