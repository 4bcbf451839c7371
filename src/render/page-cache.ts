/**
 * The page cache: each edition page's HTML, kept between builds (a named
 * cache, `src/cache/`) by a key that covers exactly what
 * the page shows — the edition, its neighbours' numbers and headlines, the
 * topics its sections link and their "Previously" sections, the settings —
 * and the code and CSS that render it (every file the page imports). A build
 * renders only the pages whose key it has not seen; the page-cache
 * integration writes the others from the cache, so a rebuild after editing
 * one edition renders one page (and its neighbours), not every page.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineCache } from '../cache/named-cache.ts';
import { writeOutputFile } from '../cache/previous-output.ts';
import { sourceVersion } from '../cache/source-version.ts';
import { handOver, previousOutput, take, type PlannedPage } from '../handoffs.ts';
import type { EditionSummary } from '../schemas/edition-model.ts';
import { editionHash } from '../loader/loaded-editions.ts';
import { previousOnTopic, type Topic } from '../model/topics.ts';

/** The page module whose imports decide how an edition page looks. */
export const EDITION_PAGE = 'src/pages/editions/[edition].astro';
/** What the astro config and lock file add to every page: integrations, Vite settings, package versions. */
const CONFIG = 'astro.config.ts';

/** Edition pages, by what they show and the code and CSS that draw them. */
export const PAGES = defineCache({
  name: 'pages',
  version: (root) =>
    sourceVersion(root, EDITION_PAGE, existsSync(join(root, CONFIG)) ? readFileSync(join(root, CONFIG), 'utf8') : ''),
});

/** Everything an edition page shows besides the edition itself. */
function shownAround(
  edition: EditionSummary,
  neighbours: { older?: EditionSummary; newer?: EditionSummary },
  topics: readonly Topic[],
) {
  const brief = (e: EditionSummary | undefined) => e && { number: e.number, headline: e.headline };
  const slugs = new Set(edition.sections.flatMap((s) => s.topics));
  return {
    older: brief(neighbours.older),
    newer: brief(neighbours.newer),
    topics: topics
      .filter((t) => slugs.has(t.slug))
      .map((t) => {
        const previous = previousOnTopic(t, edition);
        return {
          slug: t.slug,
          name: t.name,
          first: brief(t.entries[0]?.edition),
          previous: previous && [previous.edition.number, previous.sectionId, previous.sectionTitle],
        };
      }),
  };
}

/** The key of one edition page. */
export function editionPageKey(
  root: string,
  settings: unknown,
  edition: EditionSummary,
  neighbours: { older?: EditionSummary; newer?: EditionSummary },
  topics: readonly Topic[],
): string {
  return PAGES.at(root).key(
    JSON.stringify(settings),
    editionHash(edition),
    JSON.stringify(shownAround(edition, neighbours, topics)),
    // The header links to Topics only while some topic exists.
    topics.length ? 'topics in nav' : 'no topics in nav',
  );
}

/** The plan the page loop left (a hand-off, `src/handoffs.ts`), once; empty when pages were not planned. */
export function takePlan(): PlannedPage[] {
  return take('page-plan') ?? [];
}

/** True when the cache holds a page for this key (checked, whole). */
export function hasPage(root: string, key: string): boolean {
  return PAGES.at(root).get(key) !== undefined;
}

/** Writes a cached page to `path` under `out`; false when the entry is gone or damaged (the build must then fail). */
export function restorePage(root: string, key: string, out: string, path: string): boolean {
  const page = PAGES.at(root).get(key);
  if (!page) return false;
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeOutputFile(out, path, page, previousOutput());
  return true;
}

/** Keeps a rendered page for later builds; a cache that cannot be written only costs speed. */
export function storePage(root: string, key: string, file: string): void {
  PAGES.at(root).set(key, readFileSync(file));
}

/** An edition page's path entry, as `getStaticPaths` makes it. */
interface EditionPath {
  props: {
    edition: EditionSummary;
    topics: Topic[];
    older?: EditionSummary | undefined;
    newer?: EditionSummary | undefined;
  };
}

/**
 * The edition pages this build must render: those whose key the cache does
 * not hold. Leaves the plan for the page-cache integration, which writes the
 * others from the cache once the build is done.
 */
export function planEditionPages<P extends EditionPath>(
  root: string,
  settings: unknown,
  paths: readonly P[],
  enabled = process.env['NEWSLETTER_PAGE_CACHE'] !== 'off',
): P[] {
  if (!enabled) {
    // Every page rendered, none kept: what a cold build gives, to compare a cached build against.
    handOver('page-plan', []);
    return [...paths];
  }
  const plan = paths.map(({ props }) => {
    const neighbours = { ...(props.older && { older: props.older }), ...(props.newer && { newer: props.newer }) };
    const key = editionPageKey(root, settings, props.edition, neighbours, props.topics);
    return { number: props.edition.number, key, cached: hasPage(root, key) };
  });
  handOver('page-plan', plan);
  return paths.filter((_, i) => !plan[i]!.cached);
}
