import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { linkUrlProblem, mediaUrlProblem, publishedMediaUrl } from '../rules/link-rules.ts';
import { report } from './util/vfile-report.ts';

/**
 * Holds every Markdown link and image to the edition format's URL rules
 * (`src/rules/link-rules.ts`), on the line where it is written: known schemes
 * pass, `ftp:` is a warning, script-capable and unknown schemes are errors
 * (with a suggestion for a likely typo), and an `http:` image is a warning
 * and is published as `https:`.
 */
export default function remarkLinkUrls() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type === 'link' || node.type === 'definition') {
        const problem = linkUrlProblem(node.url);
        if (problem) report(file, node, 'link', problem.message, problem.severity);
      } else if (node.type === 'image') {
        const problem = mediaUrlProblem(node.url);
        if (problem) report(file, node, 'image', problem.message, problem.severity);
        node.url = publishedMediaUrl(node.url);
      }
    });
  };
}
