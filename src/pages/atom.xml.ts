import type { APIRoute } from 'astro';
import { getEditions } from '../lib/collection.ts';
import { buildNow } from '../lib/editions.ts';
import { atomFeed, feedItems } from '../lib/feeds.ts';
import { getSite } from '../lib/site.ts';

/** `/atom.xml`: Atom 1.0. */
export const GET: APIRoute = async () => {
  const site = getSite();
  const body = atomFeed(feedItems(await getEditions(), site), site, buildNow().toISOString());
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
