import type { Html, Root } from 'mdast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { ALLOWED_TAGS, SCRIPT_TAGS, URL_ATTRIBUTES } from '../lib/html-rules.ts';
import { imageUrlProblem, linkUrlProblem, schemeOf } from '../lib/link-rules.ts';
import { report } from './report.ts';

const TOKEN =
  /<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|<[!?][^>]*>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributesOf(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(ATTRIBUTE)) out.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

/** The line of `index` inside an HTML node. */
function lineAt(node: Html, index: number): Point | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  return { line: start.line + (node.value.slice(0, index).match(/\n/g)?.length ?? 0), column: 1 };
}

/** Checks one tag and returns the text that replaces it in the raw HTML. */
function checkTag(
  tag: string,
  closing: boolean,
  name: string,
  attrSource: string,
  file: VFile,
  at: Point | undefined,
): string {
  const lower = name.toLowerCase();
  const attrs = attributesOf(attrSource);
  if (SCRIPT_TAGS.includes(lower)) {
    // The opening tag was reported already.
    if (closing) return '';
    report(file, at, 'html', `<${lower}> can run script or change the page; it is not allowed in an edition`);
    return '';
  }
  for (const [attr, value] of attrs) {
    if (attr.startsWith('on'))
      report(file, at, 'html', `<${lower} ${attr}=…> runs script; event attributes are not allowed`);
    if (URL_ATTRIBUTES.includes(attr) && ['javascript', 'data', 'vbscript'].includes(schemeOf(value) ?? '')) {
      report(
        file,
        at,
        'html',
        `<${lower} ${attr}=${JSON.stringify(value.slice(0, 40))}> can run script; ${schemeOf(value)}: URLs are not allowed`,
      );
      return '';
    }
  }
  if (!ALLOWED_TAGS.includes(lower)) {
    report(
      file,
      at,
      'html',
      `${tag.length > 40 ? `<${closing ? '/' : ''}${name}…>` : tag} looks like HTML; it is shown as text (wrap code in backticks)`,
      'warning',
    );
    return tag.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  }
  if (closing) return tag;
  if (lower === 'a' && attrs.has('href')) {
    const problem = linkUrlProblem(attrs.get('href')!);
    if (problem) report(file, at, 'html', `<a href>: ${problem}`);
  }
  if (lower === 'img') {
    const src = attrs.get('src');
    const problem = src === undefined ? 'expected a src attribute' : imageUrlProblem(src);
    if (problem) report(file, at, 'html', `<img>: ${problem}`);
    if (!attrs.has('alt'))
      report(file, at, 'html', '<img> has no alt text; add alt="…" (or alt="" for decoration)', 'warning');
  }
  return tag;
}

/**
 * Applies the raw-HTML rules to every HTML node: comments are dropped,
 * allow-listed tags pass, any other tag becomes the text the author typed
 * (with a warning), and anything able to run script is an error.
 */
export default function remarkRawHtml() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'html', (node) => {
      node.value = node.value.replace(
        TOKEN,
        (
          tag: string,
          scriptName: string | undefined,
          slash: string | undefined,
          name: string | undefined,
          attrs: string | undefined,
          index: number,
        ) => {
          const at = lineAt(node, index);
          // Script and style elements go whole: their content is code, not text.
          if (scriptName) return checkTag(tag, false, scriptName, '', file, at);
          if (tag.startsWith('<!--')) {
            if (!tag.endsWith('-->'))
              report(file, at, 'html', 'comment is never closed with -->; the rest of the edition would be hidden');
            return '';
          }
          if (!name) {
            report(
              file,
              at,
              'html',
              `${JSON.stringify(tag.slice(0, 30))} looks like HTML; it is shown as text (wrap code in backticks)`,
              'warning',
            );
            return tag.replace(/&/g, '&amp;').replace(/</g, '&lt;');
          }
          return checkTag(tag, slash === '/', name, attrs ?? '', file, at);
        },
      );
    });
  };
}
