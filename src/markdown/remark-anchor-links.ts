import type { Root } from 'mdast';
import type { Node, Point } from 'unist';
import type { VFile } from 'vfile';
import { RESERVED_IDS } from '../rules/page-ids.ts';
import { closest } from '../rules/typos.ts';
import { report } from './util/vfile-report.ts';
import { eachNode } from './util/walk.ts';

/** Fragments every browser takes to the top of the page, with or without such an id. */
const TOP = new Set(['', 'top']);
/** How many of the edition's ids a problem lists. */
const LISTED = 8;

/**
 * A link within the page (`[above](#flash-moe)`, or raw HTML's `<a href="#…">`) to an id the page does not
 * have: a story renamed, or its id misspelt. A warning on the link's line
 * with the closest id and the edition's own ids: the link still takes the
 * reader to the page, just not to the story. Runs after the raw-HTML rule,
 * whose `file.data.ids` holds every heading's id, the page's own and those
 * raw HTML kept.
 */
export default function remarkAnchorLinks() {
  return (tree: Root, file: VFile) => {
    const ids = file.data.ids ?? file.data.headingIds ?? new Set<string>();
    const check = (url: string, at: Point | Node | undefined, field: string) => {
      let id: string;
      try {
        id = decodeURIComponent(url.slice(1));
      } catch {
        id = url.slice(1);
      }
      if (ids.has(id) || TOP.has(id.toLowerCase())) return;
      const own = [...ids].filter((known) => !RESERVED_IDS.includes(known));
      const guess = closest(id, [...ids]);
      const listed = own.length
        ? `; its ids are ${own.slice(0, LISTED).join(', ')}${own.length > LISTED ? ', …' : ''}`
        : '';
      report(
        file,
        at,
        field,
        `#${id} is not an id on this edition's page${guess ? ` (did you mean #${guess}?)` : ''}${listed}; a story's id is its {#id}, or the slug of its heading`,
        'warning',
      );
    };
    eachNode(tree, (node) => {
      if (node.type === 'link' && node.url.startsWith('#')) check(node.url, node, 'link');
    });
    for (const anchor of file.data.rawAnchors ?? [])
      check(anchor.url, anchor.line ? { line: anchor.line, column: 1 } : undefined, 'html');
  };
}
