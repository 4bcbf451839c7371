/**
 * Every file made per edition, one row each: its name in the edition's
 * folder `/editions/<n>/`, its content type, which named cache keeps it and
 * whether the sitemap lists it. Everything that handles per-edition files
 * reads this table: the URL builder (`urls.ts`), the renderers
 * (`src/render/artifacts.ts`, whose table of renderers must have exactly
 * the artifact rows, or it does not type-check), the writer at the end of a
 * build (`src/render/edition-files.ts`), `dev`'s route
 * (`src/integrations/edition-output-routes.ts`), the sitemap and the tests.
 *
 * Adding an output is one row here and one renderer there. Pages that stand
 * for old addresses (redirects from an imported archive) are not made per
 * edition from the model, so they are not rows: they live in their own
 * module beside this one.
 */

/** One per-edition output. */
export interface EditionOutput {
  /** File name in `/editions/<n>/`: `index.html` for the page itself. */
  readonly file: string;
  /** What the file is, for `dev`'s responses. */
  readonly contentType: string;
  /** The named cache that keeps it: `pages` (Astro renders it) or `artifacts` (made in child processes). */
  readonly cache: 'pages' | 'artifacts';
  /** Listed in the sitemap (pages are; files such as images and emails are not). */
  readonly inSitemap: boolean;
}

/** A table of per-edition outputs, by name. */
export type EditionOutputTable = Readonly<Record<string, EditionOutput>>;

/** The per-edition outputs of this site. */
export const EDITION_OUTPUTS = {
  /** The edition page, rendered by Astro (`src/pages/editions/[edition].astro`). */
  page: { file: 'index.html', contentType: 'text/html; charset=utf-8', cache: 'pages', inSitemap: true },
  /** The link-preview image. */
  'social.png': { file: 'social.png', contentType: 'image/png', cache: 'artifacts', inSitemap: false },
  /** The email edition, HTML. */
  'email.html': { file: 'email.html', contentType: 'text/html; charset=utf-8', cache: 'artifacts', inSitemap: false },
  /** The email edition, plain text. */
  'email.txt': { file: 'email.txt', contentType: 'text/plain; charset=utf-8', cache: 'artifacts', inSitemap: false },
} as const satisfies EditionOutputTable;

/** The names of a table's outputs kept in the artifact cache (all but the page). */
export type ArtifactNameOf<T extends EditionOutputTable> = {
  [K in keyof T & string]: T[K]['cache'] extends 'artifacts' ? K : never;
}[keyof T & string];

/** The name of one of this site's per-edition outputs. */
export type EditionOutputName = keyof typeof EDITION_OUTPUTS;
/** The name of one of this site's artifacts (outputs besides the page). */
export type ArtifactName = ArtifactNameOf<typeof EDITION_OUTPUTS>;

/** A table's artifact names, in the table's order. */
export function artifactNames<T extends EditionOutputTable>(table: T): ArtifactNameOf<T>[] {
  return Object.keys(table).filter((name) => table[name]!.cache === 'artifacts') as ArtifactNameOf<T>[];
}

/** This site's artifact names: `social.png`, `email.html`, `email.txt`. */
export const ARTIFACT_NAMES = artifactNames(EDITION_OUTPUTS);

/** The file names the sitemap lists a folder for (`index.html`). */
export function sitemapFiles(table: EditionOutputTable = EDITION_OUTPUTS): Set<string> {
  return new Set(
    Object.values(table)
      .filter((o) => o.inSitemap)
      .map((o) => o.file),
  );
}
