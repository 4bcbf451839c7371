/**
 * `npm run dev`: reloads the browser as soon as the editions loader has
 * synced a change (see `src/loader/dev-live.ts`), instead of after Astro's
 * data store is saved. Clears what the server remembers of each route's
 * paths, as Astro does when its store changes, then tells every open page
 * to reload.
 */
import type { AstroIntegration } from 'astro';
import { onLiveChange } from '../loader/dev-live.ts';

export default function devReload(): AstroIntegration {
  return {
    name: 'newsletter-dev-reload',
    hooks: {
      'astro:server:setup': ({ server }) => {
        onLiveChange(() => {
          for (const name of ['ssr', 'prerender']) server.environments[name]?.hot.send('astro:content-changed', {});
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        });
      },
    },
  };
}
