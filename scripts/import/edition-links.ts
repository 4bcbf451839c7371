/**
 * The importer's step between numbering and writing: every imported
 * edition's old addresses, and each body's links to them pointed at the
 * new edition URLs, built by the site's one URL builder.
 */
import type { NumberedEdition } from './numbering.ts';
import { pathKey, rewriteOldLinks } from './old-links.ts';
import type { createPaths } from './project.ts';

/** Bodies whose links changed, and how many links did. */
export interface PointedLinks {
  bodies: Map<NumberedEdition, string>;
  rewritten: number;
}

/** Rewrites links to old addresses of the editions being imported. */
export function pointOldLinks(
  editions: readonly NumberedEdition[],
  paths: ReturnType<typeof createPaths>,
  oldSite: { hosts: string[]; prefix: string } = { hosts: [], prefix: '' },
): PointedLinks {
  const addresses = new Map<string, number>();
  for (const e of editions)
    for (const path of e.redirectFrom ?? []) if (!addresses.has(pathKey(path))) addresses.set(pathKey(path), e.edition);
  const result: PointedLinks = { bodies: new Map(), rewritten: 0 };
  const urlOf = (edition: number, fragment: string) =>
    fragment ? paths.section(edition, decodeFragment(fragment)) : paths.edition(edition);
  for (const e of editions) {
    const { body, rewritten } = rewriteOldLinks(e.body, addresses, urlOf, oldSite);
    if (rewritten) result.bodies.set(e, body);
    result.rewritten += rewritten;
  }
  return result;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment.slice(1));
  } catch {
    return fragment.slice(1);
  }
}
