/**
 * The page cache: each edition page's HTML, kept between builds under
 * `node_modules/.cache/newsletter/pages/` by a key that covers exactly what
 * the page shows — the edition, its neighbours' numbers and headlines, the
 * topics its sections link and their "Previously" sections, the settings —
 * and the code and CSS that render it (every file the page imports). A build
 * renders only the pages whose key it has not seen; the page-cache
 * integration writes the others from the cache, so a rebuild after editing
 * one edition renders one page (and its neighbours), not every page.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeOutputFile } from '../cache/previous-output.ts';
import { readEntry, writeEntry } from '../cache/entries.ts';
import { sourceVersion } from '../cache/source-version.ts';
import type { Edition } from '../schemas/edition-model.ts';
import { previousOnTopic, type Topic } from '../model/topics.ts';

/** The page module whose imports decide how an edition page looks. */
export const EDITION_PAGE = 'src/pages/editions/[edition].astro';
/** What the astro config and lock file add to every page: integrations, Vite settings, package versions. */
const CONFIG = 'astro.config.ts';

const folder = (root: string) => join(root, 'node_modules/.cache/newsletter/pages');
const planFile = (root: string) => join(folder(root), 'plan.json');
const versions = new Map<string, string>();

/** One edition page of a build: its key, and whether the cache already has it. */
export interface PlannedPage {
  number: number;
  key: string;
  cached: boolean;
}

/** Everything an edition page shows besides the edition itself. */
function shownAround(edition: Edition, neighbours: { older?: Edition; newer?: Edition }, topics: readonly Topic[]) {
  const brief = (e: Edition | undefined) => e && { number: e.number, headline: e.headline };
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
  edition: Edition,
  neighbours: { older?: Edition; newer?: Edition },
  topics: readonly Topic[],
): string {
  let version = versions.get(root);
  if (version === undefined) {
    version = sourceVersion(
      root,
      EDITION_PAGE,
      existsSync(join(root, CONFIG)) ? readFileSync(join(root, CONFIG), 'utf8') : '',
    );
    versions.set(root, version);
  }
  return (
    createHash('sha256')
      .update(version)
      .update(JSON.stringify(settings))
      .update(JSON.stringify(edition))
      .update(JSON.stringify(shownAround(edition, neighbours, topics)))
      // The header links to Topics only while some topic exists.
      .update(topics.length ? 'topics in nav' : 'no topics in nav')
      .digest('hex')
  );
}

/** Records which edition pages this build renders and which come from the cache. */
export function writePlan(root: string, pages: readonly PlannedPage[]): void {
  mkdirSync(folder(root), { recursive: true });
  writeFileSync(planFile(root), JSON.stringify(pages));
}

/** The plan the page loop left, once (it is removed as it is read); empty when pages were not planned. */
export function takePlan(root: string): PlannedPage[] {
  try {
    const plan = JSON.parse(readFileSync(planFile(root), 'utf8')) as PlannedPage[];
    rmSync(planFile(root), { force: true });
    return plan;
  } catch {
    return [];
  }
}

/** True when the cache holds a page for this key (checked, whole). */
export function hasPage(root: string, key: string): boolean {
  return readEntry(join(folder(root), `${key}.html`)) !== undefined;
}

/** Writes a cached page to `path` under `out`; false when the entry is gone or damaged (the build must then fail). */
export function restorePage(root: string, key: string, out: string, path: string): boolean {
  const page = readEntry(join(folder(root), `${key}.html`));
  if (!page) return false;
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeOutputFile(out, path, page);
  return true;
}

/** Keeps a rendered page for later builds; a cache that cannot be written only costs speed. */
export function storePage(root: string, key: string, file: string): void {
  writeEntry(join(folder(root), `${key}.html`), readFileSync(file));
}

/** An edition page's path entry, as `getStaticPaths` makes it. */
interface EditionPath {
  props: { edition: Edition; topics: Topic[]; older?: Edition | undefined; newer?: Edition | undefined };
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
    writePlan(root, []);
    return [...paths];
  }
  const plan = paths.map(({ props }) => {
    const neighbours = { ...(props.older && { older: props.older }), ...(props.newer && { newer: props.newer }) };
    const key = editionPageKey(root, settings, props.edition, neighbours, props.topics);
    return { number: props.edition.number, key, cached: hasPage(root, key) };
  });
  writePlan(root, plan);
  return paths.filter((_, i) => !plan[i]!.cached);
}
