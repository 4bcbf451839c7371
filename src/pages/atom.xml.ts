import type { APIRoute } from 'astro';
import { getEditions } from '../model/collection.ts';
import { buildNow } from '../model/editions.ts';
import { atomFeed, feedItems } from '../render/feeds.ts';
import { getSite } from '../site/settings.ts';

/** `/atom.xml`: Atom 1.0. */
export const GET: APIRoute = async () => {
  const site = getSite();
  const body = atomFeed(feedItems(await getEditions(), site), site, buildNow().toISOString());
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
