/**
 * What a forum's public JSON API says about one thread: its points, its
 * comment count, its title and article, who submitted it and who commented.
 *
 *   Hacker News  {HN_API_URL}/item/<id>.json (score, descendants) and the whole
 *                comment tree from {HN_ALGOLIA_URL}/items/<id>
 *   Lobsters     {LOBSTERS_API_URL}/s/<short id>.json (comments included)
 *   Reddit       {REDDIT_API_URL}/comments/<id>.json (a listing pair); "more"
 *                stubs are fetched within a request budget, else the tree is partial
 */
import type { ForumApis } from '../../src/site/environment.ts';
import type { Fetched, PoliteClient } from './http.ts';

/** One thread as its forum reports it now. */
export interface ThreadReport {
  points: number;
  comments: number;
  /** The thread's title. */
  title: string;
  /** The article the thread discusses, or null for a text post (Ask HN, a self post). */
  article: string | null;
  /** Who submitted it, when the forum says. */
  submitter: string | null;
  /** Comment authors and how many comments each wrote, in order of first comment. */
  commenters: Map<string, number>;
  /** Null when every comment was read; else why the tree is incomplete. */
  partial: string | null;
}

/** A thread's report, or why it could not be read. */
export type ThreadResult = { ok: true; report: ThreadReport } | { ok: false; reason: string };

/** Extra requests for Reddit's "more" stubs, per thread. */
export const MORE_BUDGET = 10;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const fail = (reason: string): ThreadResult => ({ ok: false, reason });
/** A user as Lobsters has written it: a name, or (older versions) `{ username }`. */
const userName = (v: unknown): string | null => str(v) ?? (isObject(v) ? str(v['username']) : null);

function count(commenters: Map<string, number>, name: string | null): void {
  if (name && name !== '[deleted]') commenters.set(name, (commenters.get(name) ?? 0) + 1);
}

async function hackerNews(id: string, apis: ForumApis, client: PoliteClient): Promise<ThreadResult> {
  const [item, tree] = await Promise.all([
    client.getJson(`${apis.HN_API_URL}/item/${id}.json`),
    client.getJson(`${apis.HN_ALGOLIA_URL}/items/${id}`),
  ]);
  if (!item.ok) return fail(item.reason);
  if (item.json === null) return fail('no such item (the API answered null)');
  if (!isObject(item.json)) return fail('unexpected answer (not an item)');
  const story = item.json;
  if (story['deleted'] === true) return fail('the item is deleted');
  if (story['dead'] === true) return fail('the item is dead (flagged or killed)');
  if (!['story', 'poll', 'job'].includes(String(story['type'])))
    return fail(`the item is a ${String(story['type'])}, not a story`);
  const points = num(story['score']);
  if (points === null) return fail('unexpected answer (no score)');
  const commenters = new Map<string, number>();
  let partial: string | null = null;
  if (tree.ok && isObject(tree.json)) {
    const walk = (node: Json) => {
      for (const child of Array.isArray(node['children']) ? node['children'] : []) {
        if (!isObject(child)) continue;
        count(commenters, str(child['author']));
        walk(child);
      }
    };
    walk(tree.json);
  } else {
    partial = `its comments could not be read from ${apis.HN_ALGOLIA_URL} (${tree.ok ? 'not an item' : tree.reason})`;
  }
  return {
    ok: true,
    report: {
      points,
      comments: num(story['descendants']) ?? 0,
      title: str(story['title']) ?? '',
      article: str(story['url']),
      submitter: str(story['by']),
      commenters,
      partial,
    },
  };
}

async function lobsters(id: string, apis: ForumApis, client: PoliteClient): Promise<ThreadResult> {
  const answer = await client.getJson(`${apis.LOBSTERS_API_URL}/s/${id}.json`);
  if (!answer.ok) return fail(answer.reason);
  if (!isObject(answer.json)) return fail('unexpected answer (not a story)');
  const story = answer.json;
  const points = num(story['score']);
  if (points === null) return fail('unexpected answer (no score)');
  const commenters = new Map<string, number>();
  const comments = Array.isArray(story['comments']) ? story['comments'] : null;
  for (const comment of comments ?? [])
    if (isObject(comment) && comment['is_deleted'] !== true) count(commenters, userName(comment['commenting_user']));
  return {
    ok: true,
    report: {
      points,
      comments: num(story['comment_count']) ?? 0,
      title: str(story['title']) ?? '',
      article: str(story['url']),
      submitter: userName(story['submitter_user']),
      commenters,
      partial: comments ? null : 'the answer lists no comments',
    },
  };
}

/** A Reddit listing's children, or null when the value is not a listing. */
function listingChildren(value: unknown): unknown[] | null {
  if (!isObject(value) || value['kind'] !== 'Listing' || !isObject(value['data'])) return null;
  const children = value['data']['children'];
  return Array.isArray(children) ? children : null;
}

