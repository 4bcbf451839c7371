import type { APIRoute } from 'astro';
import { getEditions } from '../model/collection.ts';
import { buildNow } from '../model/editions.ts';
import { feedItems, rssFeed } from '../render/feeds.ts';
import { getSite } from '../site/settings.ts';

/** `/rss.xml`: RSS 2.0. */
export const GET: APIRoute = async () => {
  const site = getSite();
  const body = rssFeed(feedItems(await getEditions(), site), site, buildNow().toISOString());
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
