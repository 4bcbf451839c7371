/**
 * Links between editions as the old site wrote them
 * (`/en/newsletters/2026/01/23/#lnd-10331`), pointed at the editions' new
 * URLs (`/editions/12/#lnd-10331`), anchor kept. Markdown links, reference
 * definitions and HTML `href`s are rewritten; code is left alone.
 */
import { shieldCode } from './code-spans.ts';

/** An old path as links may spell it: `/a/b/`, `/a/b`, `/a/b.html` and `/a/b/index.html` are one page. */
export function pathKey(path: string): string {
  return (
    path
      .replace(/\/index\.html?$/i, '/')
      .replace(/\.html?$/i, '')
      .replace(/\/+$/, '') || '/'
  );
}

/** The old paths of every imported edition, by the path key, with the edition's number. */
export type OldAddresses = ReadonlyMap<string, number>;

const MARKDOWN_LINK = /(\]\(\s*<?)([^\s)>]+)/g;
const DEFINITION = /^( {0,3}\[[^\]]+\]:\s*<?)(\S+?)(>?(?:\s|$))/gm;
const HREF = /(\bhref\s*=\s*["'])([^"']+)/gi;

/**
 * The body with every link to an old address rewritten by `urlOf` (which
 * builds the edition's URL with its fragment), and how many were.
 * `hosts` are the old site's own hosts, whose full URLs count as its paths;
 * `prefix` is its base path (Jekyll's `baseurl`), which links may carry.
 */
export function rewriteOldLinks(
  body: string,
  addresses: OldAddresses,
  urlOf: (edition: number, fragment: string) => string,
  options: { hosts?: readonly string[]; prefix?: string } = {},
): { body: string; rewritten: number } {
  if (!addresses.size) return { body, rewritten: 0 };
  const hosts = new Set((options.hosts ?? []).map((h) => h.toLowerCase()));
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  let rewritten = 0;
  const target = (url: string): string | undefined => {
    const full = /^https?:\/\/([^/?#]+)(.*)$/i.exec(url);
    if (full && !hosts.has(full[1]!.toLowerCase())) return undefined;
    const rest = full ? full[2] || '/' : url;
    if (!rest.startsWith('/') || rest.startsWith('//')) return undefined;
    const [, path = '', fragment = ''] = /^([^?#]*)(?:\?[^#]*)?(#.*)?$/.exec(rest) ?? [];
    const candidates = [path, prefix && path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : ''];
    for (const candidate of candidates.filter(Boolean)) {
      const edition = addresses.get(pathKey(candidate));
      if (edition !== undefined) {
        rewritten++;
        return urlOf(edition, fragment);
      }
    }
    return undefined;
  };
  const swap = (_: string, before: string, url: string) => `${before}${target(url) ?? url}`;
  const shielded = shieldCode(body);
  const text = shielded.text
    .replace(MARKDOWN_LINK, swap)
    .replace(DEFINITION, (_: string, before: string, url: string, after: string) => `${swap(_, before, url)}${after}`)
    .replace(HREF, swap);
  return { body: shielded.restore(text), rewritten };
}
