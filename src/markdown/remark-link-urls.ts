import type { Image, Root } from 'mdast';
import type { VFile } from 'vfile';
import { linkUrlProblem, mediaUrlProblem, publishedMediaUrl, publishedUrl, schemeRepair } from '../rules/link-rules.ts';
import { report } from './util/vfile-report.ts';
import { eachNode } from './util/walk.ts';

/**
 * `[text](url with a space)`: not a link in Markdown, so it would be
 * published as its raw text. The URL part must look like one (a `.`, `/` or
 * `:` before the space; an image's `![…](…)` is one whatever it holds) and
 * what follows must not be a quoted title.
 */
const SPACED_LINK =
  /(!?)\[([^[\]\n]*)\]\(((?<=!\[[^[\]\n]*\]\()[^()\s<>]+|[^()\s<>]*[./:][^()\s<>]*)[ \t]+([^()\n"']*)\)/g;
/** Nodes inside which `[text](…)` is not a broken link: links themselves, code, raw HTML. */
const OPAQUE = new Set(['link', 'linkReference', 'inlineCode', 'html']);

/**
 * Holds every Markdown link and image to the edition format's URL rules
 * (`src/rules/link-rules.ts`), on the line where it is written: known schemes
 * pass, `ftp:` is a warning, script-capable and unknown schemes are errors
 * (with a suggestion for a likely typo), a URL that lost part of its scheme
 * (`www.…`, `example.com/…`, an address without `mailto:`, `https//…`, `https:/…`) is an error with the URL it was meant to
 * be, and an `http:` image is a warning and is published as `https:`; images
 * without alt text are one warning per file, with their count. A
 * `[text](url)` that is not a link because its URL has a space is an error
 * on its line.
 */
export default function remarkLinkUrls() {
  return (tree: Root, file: VFile) => {
    const repaired: string[] = [];
    const withoutAlt: Image[] = [];
    eachNode(tree, (node) => {
      if (node.type === 'link' || node.type === 'definition') {
        const problem = linkUrlProblem(node.url);
        if (problem) report(file, node, 'link', problem.message, problem.severity);
        const repair = schemeRepair(node.url);
        if (repair) repaired.push(repair.url);
        node.url = publishedUrl(node.url);
      } else if (node.type === 'image') {
        const problem = mediaUrlProblem(node.url);
        if (problem) report(file, node, 'image', problem.message, problem.severity);
        node.url = publishedMediaUrl(node.url);
        if (!node.alt?.trim()) withoutAlt.push(node);
      }
    });
    if (withoutAlt.length)
      report(
        file,
        withoutAlt[0],
        'image',
        `${withoutAlt.length === 1 ? 'an image' : `${withoutAlt.length} images (first here)`} without alt text; describe each between its brackets, ![a chart of tokens per second](…): readers who cannot see it, and inboxes that block images, get only that text`,
        'warning',
      );
    file.data.repairedLinks = repaired;
    reportSpacedLinks(tree, file);
  };
}

/** `[text](url with a space)` in a paragraph, heading or table cell, outside links and code: an error on its line. */
function reportSpacedLinks(tree: Root, file: VFile): void {
  const source = String(file.value);
  // Most editions have no such text at all: then no block needs its links and code marked out.
  if (source.search(SPACED_LINK) === -1) return;
  eachNode(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const text = source.slice(start, end);
    if (text.search(SPACED_LINK) === -1) return;
    const opaque: [number, number][] = [];
    eachNode(node, (inner) => {
      const at = inner.position;
      if (OPAQUE.has(inner.type) && at?.start.offset !== undefined && at.end.offset !== undefined)
        opaque.push([at.start.offset, at.end.offset]);
    });
    for (const match of text.matchAll(SPACED_LINK)) {
      const offset = start + match.index;
      if (opaque.some(([from, to]) => offset >= from && offset < to)) continue;
      const line = source.slice(0, offset).split('\n').length;
      const url = `${match[3]} ${match[4]!.trim()}`;
      const image = match[1] === '!';
      report(
        file,
        { line, column: offset - source.lastIndexOf('\n', offset - 1) },
        image ? 'image' : 'link',
        `${JSON.stringify(`${match[1]}[${match[2]}](${url})`.slice(0, 100))} is not ${image ? 'an image' : 'a link'} because its URL has a space; remove the space, or write it as %20`,
      );
    }
  });
}
