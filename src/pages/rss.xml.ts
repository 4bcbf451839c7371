import type { APIRoute } from 'astro';
import { getEditions } from '../lib/collection.ts';
import { buildNow } from '../lib/editions.ts';
import { feedItems, rssFeed } from '../lib/feeds.ts';
import { getSite } from '../lib/site.ts';

/** `/rss.xml`: RSS 2.0. */
export const GET: APIRoute = async () => {
  const site = getSite();
  const body = rssFeed(feedItems(await getEditions(), site), site, buildNow().toISOString());
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
