/**
 * What `npm run dev` and `npm run preview` answer before Astro and Vite see a
 * request: a malformed `%` escape or a NUL is a plain 400, a path that climbs
 * (`..`, also written `%2e%2e`, `..%2f` or `..\`) or a `/@fs/` path outside
 * the project is a plain 404. Left to them, a malformed escape was a 500
 * whose body was a stack trace with the project's absolute path, and Vite's
 * 403 for `/@fs/` listed the folders it serves.
 */
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';

/** The status to answer at once, with a plain body, or null to let the request through; `allowed` are the folders `/@fs/` may serve. */
export function requestRefusal(url: string, allowed: readonly string[]): 400 | 404 | null {
  const path = url.replace(/[?#].*$/s, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 400;
  }
  if (decoded.includes('\0')) return 400;
  // Decoded twice too: a server further on may decode again (`%252e%252e%252f`).
  let twice = decoded;
  try {
    twice = decodeURIComponent(decoded);
  } catch {
    // Not decodable a second time: the once-decoded path is what any server sees.
  }
  if ([decoded, twice].some((p) => p.split(/[\\/]/).includes('..'))) return 404;
  if (decoded.startsWith('/@fs/')) {
    const file = resolve(decoded.slice('/@fs'.length));
    const inside = (folder: string) => file === resolve(folder) || file.startsWith(resolve(folder) + sep);
    if (!allowed.some(inside)) return 404;
  }
  return null;
}

const BODIES = { 400: 'Bad request\n', 404: 'Not found\n' } as const;

/**
 * Puts `requestRefusal` in front of every request handler of `server`, and
 * answers a 403 from behind it with a plain `Forbidden` (Vite's names the
 * folders it serves). Safe to call once per server.
 */
export function guardRequests(server: Server, allowed: readonly string[]): void {
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const status = requestRefusal(request.url ?? '/', allowed);
    if (status) {
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(BODIES[status]);
      return;
    }
    plainForbidden(response);
    for (const handler of handlers) handler.call(server, request, response);
  });
}

/** A 403 body written to `response` becomes a plain `Forbidden`, whatever the handler wrote. */
function plainForbidden(response: ServerResponse): void {
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  const forbidden = () => response.statusCode === 403 && !response.headersSent;
  response.write = ((...args: unknown[]) => (forbidden() ? true : write(...args))) as ServerResponse['write'];
  response.end = ((...args: unknown[]) => {
    if (!forbidden()) return end(...args);
    response.removeHeader('Content-Length');
    response.setHeader('Content-Type', 'text/plain; charset=utf-8');
    return end('Forbidden\n');
  }) as ServerResponse['end'];
}

/**
 * `astro preview` lets no integration reach its server (it drops the Vite
 * plugins of the config), so the next HTTP server this process creates,
 * which is the preview's, is guarded as it is made.
 */
export function guardNextServer(allowed: readonly string[]): void {
  const original = http.createServer;
  const guarded = ((...args: Parameters<typeof original>) => {
    http.createServer = original;
    syncBuiltinESMExports();
    const server = original(...args);
    guardRequests(server, allowed);
    return server;
  }) as typeof original;
  http.createServer = guarded;
  syncBuiltinESMExports();
}
