/** A static file server on 127.0.0.1 for Lighthouse and the browser tests: `dist/` as a static host would serve it. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * The file a request path names under `root`: decoded once, resolved, and
 * only when it stays inside `root` (so neither `..%2f` nor a sibling folder
 * whose name starts like the root's is reached); `'bad'` for a malformed
 * escape or a NUL, `''` for anything outside.
 */
export function requestedFile(root: string, base: string, url: string): string {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return 'bad';
  }
  if (path.includes('\0')) return 'bad';
  if (!path.startsWith(base)) return '';
  const top = resolve(root);
  const file = resolve(top, `./${path.slice(base.length)}`);
  return file === top || file.startsWith(top + sep) ? file : '';
}

/** Streams a file; a read that fails midway ends the response instead of the server. */
function send(file: string, response: ServerResponse): void {
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}

/** Serves `root` under `base` (`/` or `/newsletter/`); returns the origin and a way to stop. */
export async function serve(root: string, base = '/'): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    let file = requestedFile(root, base, request.url ?? '/');
    if (file === 'bad') {
      response.writeHead(400, { 'Content-Type': TYPES['.txt']! });
      response.end('Bad request\n');
      return;
    }
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !existsSync(file)) {
      response.writeHead(404, { 'Content-Type': TYPES['.html']! });
      const notFound = join(root, '404.html');
      if (existsSync(notFound)) send(notFound, response);
      else response.end('<!doctype html><title>Not found</title><p>Not found</p>');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    send(file, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
