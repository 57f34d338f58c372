import type { APIRoute } from 'astro';
import { csvDatasetNames, csvDatasets, type CsvDatasetName } from '../../lib/schemas/index.ts';
import { csvDownload } from '../../site/data-files.ts';

export function getStaticPaths() {
  return csvDatasetNames.map((dataset) => ({ params: { dataset } }));
}

export const GET: APIRoute = ({ params }) => {
  const { file } = csvDatasets[params.dataset as CsvDatasetName];
  return new Response(csvDownload(file), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
