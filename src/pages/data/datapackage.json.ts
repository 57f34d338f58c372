import type { APIRoute } from 'astro';
import { dataPackage } from '../../lib/open-data/datapackage.ts';
import { jsonBody } from '../../lib/open-data/json-records.ts';
import { absoluteUrl } from '../../site/links.ts';
import { dataVersion } from '../../site/git-dates.ts';

export const GET: APIRoute = () =>
  new Response(jsonBody(dataPackage({ version: dataVersion(), homepage: absoluteUrl('/data/') })), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
