import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { imageUrlProblem, linkUrlProblem } from '../lib/link-rules.ts';
import { report } from './report.ts';

/**
 * Holds every Markdown link and image to the edition format's URL rules:
 * links are `https:`, `http:`, `mailto:` or relative; images `https:` or
 * relative; a forum thread URL is well formed. Anything else is an error
 * on the line where it is written.
 */
export default function remarkLinkUrls() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type === 'link' || node.type === 'definition') {
        const problem = linkUrlProblem(node.url);
        if (problem) report(file, node, 'link', problem);
      } else if (node.type === 'image') {
        const problem = imageUrlProblem(node.url);
        if (problem) report(file, node, 'image', problem);
      }
    });
  };
}
