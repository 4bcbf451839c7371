import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environmentProblems, forumApisFrom, type ForumApis } from '../../src/site/environment.ts';
import { readThread } from '../../scripts/figures/forum-apis.ts';
import { PoliteClient, USER_AGENT } from '../../scripts/figures/http.ts';
import { retryAfterMs } from '../../scripts/lib/retry-after.ts';
import { startForumServer, type ForumServer } from '../support/forum-server.ts';

const FAST = { concurrency: 2, timeoutMs: 500, retries: 2, backoffMs: 10, maxWaitMs: 1_000 };

let server: ForumServer;
let apis: ForumApis;
beforeAll(async () => {
  server = await startForumServer({
    '/hn/v0/item/200.json': [
      { status: 429, body: '', headers: { 'retry-after': '0' } },
      { status: 503, body: 'busy' },
      { status: 200, body: 'file' },
    ],
    '/hn/v0/item/201.json': [{ status: 502, body: 'bad gateway' }],
    '/hn/v0/item/202.json': [{ status: 429, body: '', headers: { 'retry-after': '3600' } }],
    '/hn/v0/item/203.json': [{ status: 200, body: '<html>maintenance</html>' }],
  });
  apis = forumApisFrom(server.env);
});
afterAll(() => server.close());

const read = (key: string) => readThread(key, apis, new PoliteClient(FAST));

describe('each forum API, read in its own shape', () => {
  it('Hacker News: score and descendants from Firebase, every commenter from the Algolia tree', async () => {
    const result = await read('hn:47476422');
    expect(result.ok && result.report).toMatchObject({
      points: 251,
      comments: 97,
      submitter: 'danveloper',
      partial: null,
    });
    expect(result.ok && result.report.commenters.get('mkw')).toBe(3);
    expect(result.ok && result.report.article).toBe('https://github.com/danveloper/flash-moe');
  });

  it('Hacker News: a deep comment tree is read to the bottom', async () => {
    const result = await read('hn:105');
    expect(result.ok && [...result.report.commenters.keys()]).toHaveLength(40);
    expect(result.ok && result.report.commenters.has('deep40')).toBe(true);
  });

  it('Hacker News: deleted, dead, unknown (null) and a comment are one reason each', async () => {
    const reasons = await Promise.all(['hn:100', 'hn:101', 'hn:102', 'hn:104'].map(read));
    expect(reasons.map((r) => !r.ok && r.reason)).toEqual([
      'the item is deleted',
      'the item is dead (flagged or killed)',
      'no such item (the API answered null)',
      'the item is a comment, not a story',
    ]);
  });

  it('Lobsters: score, comment_count, the submitter and commenters, deleted comments left out', async () => {
    const result = await read('lobsters:abc123');
    expect(result.ok && result.report).toMatchObject({ points: 42, comments: 4, submitter: 'pushcx', partial: null });
    expect(result.ok && Object.fromEntries(result.report.commenters)).toEqual({ hwayne: 2, icefox: 1 });
    expect(await read('lobsters:nope99')).toEqual({ ok: false, reason: 'not found (HTTP 404)' });
  });

  it('Reddit: the listing pair, "more" stubs fetched (morechildren and "continue this thread")', async () => {
    const result = await read('reddit:1abcde');
    expect(result.ok && result.report).toMatchObject({
      points: 812,
      comments: 64,
      submitter: 'moe_poster',
      partial: null,
    });
    expect(result.ok && Object.fromEntries(result.report.commenters)).toEqual({
      tensor_tim: 2,
      ssd_sam: 1,
      quant_quinn: 1,
      metal_mia: 1,
      deep_dana: 1,
    });
    expect(server.requests.map((r) => r.path)).toContain(
      '/reddit/api/morechildren.json?api_type=json&link_id=t3_1abcde&children=k4,k5,k6',
    );
    expect(await read('reddit:zzzzzz')).toEqual({ ok: false, reason: 'not found (HTTP 404)' });
  });
});

