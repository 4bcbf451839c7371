/**
 * `npm run dev`: the editions loader's latest result, for pages to read at
 * once. Astro saves its data store a while after the last change and only
 * then tells the browser to reload, so a saved edit waited for that save
 * (figures in `bench/RESULTS.md`). The loader publishes each sync here and
 * calls the dev server's reload (`src/integrations/dev-reload.ts`) straight
 * away; the pages' door to the collections (`src/model/collection.ts`)
 * reads editions and problems from here in `dev`. Astro's own save still
 * follows and reloads once more, with the same content.
 *
 * The loader, the integration and the pages run in the dev server's one
 * process but in different module graphs, so it is a hand-off
 * (`src/handoffs.ts`).
 */
import { shared, type LiveContent } from '../handoffs.ts';

export type { LiveContent } from '../handoffs.ts';

const live = shared('dev-live', () => ({}));

/** Called by the editions loader after each sync in `dev`. */
export function publishLive(content: LiveContent): void {
  live.content = content;
  live.reload?.();
}

/** The last sync's result in `dev`; undefined before the first and in a build. */
export function liveContent(): LiveContent | undefined {
  return live.content;
}

/** Registers how to make the dev server drop what it rendered and reload the browser. */
export function onLiveChange(reload: () => void): void {
  live.reload = reload;
}
