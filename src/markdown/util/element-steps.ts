import type { Element, Parents, Root } from 'hast';
import { eachElement } from './walk.ts';
import type { VFile } from 'vfile';

/** What a plugin does to one element; `parent` and `index` locate it, for a step that replaces it. */
export type ElementStep = (node: Element, index: number | undefined, parent: Parents | undefined) => void;

/** A plugin as a step, set up once per file. */
export type ElementPlugin = (file: VFile) => ElementStep;

/**
 * Several plugins in one walk of the tree: for each element in document
 * order, every plugin's step in the order given, then the element's
 * children. The same as running the plugins one after another, for steps
 * that change only the element they are given (a step may replace it in its
 * parent, keeping it inside the replacement: its children are still walked)
 * and that read no more of the tree than its text.
 */
export function rehypeElementSteps(...plugins: ElementPlugin[]) {
  return () => (tree: Root, file: VFile) => {
    const steps = plugins.map((plugin) => plugin(file));
    eachElement(tree, (node, index, parent) => {
      for (const step of steps) step(node, index, parent);
    });
  };
}
