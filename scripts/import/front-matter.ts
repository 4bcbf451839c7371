/**
 * Jekyll, Hugo and Eleventy posts: YAML front matter between `---` lines, or
 * Hugo's TOML between `+++` lines. Keys are read by their common names;
 * every other key is counted for the summary, and the ones that held an old
 * address are kept as `redirect_from`.
 */
import { join, relative, resolve, sep } from 'node:path';
import { dateFromStem } from './dates.ts';
import { dateText, readHeader, text } from './front-matter-header.ts';
import { listFiles, MARKDOWN_EXTENSIONS, oneLine, readText, stemOf } from './files.ts';
import { jekyllRenderer, type LiquidRenderer } from './liquid.ts';
import { takeTitle } from './normalise.ts';
import { bundleLinks } from './hugo-bundles.ts';
import { hugoRefs, type HugoRef } from './hugo-refs.ts';
import { hugoPermalink, jekyllPermalink, sitePath } from './old-paths.ts';
import { wholeNumber } from './pelican.ts';
import { convertPostBody, kramdownWarning, type KramdownTally } from './post-body.ts';
import {
  findSiteRoot,
  hugoSettings,
  jekyllPathCategories,
  jekyllSiteVariable,
  postFolders,
  type SiteRoot,
} from './site-root.ts';
import { noteUnusedKey, problem, tagList, takeTimeZone, type ReadResult, type SourceEdition } from './types.ts';

const USED = new Set([
  'title',
  'date',
  'description',
  'summary',
  'tags',
  'categories',
  'category',
  'draft',
  'published',
  'edition',
  'number',
  'issue',
  'slug',
]);

/** Keys that held an old address: kept, as `redirect_from`. */
const OLD_ADDRESS_KEYS = new Set(['permalink', 'redirect_from', 'aliases', 'url']);

/** How a folder's posts are read: the site they belong to, and what runs over their bodies. */
export interface FrontMatterContext {
  site?: SiteRoot | undefined;
  liquid?: LiquidRenderer | undefined;
  /** The Jekyll site's `permalink` setting (a pattern or a style name). */
  permalink?: string | undefined;
  /** A Hugo site's `[permalinks]`: a pattern per section (`posts`). */
  hugoPermalinks?: Record<string, string> | undefined;
  /** Hugo's `ref` and `relref`: the old address of the post a path names, from the post that links it. */
  hugoRef?: HugoRef | undefined;
  kramdown: KramdownTally;
}

const asList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');

/** The post's addresses on its old site. */
function oldPaths(file: string, data: Record<string, unknown>, day: string | undefined, ctx: FrontMatterContext) {
  const paths = [...asList(data['redirect_from']), ...asList(data['aliases'])];
  const stem = stemOf(file);
  const facts = {
    day,
    title: stem.replace(/^\d{4}-\d{2}-\d{2}-/, ''),
    slug: text(data['slug']),
    // Jekyll's singular `category:` is one category, as much part of the address as `categories:`.
    categories: [
      ...(ctx.site?.kind === 'jekyll' ? jekyllPathCategories(file, ctx.site) : []),
      ...tagList(data['categories'], true),
      ...(text(data['category']) ? [text(data['category'])!] : []),
    ],
    data,
  };
  if (ctx.site?.kind === 'jekyll') {
    const pattern = text(data['permalink']) ?? ctx.permalink ?? 'date';
    const path = jekyllPermalink(pattern, { ...facts, slug: facts.slug ?? facts.title });
    if (path) paths.push(path);
  } else if (typeof data['url'] === 'string') paths.push(data['url']);
  else if (ctx.site?.kind === 'hugo') {
    // Hugo's default: the folders under content/, then the slug or file name (a bundle's index.md: its folder).
    const folders = relative(join(ctx.site.root, 'content'), resolve(file)).split(sep).slice(0, -1);
    const bundle = /(^|\/)index\.[^/]+$/.test(file);
    const name = bundle ? (folders.pop() ?? stem) : stem;
    // `[permalinks] posts = "/:year/:month/:slug/"`: the pattern of the post's section, when the site sets one.
    const pattern = ctx.hugoPermalinks?.[folders[0] ?? ''];
    const title = text(data['title']);
    const path = pattern
      ? hugoPermalink(pattern, { ...facts, title, file: name, section: folders[0] ?? '', sections: folders })
      : undefined;
    if (path) paths.push(path);
    else if (folders[0] !== '..') paths.push(`/${[...folders, facts.slug ?? name].join('/')}/`);
  } else if (typeof data['permalink'] === 'string') paths.push(data['permalink']);
  return [...new Set(paths.flatMap((p) => sitePath(p) ?? []))];
}

