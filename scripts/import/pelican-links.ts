/**
 * Pelican's links within the site (`[the last issue]({filename}issue-2.md)`,
 * `![a chart]({static}/images/chart.png)`, `{attach}`, and the old
 * `|filename|` spelling): Pelican fills them in when it builds, so left as
 * written they would reach readers as text. A link to an article becomes
 * the article's old address, which then points at its new page like every
 * old link; a link to a file becomes the file's path in the site, and the
 * file is brought along with the edition's others. A path is the content
 * folder's when it starts with `/`, else the article's folder's.
 * Anything else (`{tag}`, `{category}`, `{author}`, `{index}`, a file not
 * there) is left out: the link keeps its text, with a warning
 * (`left-out.ts`).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { leftOutTags, type LeftOut } from './left-out.ts';
import { inside } from './site-root.ts';

/** `{filename}path`, `|static|path`, …: the kind, and the path up to the end of the link. */
const INTRASITE = /[{|](filename|static|attach|category|tag|author|index)[}|]([^\s)"'<>\]]*)/g;
/** A source Pelican turns into a page: such a link is to an article, not a file. */
const SOURCE = /\.(?:md|markdown|mkd|mdown|rst|html?)$/i;

/** A body with its links within the site filled in, and the links left out. */
export interface PelicanLinks {
  body: string;
  leftOut: LeftOut;
}

/**
 * Fills in `body`'s links within the site. `folder` is the content folder,
 * `file` the article; `articleUrl` gives an article's old address by its
 * file, or undefined when it is not an article this import reads.
 */
export function pelicanLinks(
  body: string,
  folder: string,
  file: string,
  articleUrl: (target: string) => string | undefined,
): PelicanLinks {
  if (!/[{|](?:filename|static|attach|category|tag|author|index)[}|]/.test(body))
    return { body, leftOut: { count: 0, links: [] } };
  const tags = leftOutTags();
  const filled = body.replace(INTRASITE, (whole: string, kind: string, target: string, at: number) => {
    const url = resolveLink(kind, target, folder, file, articleUrl);
    return url ?? tags.leave(whole, body.slice(0, at).split('\n').length);
  });
  return tags.finish(filled);
}

function resolveLink(
  kind: string,
  target: string,
  folder: string,
  file: string,
  articleUrl: (target: string) => string | undefined,
): string | undefined {
  if (kind !== 'filename' && kind !== 'static' && kind !== 'attach') return undefined;
  const hash = target.search(/[?#]/);
  const path = hash === -1 ? target : target.slice(0, hash);
  const rest = hash === -1 ? '' : target.slice(hash);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  if (!decoded) return undefined;
  const fromFolder = decoded.startsWith('/') ? `.${decoded}` : join(relative(folder, dirname(file)), decoded);
  const full = inside(folder, fromFolder);
  if (full === undefined || !existsSync(full) || !statSync(full).isFile()) return undefined;
  if (kind === 'filename' && SOURCE.test(full)) {
    const url = articleUrl(full);
    return url === undefined ? undefined : `${url}${rest}`;
  }
  const within = relative(folder, full);
  return `/${within.split(sep).map(encodeURIComponent).join('/')}${rest}`;
}
