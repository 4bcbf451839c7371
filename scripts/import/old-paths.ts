/**
 * The addresses an imported edition had on its old site, kept in its front
 * matter as `redirect_from` so the build can answer each with a redirect:
 * Jekyll's permalink (the post's own, else the site's pattern), Hugo's
 * `aliases` and `url`, Pelican's `ARTICLE_URL`, a Ghost or Substack post's
 * URL. Every one is a site-relative path starting with `/`.
 */

/** Jekyll's named permalink styles. */
const JEKYLL_STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** What a permalink pattern is filled in with. */
export interface PostFacts {
  /** `YYYY-MM-DD`, as the old site dated the post. */
  day?: string | undefined;
  /** The post's slug as its old site had it (Jekyll: the file name after the date). */
  title?: string | undefined;
  slug?: string | undefined;
  categories?: readonly string[] | undefined;
  /** Front-matter values for `:name` placeholders the pattern names. */
  data?: Record<string, unknown> | undefined;
}

const slugPart = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

/**
 * A category as Jekyll puts it in a permalink: lower case, and otherwise as
 * written (`Node.js` → `node.js`, `C++` → `c++`; Jekyll does not slugify
 * categories). One with a space or another character a path cannot hold as
 * it is is slugified, since its old address (`/release%20notes/…`) cannot
 * be served as a folder here.
 */
const jekyllCategory = (category: string) => {
  const lower = category.toLowerCase();
  return /^[\p{L}\p{N}._+~-]+$/u.test(lower) ? lower : slugPart(category);
};

/** A Jekyll permalink (pattern or style name) filled in for one post; undefined when a placeholder has no value. */
export function jekyllPermalink(pattern: string, post: PostFacts): string | undefined {
  const template = JEKYLL_STYLES[pattern] ?? pattern;
  const [year = '', month = '', day = ''] = (post.day ?? '').split('-');
  const title = post.slug ?? post.title ?? '';
  const start = Date.UTC(Number(year), 0, 1);
  const yDay = post.day ? String((Date.parse(`${post.day}T00:00:00Z`) - start) / 86400000 + 1).padStart(3, '0') : '';
  const values: Record<string, string> = {
    year,
    month,
    day,
    i_month: String(Number(month)),
    i_day: String(Number(day)),
    short_year: year.slice(2),
    y_day: yDay,
    title,
    slug: title,
    categories: [...new Set((post.categories ?? []).map(jekyllCategory))].join('/'),
    output_ext: '.html',
  };
  let missing = false;
  const filled = template.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name] ?? (typeof post.data?.[name] === 'string' ? (post.data[name] as string) : undefined);
    if (value === undefined || (value === '' && name !== 'categories')) missing = true;
    return value ?? '';
  });
  return missing ? undefined : sitePath(filled);
}

/**
 * A title as Hugo's `urlize` makes it a path: lower case, spaces to `-`, and
 * anything but letters, digits, marks and `.` `_` `-` `~` `+` `%` `#` left
 * out (`It's launch day, Go 1.22` → `its-launch-day-go-1.22`).
 */
export function hugoUrlize(title: string): string {
  return title
    .trim()
    .toLowerCase()
    .replace(/\s/g, '-')
    .replace(/[^\p{L}\p{N}\p{M}._~+%#-]/gu, '');
}

/** Hugo's month names, for `:monthname`. */
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/**
 * A Hugo `[permalinks]` pattern (`/:year/:month/:slug/`) filled in for one
 * post. `post.title` is its title, `post.slug` its `slug`, `file` its file
 * name without extension (a bundle's: its folder's), `section` the first
 * folder under `content/`; undefined when a placeholder has no value.
 */
export function hugoPermalink(
  pattern: string,
  post: PostFacts & { file: string; section: string; sections: readonly string[] },
): string | undefined {
  const [year = '', month = '', day = ''] = (post.day ?? '').split('-');
  const title = post.title ? hugoUrlize(post.title) : '';
  const values: Record<string, string> = {
    year,
    month,
    monthname: month ? (MONTHS[Number(month) - 1] ?? '') : '',
    day,
    yearday: day ? String((Date.parse(`${post.day}T00:00:00Z`) - Date.UTC(Number(year), 0, 1)) / 86400000 + 1) : '',
    section: post.section,
    sections: post.sections.join('/'),
    title,
    slug: post.slug ?? title,
    filename: post.file,
    contentbasename: post.file,
    slugorfilename: post.slug ?? post.file,
    slugorcontentbasename: post.slug ?? post.file,
  };
  let missing = false;
  const filled = pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (!value) missing = true;
    return value ?? '';
  });
  return missing ? undefined : sitePath(filled);
}

/** A Pelican `ARTICLE_URL` (`{date:%Y}/{date:%m}/{slug}.html`) filled in for one post. */
export function pelicanUrl(pattern: string, post: PostFacts): string | undefined {
  const [year = '', month = '', day = ''] = (post.day ?? '').split('-');
  const codes: Record<string, string> = { Y: year, m: month, d: day, y: year.slice(2) };
  let missing = false;
  const filled = pattern.replace(/\{(\w+)(?::([^}]*))?\}/g, (_, name: string, format: string | undefined) => {
    if (name === 'date')
      return (format ?? '%Y-%m-%d').replace(/%(\w)/g, (__, c: string) => codes[c] ?? ((missing = true), ''));
    const value =
      name === 'slug' ? post.slug : name === 'category' ? post.categories?.[0] && slugPart(post.categories[0]) : '';
    if (!value) missing = true;
    return value ?? '';
  });
  return missing ? undefined : sitePath(filled);
}

/**
 * A site-relative path as `redirect_from` holds it: starting with `/`,
 * repeated slashes folded, no query or fragment; undefined for a full URL
 * of another host or a path that climbs (`..`).
 */
export function sitePath(path: string, host?: string): string | undefined {
  let p = path.trim();
  const full = /^[a-z][a-z0-9+.-]*:\/\/([^/]+)(\/.*)?$/i.exec(p);
  if (full) {
    if (host !== undefined && full[1]!.toLowerCase() !== host.toLowerCase()) return undefined;
    p = full[2] ?? '/';
  }
  p = `/${p.replace(/[?#].*$/, '')}`.replace(/\/{2,}/g, '/');
  if (p.split('/').some((part) => part === '..' || part === '.')) return undefined;
  return p;
}
