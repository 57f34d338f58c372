import type { APIRoute } from 'astro';
import { jsonBody, toJsonRecord } from '../../lib/open-data/json-records.ts';
import { csvDatasetNames, type CsvDatasetName } from '../../lib/schemas/index.ts';
import { getDataset } from '../../site/data.ts';

export function getStaticPaths() {
  return csvDatasetNames.map((dataset) => ({ params: { dataset } }));
}

export const GET: APIRoute = async ({ params }) => {
  const rows = (await getDataset())[params.dataset as CsvDatasetName] as object[];
  return new Response(jsonBody(rows.map(toJsonRecord)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
