/** What the loader hands the plugins per file, and what they hand back, on `file.data`. */

/** The figures an edition gives for one thread. */
export interface ThreadFigures {
  points: number | null;
  comments: number | null;
}

declare module 'vfile' {
  interface DataMap {
    /** In: figures from the front matter's `discussions`, by thread key. */
    figures: ReadonlyMap<string, ThreadFigures>;
    /** In: the base path the site is served from (`/`, `/newsletter/`); root-relative links go under it. */
    base: string;
    /** In: the site's language, for number formats. */
    lang: string;
    /** In: the permalinks' screen-reader name in the site's language, `{title}` for the heading (`src/i18n/`). */
    sectionLinkLabel: string;
    /** Between plugins: every heading id and page id, so raw HTML cannot take one. */
    headingIds: ReadonlySet<string>;
    /** Between plugins: raw HTML's links within the page (`<a href="#…">`), for the anchors' check. */
    rawAnchors: readonly { url: string; line: number | undefined }[];
    /** Between plugins: every id an edition's page has (headings, the page's own, raw HTML's), for links to `#id`. */
    ids: ReadonlySet<string>;
    /** Between plugins: the body has raw HTML, so the HTML half parses it (`rehype-raw-where-written.ts`). */
    rawHtml: boolean;
    /** Between plugins: how deeply raw HTML elements nest at most, and where. */
    rawHtmlDepth: { depth: number; line: number | undefined };
    /** Out: the URLs that links missing part of their scheme were meant to be (`https//x` → `https://x`). */
    repairedLinks: readonly string[];
    /** Out: every thread linked in the body, by key, in order of first link. */
    threads: globalThis.Map<string, { url: string; forum: string; text: string }>;
  }
}