/** Hugo's `[permalinks]`, a pattern per section; the newer `[permalinks.page]` table is read the same. */
function hugoPermalinks(value: unknown): Record<string, string> {
  const patterns: Record<string, string> = Object.create(null) as Record<string, string>;
  const take = (table: unknown) => {
    if (!table || typeof table !== 'object') return;
    for (const [section, pattern] of Object.entries(table))
      if (typeof pattern === 'string') patterns[section] = pattern;
  };
  take(value);
  take((value as { page?: unknown } | undefined)?.page);
  return patterns;
}

/** Reads one Jekyll, Hugo or Eleventy file, or says why it cannot be read. */
export function readFrontMatterFile(
  file: string,
  source: string,
  result: ReadResult,
  ctx: FrontMatterContext = { kramdown: { count: 0, files: 0 } },
): SourceEdition | undefined {
  const header = readHeader(file, source, result);
  if (!header) return undefined;
  const { data, lines } = header;
  for (const key of Object.keys(data))
    if (!USED.has(key)) noteUnusedKey(result, key, OLD_ADDRESS_KEYS.has(key) ? 'kept as redirect_from' : 'ignored');
  const numberKey = ['edition', 'number', 'issue'].find((k) => data[k] !== undefined);
  const number = numberKey ? wholeNumber(data[numberKey]) : undefined;
  if (numberKey && number === undefined) {
    result.problems.push(
      problem(
        file,
        lines[numberKey],
        numberKey,
        `expected a whole number, 0 or more, got ${JSON.stringify(data[numberKey])}`,
      ),
    );
    return undefined;
  }
  const date = dateText(header);
  const title = text(data['title']);
  const page = { ...data, title };
  const body = convertPostBody(
    { file, body: header.body, bodyLine: header.bodyLine, page },
    ctx.liquid,
    ctx.kramdown,
    result,
    ctx.hugoRef,
  );
  const linked = ctx.site?.kind === 'hugo' ? bundleLinks(body, file, join(ctx.site.root, 'content')) : body;
  const titled = takeTitle(linked, true);
  const sameTitle =
    titled.title !== undefined && (title === undefined || titled.title.toLowerCase() === title.toLowerCase());
  const day = (date ?? dateFromStem(stemOf(file)))?.slice(0, 10);
  return {
    file,
    stem: stemOf(file),
    title: title ?? titled.title,
    date,
    number,
    description: text(data['description']) ?? text(data['summary']),
    tags: [...tagList(data['tags'], true), ...tagList(data['categories'], true), ...tagList(data['category'])],
    draft: data['draft'] === true || data['published'] === false || /(^|\/)_drafts\//.test(file),
    slug: text(data['slug']),
    body: sameTitle ? titled.body : linked,
    lines: { title: lines['title'], date: lines['date'], edition: numberKey ? lines[numberKey] : undefined },
    redirectFrom: oldPaths(file, data, day, ctx),
  };
}

/** The old address of the post in `file`, its header read when first asked for (a post linking another). */
function oldAddresses(ctx: FrontMatterContext): (file: string) => string | undefined {
  const found = new Map<string, string | undefined>();
  return (file) => {
    if (!found.has(file)) {
      const source = readText(file);
      const header =
        source !== null ? readHeader(file, source, { editions: [], problems: [], skipped: [] }) : undefined;
      const day = header && (dateText(header) ?? dateFromStem(stemOf(file)))?.slice(0, 10);
      found.set(file, header ? oldPaths(file, header.data, day, ctx)[0] : undefined);
    }
    return found.get(file);
  };
}

