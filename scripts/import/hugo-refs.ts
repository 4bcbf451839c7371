/**
 * Hugo's `{{< ref "other.md" >}}` and `{{< relref "posts/other" >}}`: the
 * address of another page of the site, which Hugo fills in when it builds.
 * Resolved as Hugo resolves them: a path from `content/` when it starts
 * with `/`, else from the linking post's folder, then from `content/`, with
 * or without its extension, or a bundle's folder (`posts/other/` for
 * `posts/other/index.md`); then by file name alone, when one post has it.
 * The post found gives its old address (which then points at its new
 * page, like every old link), with the `#anchor` the ref carries.
 */
import { basename, dirname, join, relative, resolve } from 'node:path';

/** The old address a ref names from the post `from`, or undefined when it names no post this import reads. */
export type HugoRef = (target: string, from: string) => string | undefined;

const withoutExtension = (path: string) => path.replace(/\.[^./]+$/, '');

/**
 * A resolver over the posts being imported (`files`) of the site whose
 * `content/` is `content`; `address` gives a post's old address by its file.
 */
export function hugoRefs(
  files: readonly string[],
  content: string,
  address: (file: string) => string | undefined,
): HugoRef {
  // Each post by its path from content/, without extension ("posts/other"), and a bundle's by its folder too.
  const byPath = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const file of files) {
    const key = withoutExtension(relative(content, resolve(file)).split('\\').join('/'));
    byPath.set(key, file);
    if (/(^|\/)index$/.test(key)) byPath.set(key.replace(/\/?index$/, ''), file);
    const name = basename(key) === 'index' ? basename(dirname(key)) : basename(key);
    byName.set(name, [...(byName.get(name) ?? []), file]);
  }
  const find = (path: string, from: string): string | undefined => {
    const clean = withoutExtension(path.replace(/\/+$/, '')).replace(/^\.\//, '');
    const here = relative(content, dirname(resolve(from)))
      .split('\\')
      .join('/');
    const tries = path.startsWith('/') ? [clean.slice(1)] : [join(here, clean).split('\\').join('/'), clean];
    for (const key of tries) {
      const file = byPath.get(key);
      if (file) return file;
    }
    const named = byName.get(basename(clean));
    return named?.length === 1 ? named[0] : undefined;
  };
  return (target, from) => {
    const hash = target.indexOf('#');
    const path = hash === -1 ? target : target.slice(0, hash);
    const anchor = hash === -1 ? '' : target.slice(hash);
    // `{{< ref "#section" >}}`: an anchor of the post itself.
    if (!path) return anchor || undefined;
    const file = find(path, from);
    const url = file === undefined ? undefined : address(file);
    return url === undefined ? undefined : `${url}${anchor}`;
  };
}
