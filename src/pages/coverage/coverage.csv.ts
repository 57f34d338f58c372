/** /coverage/coverage.csv — the coverage table: what the site lists against what sources report, per region. */
import type { APIRoute } from 'astro';
import { coverageCsv } from '../../lib/coverage/view.ts';
import { getCoverage } from '../../site/coverage.ts';

export const GET: APIRoute = async () =>
  new Response(new TextEncoder().encode(coverageCsv(await getCoverage())), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
