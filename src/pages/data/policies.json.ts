import type { APIRoute } from 'astro';
import { jsonBody, toJsonRecord } from '../../lib/open-data/json-records.ts';
import { getDataset } from '../../site/data.ts';

export const GET: APIRoute = async () => {
  const policies = (await getDataset()).policies.map((p) => ({
    ...toJsonRecord(p),
    targets: p.targets.map(toJsonRecord),
    summary_markdown: p._body.trim(),
  }));
  return new Response(jsonBody(policies), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