/** Reddit's "load more comments" (ids listed) or "continue this thread" (none listed, `count` 0). */
interface MoreStub {
  ids: string[];
  parent: string;
  count: number;
}

/** Walks Reddit things: counts each comment once, collects the "more" stubs. */
function redditWalker(commenters: Map<string, number>) {
  const seen = new Set<string>();
  const stubs: MoreStub[] = [];
  const walk = (things: readonly unknown[]) => {
    for (const thing of things) {
      if (!isObject(thing) || !isObject(thing['data'])) continue;
      const data = thing['data'];
      if (thing['kind'] === 't1') {
        const id = String(data['id']);
        if (!seen.has(id)) {
          seen.add(id);
          count(commenters, str(data['author']));
        }
        walk(listingChildren(data['replies']) ?? []);
      } else if (thing['kind'] === 'more') {
        const ids = Array.isArray(data['children']) ? data['children'].map(String) : [];
        stubs.push({ ids, parent: String(data['parent_id'] ?? ''), count: num(data['count']) ?? ids.length });
      }
    }
  };
  return { walk, stubs };
}

async function reddit(id: string, apis: ForumApis, client: PoliteClient): Promise<ThreadResult> {
  const answer = await client.getJson(`${apis.REDDIT_API_URL}/comments/${id}.json`);
  if (!answer.ok) return fail(answer.reason);
  const pair = Array.isArray(answer.json) ? answer.json : [];
  const post = listingChildren(pair[0])?.[0];
  const comments = listingChildren(pair[1]);
  if (!isObject(post) || post['kind'] !== 't3' || !isObject(post['data']) || !comments)
    return fail('unexpected answer (not a listing pair of a post and its comments)');
  const data = post['data'];
  const points = num(data['score']);
  if (points === null) return fail('unexpected answer (no score)');
  const commenters = new Map<string, number>();
  const { walk, stubs } = redditWalker(commenters);
  walk(comments);
  const unread: MoreStub[] = [];
  let spent = 0;
  while (stubs.length && spent < MORE_BUDGET) {
    const stub = stubs.shift()!;
    spent++;
    let more: Fetched;
    if (stub.ids.length) {
      const ids = stub.ids.splice(0, 100);
      if (stub.ids.length) stubs.unshift(stub);
      const query = `api_type=json&link_id=t3_${id}&children=${ids.join(',')}`;
      more = await client.getJson(`${apis.REDDIT_API_URL}/api/morechildren.json?${query}`);
      const things = more.ok && isObject(more.json) && isObject(more.json['json']) ? more.json['json']['data'] : null;
      if (isObject(things) && Array.isArray(things['things'])) walk(things['things']);
      else unread.push({ ...stub, ids });
    } else {
      const parent = stub.parent.replace(/^t1_/, '');
      more = await client.getJson(`${apis.REDDIT_API_URL}/comments/${id}.json?comment=${parent}`);
      const replies = Array.isArray(more.ok ? more.json : null)
        ? listingChildren((more as { json: unknown[] }).json[1])
        : null;
      if (replies) walk(replies);
      else unread.push(stub);
    }
  }
  unread.push(...stubs);
  const left = unread.reduce((sum, s) => sum + Math.max(s.count, s.ids.length, 1), 0);
  const permalink = str(data['permalink']);
  const article = data['is_self'] === true ? null : str(data['url']);
  return {
    ok: true,
    report: {
      points,
      comments: num(data['num_comments']) ?? 0,
      title: str(data['title']) ?? '',
      article: article && permalink && article.endsWith(permalink) ? null : article,
      submitter: str(data['author']),
      commenters,
      partial: unread.length
        ? `about ${left} comments behind "more" links were not read (a budget of ${MORE_BUDGET} extra requests per thread)`
        : null,
    },
  };
}

const READERS = { hn: hackerNews, lobsters, reddit } as const;

/** The forum key (`hn`) and id (`47476821`) of a thread key (`hn:47476821`), or null for a forum no API is read for. */
export function apiThread(key: string): { forum: keyof typeof READERS; id: string } | null {
  const [forum, id] = key.split(':');
  return forum && id && forum in READERS ? { forum: forum as keyof typeof READERS, id } : null;
}

/** Reads one thread (by its key, `hn:47476821`) from its forum's API. */
export function readThread(key: string, apis: ForumApis, client: PoliteClient): Promise<ThreadResult> {
  const thread = apiThread(key);
  if (!thread) return Promise.resolve(fail('not a forum whose API is read (Hacker News, Lobsters, Reddit)'));
  return READERS[thread.forum](thread.id, apis, client);
}

/** A commenter's profile URL, in the shape the forum rules (`src/rules/forums.ts`) read as a profile. */
export function profileUrl(forum: keyof typeof READERS, name: string): string {
  const encoded = encodeURIComponent(name);
  if (forum === 'hn') return `https://news.ycombinator.com/user?id=${encoded}`;
  if (forum === 'lobsters') return `https://lobste.rs/~${encoded}`;
  return `https://www.reddit.com/user/${encoded}`;
}
