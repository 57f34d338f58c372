/** /changes/feed.xml — every data change, by day, as an Atom feed. */
import type { APIRoute } from 'astro';
import { feedXml } from '../../site/changes.ts';
import { getIndex } from '../../site/index.ts';

export const GET: APIRoute = async () =>
  new Response(feedXml(await getIndex()), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
