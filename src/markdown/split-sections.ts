import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';

/** One story's part of the HTML tree. */
export interface SectionTree {
  id: string;
  title: string;
  nodes: ElementContent[];
}

function findH2(node: RootContent): Element | undefined {
  if (node.type !== 'element') return undefined;
  if (node.tagName === 'h2') return node;
  if (node.tagName === 'div' && node.children[0]?.type === 'element' && node.children[0].tagName === 'h2') {
    return node.children[0];
  }
  return undefined;
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
