/**
 * A local stand-in for the forums' APIs on 127.0.0.1 (port 0), replaying the
 * recorded answers in tests/fixtures/forums/ in each API's own shape:
 *
 *   /hn/v0/item/<id>.json             Firebase; `null` for an id it has no item for
 *   /algolia/api/v1/items/<id>        Algolia; 404 `{"status":404,"error":"Not Found"}` otherwise
 *   /lobsters/s/<id>.json             Lobsters; a 404 HTML page otherwise
 *   /reddit/comments/<id>.json        Reddit's listing pair (`?comment=<c>` → <id>-<c>.json)
 *   /reddit/api/morechildren.json     Reddit's "more" answer, by `link_id`
 *
 * `answers` replace a path's answer with a sequence (a 429, then the file).
 * Every request is recorded with its User-Agent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '../fixtures/forums');

/** One scripted answer; `body: 'file'` serves the recorded fixture for the path. */
export interface Answer {
  status: number;
  body: string | 'file';
  headers?: Record<string, string>;
}

/** A running stand-in: the environment that points the commands at it, what it was asked, and how to stop it. */
export interface ForumServer {
  env: Record<string, string>;
  requests: { path: string; userAgent: string }[];
  close(): Promise<void>;
}

function fixtureFor(path: string, query: URLSearchParams): { file: string | null; missing: Answer } {
  const json = (body: unknown, status = 404): Answer => ({ status, body: JSON.stringify(body) });
  let m: RegExpMatchArray | null;
  if ((m = path.match(/^\/hn\/v0\/item\/(\w+)\.json$/)))
    return { file: `hn/item/${m[1]}.json`, missing: json(null, 200) };
  if ((m = path.match(/^\/algolia\/api\/v1\/items\/(\w+)$/)))
    return { file: `algolia/items/${m[1]}.json`, missing: json({ status: 404, error: 'Not Found' }) };
  if ((m = path.match(/^\/lobsters\/s\/(\w+)\.json$/)))
    return { file: `lobsters/s/${m[1]}.json`, missing: { status: 404, body: '<!DOCTYPE html><title>404</title>' } };
  if ((m = path.match(/^\/reddit\/comments\/(\w+)\.json$/))) {
    const comment = query.get('comment');
    return {
      file: `reddit/comments/${m[1]}${comment ? `-${comment}` : ''}.json`,
      missing: json({ message: 'Not Found', error: 404 }),
    };
  }
  if (path === '/reddit/api/morechildren.json') {
    const link = (query.get('link_id') ?? '').replace(/^t3_/, '');
    return {
      file: `reddit/morechildren/${link}.json`,
      missing: json({ json: { errors: [['INVALID', 'no such thing', 'link_id']] } }, 200),
    };
  }
  return { file: null, missing: json({ error: 'no such route' }) };
}

/** Starts the stand-in; `answers` script some paths (without query) answer by answer, the last one repeating. */
export async function startForumServer(answers: Record<string, Answer[]> = {}): Promise<ForumServer> {
  const requests: ForumServer['requests'] = [];
  const served = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: `${url.pathname}${url.search}`, userAgent: String(req.headers['user-agent'] ?? '') });
    const { file, missing } = fixtureFor(url.pathname, url.searchParams);
    const fromFile = (): Answer =>
      file && existsSync(join(FIXTURES, file))
        ? { status: 200, body: readFileSync(join(FIXTURES, file), 'utf8') }
        : missing;
    const script = answers[url.pathname];
    const n = served.get(url.pathname) ?? 0;
    served.set(url.pathname, n + 1);
    let answer = script ? script[Math.min(n, script.length - 1)]! : fromFile();
    if (answer.body === 'file') answer = { ...fromFile(), headers: answer.headers ?? {} };
    const type = answer.body.trimStart().startsWith('<') ? 'text/html' : 'application/json';
    res.writeHead(answer.status, { 'content-type': type, ...answer.headers });
    res.end(answer.body);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    env: {
      HN_API_URL: `${origin}/hn/v0`,
      HN_ALGOLIA_URL: `${origin}/algolia/api/v1`,
      LOBSTERS_API_URL: `${origin}/lobsters`,
      REDDIT_API_URL: `${origin}/reddit`,
    },
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
