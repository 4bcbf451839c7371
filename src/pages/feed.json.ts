import type { APIRoute } from 'astro';
import { getEditions } from '../model/collection.ts';
import { feedItems, jsonFeed } from '../render/feeds.ts';
import { getSite } from '../site/settings.ts';

/** `/feed.json`: JSON Feed 1.1. */
export const GET: APIRoute = async () => {
  const site = getSite();
  return new Response(jsonFeed(feedItems(await getEditions(), site), site), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
};
