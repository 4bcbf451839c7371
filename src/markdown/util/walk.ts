/**
 * Walking a tree for a plugin that needs no test, `SKIP` or `EXIT`: what
 * `unist-util-visit` does, without its bookkeeping. It makes a closure and a
 * copy of the ancestors for every node, about a tenth of compiling an edition
 * when each plugin walked the tree with it (a CPU profile of a build's
 * compile processes, `bench/RESULTS.md`).
 */
import type { Element, Parents as HastParents } from 'hast';
import type { Nodes as MdastNodes, Parents as MdastParents } from 'mdast';

interface Tree {
  type: string;
  children?: Tree[];
}

/**
 * Every node under `parent` in document order (a node, then its children).
 * The children are read after `each` has seen their parent, so it may replace
 * them; a node `each` replaces in its parent still has its own children
 * walked, and the walk goes on with the next index, as `unist-util-visit`.
 */
function walkChildren(parent: Tree, each: (node: Tree, index: number, parent: Tree) => void): void {
  const children = parent.children;
  if (!children) return;
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    each(node, index, parent);
    walkChildren(node, each);
  }
}

/** Every node of a Markdown tree in document order, the root first. */
export function eachNode(
  tree: MdastNodes,
  each: (node: MdastNodes, index: number | undefined, parent: MdastParents | undefined) => void,
): void {
  each(tree, undefined, undefined);
  walkChildren(tree as Tree, each as (node: Tree, index: number, parent: Tree) => void);
}

/** Every element of an HTML tree in document order, with its index in its parent. */
export function eachElement(
  tree: HastParents,
  each: (node: Element, index: number, parent: HastParents) => void,
): void {
  walkChildren(tree as Tree, (node, index, parent) => {
    if (node.type === 'element') each(node as unknown as Element, index, parent as unknown as HastParents);
  });
}
