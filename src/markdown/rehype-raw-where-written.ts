import type { Element, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * rehype-raw, run only on a body with raw HTML in it (`file.data.rawHtml`,
 * set by `remark-raw-html.ts`). It parses the whole tree again through an
 * HTML parser, and a tree made from Markdown alone comes out of that
 * unchanged (checked over every CommonMark and GFM example) but for one
 * thing, done here too so that both ways give the same page: a code block's
 * first newline is dropped (the parser drops a newline right after `<pre>`,
 * and rehype-raw makes it skip the `<code>` between them).
 */
export default function rehypeRawWhereWritten() {
  const parseRaw = rehypeRaw();
  return (tree: Root, file: VFile): Root => {
    if (file.data.rawHtml) return parseRaw(tree, file);
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'pre') return;
      const code = node.children[0];
      const text = code?.type === 'element' ? code.children[0] : undefined;
      if (text?.type === 'text' && text.value.startsWith('\n')) text.value = text.value.slice(1);
    });
    return tree;
  };
}
