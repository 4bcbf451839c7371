/** The guard in front of `npm run dev` and `npm run preview`, on a plain Node server standing in for Vite's. */
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { guardRequests, requestRefusal } from '../../src/site/request-guard.ts';

describe('which requests never reach Astro or Vite', () => {
  it.each([
    ['/%', 400],
    ['/editions/%ff/', 400],
    ['/a%00b/', 400],
    ['/..%2f..%2fetc/passwd', 404],
    ['/x/%2e%2e/%2e%2e/etc/passwd', 404],
    ['/..%5cetc/passwd', 404],
    ['/%252e%252e%252fetc/passwd', 404],
    ['/@fs/etc/passwd', 404],
    ['/@fs/project-other/x.js', 404],
  ] as const)('%s is a %i', (url, status) => {
    expect(requestRefusal(url, ['/project'])).toBe(status);
  });

  it.each(['/', '/editions/2/', '/search/?q=%E2%9C%93', '/@fs/project/node_modules/astro/x.js', '/a..b/'])(
    '%s goes through',
    (url) => expect(requestRefusal(url, ['/project'])).toBeNull(),
  );
});

describe('a guarded server', () => {
  it('answers a refused request plainly, and a 403 from behind it without the folders it names', async () => {
    const server = createServer((request, response) => {
      response.statusCode = request.url === '/secret' ? 403 : 200;
      response.setHeader('Content-Type', 'text/html');
      response.write('<p>The request id is outside of the allow list:<br>- /home/someone/project</p>');
      response.end();
    });
    guardRequests(server, []);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const fetchText = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        get(`${origin}${path}`, { timeout: 5_000 }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        }).on('error', reject);
      });
    try {
      expect(await fetchText('/%')).toEqual({ status: 400, body: 'Bad request\n' });
      expect(await fetchText('/secret')).toEqual({ status: 403, body: 'Forbidden\n' });
      expect((await fetchText('/page')).body).toContain('/home/someone/project');
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
