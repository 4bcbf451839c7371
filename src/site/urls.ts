/**
 * The only place a URL of this site is built. Pages, feeds, sitemap and
 * email all ask here, so every link respects the base path and none points
 * at a page that does not exist. The URL shapes are public API
 * (`edition-format.md`, "URLs").
 */
import { PAGE_IDS } from '../rules/page-ids.ts';
import { EDITION_OUTPUTS, type EditionOutput, type EditionOutputName } from './edition-outputs.ts';
import { getSite } from './settings.ts';

/** Builds the site's paths for a base path (`/` or `/newsletter/`). */
export function createPaths(base: string) {
  const withBase = (path: string) => `${base.replace(/\/$/, '')}${path}`;
  /** `/editions/<n>/<file>` (`/editions/<n>/` for the page's `index.html`). */
  const editionFile = (number: number, output: EditionOutput) =>
    withBase(`/editions/${number}/${output.file === 'index.html' ? '' : output.file}`);
  const editionOutput = (number: number, name: EditionOutputName) => editionFile(number, EDITION_OUTPUTS[name]);
  return {
    /** `/editions/<n>/<file>`: a per-edition output, by its row of the table (`src/site/edition-outputs.ts`). */
    editionFile,
    /** `/editions/<n>/…`: one of this site's per-edition outputs, by name. */
    editionOutput,
    /** `/`: the latest edition, then recent ones. */
    home: () => withBase('/'),
    /** `/editions/`: every edition by year. */
    archive: () => withBase('/editions/'),
    /** `/editions/<n>/`. */
    edition: (number: number) => editionOutput(number, 'page'),
    /** `/editions/<n>/#<section-id>`. */
    section: (number: number, id: string) => withBase(`/editions/${number}/${fragment(id)}`),
    /** `/topics/`: every story followed across editions. */
    topics: () => withBase('/topics/'),
    /** `/topics/<slug>/`: one story's timeline. */
    topic: (slug: string) => withBase(`/topics/${encodeURIComponent(slug)}/`),
    /** `/search/`: search every edition. */
    search: () => withBase('/search/'),
    /** Feeds: `/rss.xml`, `/atom.xml`, `/feed.json`. */
    feed: (format: 'rss' | 'atom' | 'json') => withBase(format === 'json' ? '/feed.json' : `/${format}.xml`),
    /** `/#subscribe`: the sign-up form and feed links on the home page. */
    subscribe: () => withBase(`/#${PAGE_IDS.subscribe}`),
    /** The sitemap index (`src/integrations/sitemap.ts` writes it). */
    sitemap: () => withBase('/sitemap-index.xml'),
    /** The link-preview image: an edition's own, or the site's. */
    socialImage: (number?: number) =>
      number === undefined ? withBase('/social.png') : editionOutput(number, 'social.png'),
    /** The email edition: `/editions/<n>/email.html` and `email.txt`. */
    email: (number: number, format: 'html' | 'txt') => editionOutput(number, `email.${format}`),
    /** Pagefind's script, which the search page loads. */
    pagefind: () => withBase('/pagefind/pagefind.js'),
    /** A file in `public/` or a built asset, e.g. `favicon.svg`. */
    asset: (name: string) => withBase(`/${name.replace(/^\//, '')}`),
  };
}

/** `#<id>`, encoded: an in-page link to a section or any other id. */
export function fragment(id: string): string {
  return `#${encodeURIComponent(id)}`;
}

/** The fragment of an in-page link as written (`#id`), decoded and encoded again the one way. */
export function fragmentOf(href: string): string {
  const id = href.slice(1);
  try {
    return fragment(decodeURIComponent(id));
  } catch {
    return fragment(id);
  }
}

type Paths = ReturnType<typeof createPaths>;
let configured: Paths | undefined;

/**
 * Paths from the site root, with the configured base path. The settings are
 * read on first use, not on import: the checker and the compiler import this
 * module before they read (and report) the settings.
 */
export const paths = Object.fromEntries(
  Object.keys(createPaths('/')).map((name) => [
    name,
    (...args: never[]) =>
      ((configured ??= createPaths(getSite().base))[name as keyof Paths] as (...a: never[]) => string)(...args),
  ]),
) as Paths;

/** An absolute URL (for feeds, canonical links and email) from a path `paths` built. */
export function absolute(path: string, site = getSite().site): string {
  return new URL(path, site.endsWith('/') ? site : `${site}/`).href;
}