describe('a Reddit thread whose "more" comments cannot be fetched', () => {
  it('is read, and says its comment tree is partial instead of pretending it is whole', async () => {
    const refusing = await startForumServer({
      '/reddit/api/morechildren.json': [
        { status: 200, body: '{"json":{"errors":[["RATELIMIT","slow down","ratelimit"]]}}' },
      ],
      '/reddit/comments/1abcde.json': [{ status: 200, body: 'file' }],
    });
    try {
      const result = await readThread('reddit:1abcde', forumApisFrom(refusing.env), new PoliteClient(FAST));
      expect(result.ok && result.report.partial).toBe(
        'about 3 comments behind "more" links were not read (a budget of 10 extra requests per thread)',
      );
      expect(result.ok && result.report.commenters.has('quant_quinn')).toBe(false);
    } finally {
      await refusing.close();
    }
  });
});

describe('the API origins from the environment', () => {
  it('default to the forums, take an http(s) override, and refuse anything else as a line naming the variable', () => {
    expect(forumApisFrom({})).toEqual({
      HN_API_URL: 'https://hacker-news.firebaseio.com/v0',
      HN_ALGOLIA_URL: 'https://hn.algolia.com/api/v1',
      LOBSTERS_API_URL: 'https://lobste.rs',
      REDDIT_API_URL: 'https://www.reddit.com',
    });
    expect(forumApisFrom({ LOBSTERS_API_URL: 'http://127.0.0.1:8080/lobsters/' }).LOBSTERS_API_URL).toBe(
      'http://127.0.0.1:8080/lobsters',
    );
    expect(environmentProblems({ HN_API_URL: 'hacker-news.firebaseio.com/v0', REDDIT_API_URL: 'ftp://x' })).toEqual([
      'HN_API_URL: expected an http(s) URL such as https://hacker-news.firebaseio.com/v0, got "hacker-news.firebaseio.com/v0" (unset it for the default)',
      'REDDIT_API_URL: expected an http(s) URL such as https://www.reddit.com, got "ftp://x" (unset it for the default)',
    ]);
  });
});

describe('asking politely', () => {
  it('names the project in the User-Agent of every request', () => {
    expect(USER_AGENT).toMatch(/^ai-platforms-newsletter\/\d+\.\d+\.\d+ \(/);
    expect(server.requests.length).toBeGreaterThan(5);
    expect(new Set(server.requests.map((r) => r.userAgent))).toEqual(new Set([USER_AGENT]));
  });

  it('retries 429 and 5xx with backoff, following Retry-After, and gives up within its bounds', async () => {
    const client = new PoliteClient(FAST);
    const get = (id: number) => client.getJson(`${apis.HN_API_URL}/item/${id}.json`);
    // 429 (Retry-After: 0), 503 (backoff), then Firebase's answer for an id it has no item for.
    expect(await get(200)).toEqual({ ok: true, json: null });
    expect(server.requests.filter((r) => r.path === '/hn/v0/item/200.json')).toHaveLength(3);
    expect(await get(201)).toEqual({ ok: false, status: 502, reason: 'HTTP 502 after 3 tries' });
    expect(await get(202)).toEqual({
      ok: false,
      status: 429,
      reason: 'HTTP 429, asked to wait 3600 s (more than 1 s)',
    });
    expect(await get(203)).toEqual({ ok: false, status: 200, reason: 'the answer is not JSON' });
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(5000);
    expect(retryAfterMs(null)).toBeNull();
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let active = 0;
    let most = 0;
    const original = globalThis.fetch;
    globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
      most = Math.max(most, ++active);
      await new Promise((r) => setTimeout(r, 20));
      active--;
      return original(...args);
    };
    try {
      const client = new PoliteClient({ ...FAST, concurrency: 2 });
      await Promise.all([1, 2, 3, 4, 5, 6].map(() => client.getJson(`${apis.HN_API_URL}/item/100.json`)));
    } finally {
      globalThis.fetch = original;
    }
    expect(most).toBe(2);
  });

  it('gives up on a host that does not answer within the timeout, and names an unreachable one', async () => {
    const client = new PoliteClient({ ...FAST, timeoutMs: 100 });
    const { createServer } = await import('node:net');
    const sockets = new Set<import('node:net').Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    expect(await client.getJson(`http://127.0.0.1:${port}/item/1.json`)).toEqual({
      ok: false,
      reason: 'no answer within 0.1 s',
    });
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
    const closed = await client.getJson(`http://127.0.0.1:${port}/item/1.json`);
    expect(closed).toEqual({ ok: false, reason: 'unreachable (ECONNREFUSED)' });
  });
});