/** `{% post_url name %}`: the old address of the post whose file is `name`(.md). */
function postUrls(files: readonly string[], address: (file: string) => string | undefined) {
  const byName = new Map(files.map((file) => [file.replace(/^.*?_posts\//, '').replace(/\.[^./]+$/, ''), file]));
  return (name: string) => {
    const file = byName.get(name) ?? [...byName].find(([key]) => key.endsWith(`/${name}`))?.[1];
    return file === undefined ? undefined : address(file);
  };
}

/**
 * Reads every Markdown post of a Jekyll, Hugo or Eleventy folder (Hugo's
 * `_index.md` list pages are skipped). Given a whole site's root, only its
 * posts (`_posts/`, `_drafts/`; Hugo's `content/`) are read. A file that
 * cannot be read is a problem line naming it, and the rest still import.
 */
export function readFrontMatter(folder: string): ReadResult {
  const result: ReadResult = { editions: [], problems: [], skipped: [] };
  const site = findSiteRoot(folder);
  const ctx: FrontMatterContext = { site, kramdown: { count: 0, files: 0 } };
  if (site) result.assets = site.kind === 'jekyll' ? site.root : join(site.root, 'static');
  const skip = (file: string, reason: string) => void result.skipped.push({ file, reason });
  const files = postFolders(folder, site).flatMap((dir) =>
    listFiles(dir, MARKDOWN_EXTENSIONS, skip, site?.root ?? folder),
  );
  if (site?.kind === 'jekyll') {
    const settings = jekyllSiteVariable(site.root);
    ctx.liquid = jekyllRenderer(site.root, postUrls(files, oldAddresses(ctx)));
    ctx.permalink = text(settings['permalink']);
    result.names = [text(settings['title']) ?? ''].filter(Boolean);
    const host = /^https?:\/\/([^/]+)/i.exec(text(settings['url']) ?? '')?.[1];
    result.oldSite = { hosts: host ? [host] : [], prefix: text(settings['baseurl']) ?? '' };
    takeTimeZone(result, text(settings['timezone']), join(site.root, '_config.yml'), 'timezone');
  }
  if (site?.kind === 'hugo') {
    const { settings, file } = hugoSettings(site.root);
    ctx.hugoPermalinks = hugoPermalinks(settings['permalinks']);
    ctx.hugoRef = hugoRefs(files, join(site.root, 'content'), oldAddresses(ctx));
    result.bundles = join(site.root, 'content');
    result.names = [text(settings['title']) ?? ''].filter(Boolean);
    const base = /^https?:\/\/([^/]+)(\/.*)?$/i.exec(text(settings['baseURL']) ?? text(settings['baseurl']) ?? '');
    if (base) result.oldSite = { hosts: [base[1]!], prefix: (base[2] ?? '').replace(/\/+$/, '') };
    if (file) takeTimeZone(result, text(settings['timeZone']) ?? text(settings['timezone']), file, 'timeZone');
  }
  for (const file of files) {
    if (/(^|\/)_index\.[^/]+$/.test(file)) {
      result.skipped.push({ file, reason: 'a Hugo list page, not a post' });
      continue;
    }
    const source = readText(file);
    if (source === null) {
      result.problems.push(problem(file, undefined, 'file', 'not UTF-8 text; save it as UTF-8 and run again'));
      continue;
    }
    try {
      const edition = readFrontMatterFile(file, source, result, ctx);
      if (edition) result.editions.push(edition);
    } catch (error) {
      result.problems.push(problem(file, undefined, 'file', `could not be read: ${oneLine(error)}`));
    }
  }
  kramdownWarning(ctx.kramdown, result);
  return result;
}
