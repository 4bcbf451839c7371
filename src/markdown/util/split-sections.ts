import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';

/** One story's part of the HTML tree. */
export interface SectionTree {
  id: string;
  title: string;
  nodes: ElementContent[];
}

/** A Markdown `##` heading (it has an id; a raw-HTML `<h2>` is only formatting), bare or in its permalink wrapper. */
function findH2(node: RootContent): Element | undefined {
  if (node.type !== 'element') return undefined;
  const h2 = node.tagName === 'div' ? node.children[0] : node;
  return h2?.type === 'element' && h2.tagName === 'h2' && typeof h2.properties['id'] === 'string' ? h2 : undefined;
}

/** Splits a rendered body at its `##` headings: the intro, then one part per story. */
export function splitSections(tree: Root): { intro: ElementContent[]; sections: SectionTree[] } {
  const intro: ElementContent[] = [];
  const sections: SectionTree[] = [];
  for (const node of tree.children) {
    if (node.type === 'doctype') continue;
    const h2 = findH2(node);
    if (h2) {
      sections.push({ id: String(h2.properties['id'] ?? ''), title: toString(h2).trim(), nodes: [node] });
    } else {
      (sections.at(-1)?.nodes ?? intro).push(node);
    }
  }
  return { intro, sections };
}

/** Keys of the discussion threads linked inside some nodes, in order of first link. */
export function threadKeysIn(nodes: readonly ElementContent[]): string[] {
  const keys = new Set<string>();
  const walk = (node: ElementContent) => {
    if (node.type !== 'element') return;
    const key = node.properties['dataThread'];
    if (typeof key === 'string') keys.add(key);
    node.children.forEach(walk);
  };
  nodes.forEach(walk);
  return [...keys];
}
