import type { Root } from 'mdast';
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
 * A link within the page (`[above](#flash-moe)`) to an id the page does not
 * have: a story renamed, or its id misspelt. A warning on the link's line
 * with the closest id and the edition's own ids: the link still takes the
 * reader to the page, just not to the story. Runs after the raw-HTML rule,
 * whose `file.data.ids` holds every heading's id, the page's own and those
 * raw HTML kept.
 */
export default function remarkAnchorLinks() {
  return (tree: Root, file: VFile) => {
    const ids = file.data.ids ?? file.data.headingIds ?? new Set<string>();
    eachNode(tree, (node) => {
      if (node.type !== 'link' || !node.url.startsWith('#')) return;
      let id: string;
      try {
        id = decodeURIComponent(node.url.slice(1));
      } catch {
        id = node.url.slice(1);
      }
      if (ids.has(id) || TOP.has(id.toLowerCase())) return;
      const own = [...ids].filter((known) => !RESERVED_IDS.includes(known));
      const guess = closest(id, [...ids]);
      const listed = own.length
        ? `; its ids are ${own.slice(0, LISTED).join(', ')}${own.length > LISTED ? ', …' : ''}`
        : '';
      report(
        file,
        node,
        'link',
        `#${id} is not an id on this edition's page${guess ? ` (did you mean #${guess}?)` : ''}${listed}; a story's id is its {#id}, or the slug of its heading`,
        'warning',
      );
    });
  };
}
