/**
 * Forum rules: which URLs are discussion threads and which are commenter
 * profiles. The edition format names Hacker News, Lobsters and Reddit; a link
 * whose text is "discussion" is a thread on any other site too.
 */

/** A forum the site knows by name. */
export interface Forum {
  /** Short stable key, used in thread keys (`hn:123`). */
  key: 'hn' | 'lobsters' | 'reddit';
  /** Name shown to readers. */
  name: string;
  /** Example of a well-formed thread URL, quoted in error messages. */
  example: string;
  /** The shape of a commenter's profile URL, quoted in error messages. */
  profile: string;
}

export const FORUMS = {
  hn: {
    key: 'hn',
    name: 'Hacker News',
    example: 'https://news.ycombinator.com/item?id=47476821',
    profile: 'https://news.ycombinator.com/user?id=<name>',
  },
  lobsters: {
    key: 'lobsters',
    name: 'Lobsters',
    example: 'https://lobste.rs/s/abc123',
    profile: 'https://lobste.rs/~<name>',
  },
  reddit: {
    key: 'reddit',
    name: 'Reddit',
    example: 'https://www.reddit.com/r/LocalLLaMA/comments/1abcde',
    profile: 'https://www.reddit.com/user/<name>',
  },
} as const satisfies Record<string, Forum>;

/** What a URL is, as far as discussions and commenters go. */
export type LinkKind =
  /** A discussion thread: `key` identifies it whatever the URL's spelling. */
  | { kind: 'thread'; key: string; forum: string }
  /** A commenter's profile on a forum. */
  | { kind: 'profile'; name: string; forum: string }
  /** Looks like a thread on a known forum but is malformed (e.g. `item?id=abc`). */
  | { kind: 'bad-thread'; forum: Forum }
  /** Looks like a profile on a known forum but is malformed (e.g. `user?name=x`, `users?id=x`, an empty name). */
  | { kind: 'bad-profile'; forum: Forum }
  /** Anything else. */
  | { kind: 'other' };

const OTHER: LinkKind = { kind: 'other' };

/** Lower-cases the host and drops the prefixes forums use for the same site. */
function bareHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^(www|old|new|np|m)\./, '');
}

/** A Hacker News user name: 2 to 15 letters, digits, `-` or `_`. */
const HN_NAME = /^[A-Za-z0-9_-]{2,15}$/;
/** A Lobsters or Reddit user name: letters, digits, `-` or `_`. */
const USER_NAME = /^[A-Za-z0-9_-]+$/;

function hackerNews(url: URL): LinkKind {
  const id = url.searchParams.get('id') ?? '';
  if (url.pathname === '/item') {
    return /^\d+$/.test(id)
      ? { kind: 'thread', key: `hn:${id}`, forum: FORUMS.hn.name }
      : { kind: 'bad-thread', forum: FORUMS.hn };
  }
  if (url.pathname === '/user' && HN_NAME.test(id) && [...url.searchParams.keys()].every((k) => k === 'id'))
    return { kind: 'profile', name: id, forum: FORUMS.hn.name };
  // `user?name=x`, `users?id=x`, `user/x`, `threads?id=x`: a profile meant, spelled wrong.
  if (/^\/(users?|threads)(\/|$)/.test(url.pathname)) return { kind: 'bad-profile', forum: FORUMS.hn };
  return OTHER;
}

function lobsters(url: URL): LinkKind {
  const [first, second] = url.pathname.split('/').filter(Boolean);
  if (first === 's') {
    return second && /^[a-z0-9]+$/i.test(second)
      ? { kind: 'thread', key: `lobsters:${second.toLowerCase()}`, forum: FORUMS.lobsters.name }
      : { kind: 'bad-thread', forum: FORUMS.lobsters };
  }
  const name = first?.startsWith('~') ? first.slice(1) : first === 'u' ? second : undefined;
  if (name !== undefined && USER_NAME.test(decode(name)) && !url.search)
    return { kind: 'profile', name, forum: FORUMS.lobsters.name };
  if (first?.startsWith('~') || first === 'u' || first === 'user' || first === 'users')
    return { kind: 'bad-profile', forum: FORUMS.lobsters };
  return OTHER;
}

function reddit(url: URL): LinkKind {
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'r' && parts[2] === 'comments') {
    const id = parts[3];
    return id && /^[a-z0-9]+$/i.test(id)
      ? { kind: 'thread', key: `reddit:${id.toLowerCase()}`, forum: FORUMS.reddit.name }
      : { kind: 'bad-thread', forum: FORUMS.reddit };
  }
  if ((parts[0] === 'user' || parts[0] === 'u') && parts[1] && USER_NAME.test(decode(parts[1])) && !url.search)
    return { kind: 'profile', name: parts[1], forum: FORUMS.reddit.name };
  if (parts[0] === 'user' || parts[0] === 'u' || parts[0] === 'users')
    return { kind: 'bad-profile', forum: FORUMS.reddit };
  return OTHER;
}

/** A path segment as written (`%20` is a space), or as it is when it does not decode. */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const BY_HOST: Record<string, (url: URL) => LinkKind> = {
  'news.ycombinator.com': hackerNews,
  'lobste.rs': lobsters,
  'reddit.com': reddit,
};

/** Parses an absolute http(s) URL, or returns null. */
function parseWebUrl(href: string): URL | null {
  if (!/^https?:\/\//i.test(href)) return null;
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/** Classifies a URL by the forum rules alone (the link text is not considered). */
export function classifyUrl(href: string): LinkKind {
  const url = parseWebUrl(href);
  if (!url) return OTHER;
  return BY_HOST[bareHost(url)]?.(url) ?? OTHER;
}

/** A key for a thread on a site the forum rules do not know: the URL without its scheme, `www.` or trailing slash. */
export function genericThreadKey(href: string): string {
  const url = parseWebUrl(href);
  if (!url) return href.trim();
  const path = url.pathname.replace(/\/+$/, '');
  return `${bareHost(url)}${path}${url.search}`;
}

/** The name shown for a thread on a site the forum rules do not know: its host. */
export function genericForumName(href: string): string {
  const url = parseWebUrl(href);
  return url ? bareHost(url) : 'discussion';
}

/** True when a link's text alone makes it a discussion link. */
export function isDiscussionText(text: string): boolean {
  return text.trim().toLowerCase() === 'discussion';
}

/** The key that identifies a thread whatever the spelling of its URL. */
export function threadKey(href: string): string {
  const kind = classifyUrl(href);
  return kind.kind === 'thread' ? kind.key : genericThreadKey(href);
}
