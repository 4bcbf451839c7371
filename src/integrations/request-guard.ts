/**
 * `npm run dev` and `npm run preview`: malformed and climbing URLs get a
 * plain 400 or 404 before Astro and Vite see them
 * (`src/site/request-guard.ts`), instead of a 500 with a stack trace and
 * the project's absolute path.
 */
import type { Server } from 'node:http';
import type { AstroIntegration } from 'astro';
import { guardNextServer, guardRequests } from '../site/request-guard.ts';

export default function requestGuard(): AstroIntegration {
  return {
    name: 'newsletter-request-guard',
    hooks: {
      // The preview serves built files only: no `/@fs/` folder is allowed.
      'astro:config:setup': ({ command }) => {
        if (command === 'preview') guardNextServer([]);
      },
      'astro:server:setup': ({ server }) => {
        // Vite's HTTP server (dev has no https here), with its handlers already attached.
        if (server.httpServer) guardRequests(server.httpServer as Server, server.config.server.fs.allow);
      },
    },
  };
}
