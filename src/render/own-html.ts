/**
 * Reading back HTML this generator wrote itself (an edition's sections, as
 * `hast-util-to-html` serialised them, inside the email and feed templates),
 * as the tree an HTML parser makes of it, at a fraction of parse5's cost
 * (~half of an email's time went to parsing). It reads only what such HTML
 * can contain: well-nested elements of a known set, double-quoted
 * attributes, and the character references the serialisers write. Wherever
 * an HTML parser would do more than read the markup as written (an implied
 * end tag, a table's missing part, a newline dropped after `<pre>`, …) or
 * anything else is unexpected, it gives up and returns null, and the caller
 * parses the HTML with parse5; so the tree is always the one parse5 gives
 * (but for positions, which no output reads). `tests/unit/own-html.test.ts`
 * compares the two.
 */
import type { ElementContent, Root, RootContent } from 'hast';
import { h } from 'hastscript';

const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'source', 'track', 'wbr']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements whose start tag closes an open `<p>` (HTML's tree construction, "in body"). */
const CLOSES_P = new Set([
  ...HEADINGS,
  ...'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup hr main menu nav ol p pre search section summary table ul li dd dt'.split(
    ' ',
  ),
]);
/** Where each table part may stand; anywhere else HTML moves or drops it. */
const TABLE_PARENT: Record<string, string[]> = {
  caption: ['table'],
  colgroup: ['table'],
  thead: ['table'],
  tbody: ['table'],
  tfoot: ['table'],
  col: ['colgroup'],
  tr: ['thead', 'tbody', 'tfoot'],
  td: ['tr'],
  th: ['tr'],
  li: ['ul', 'ol', 'menu'],
  dd: ['dl'],
  dt: ['dl'],
};
/** Inside these, only the parts above (and whitespace) may stand. */
const TABLE_CONTAINERS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup']);
const KNOWN = new Set([
  ...CLOSES_P,
  ...VOID,
  ...Object.keys(TABLE_PARENT),
  ...'a abbr audio b bdi bdo cite code data del dfn em i ins kbd mark picture q s samp small span strong sub sup time u var video'.split(
    ' ',
  ),
]);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
const TAG = /<(\/?)([a-z][a-z0-9]*)((?:[ \t\n]+[a-z][a-z0-9-]*(?:="[^"<]*")?)*)[ \t\n]*>/y;
const ATTRIBUTE = /[ \t\n]+([a-z][a-z0-9-]*)(?:="([^"]*)")?/g;
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([a-z]+));/g;
/** Characters an HTML parser changes or drops (CR, NUL, form feed), or a `&` that is not a reference written here. */
const UNEXPECTED = /[\r\0\f]|&(?!(?:#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos|nbsp);)/;
const own = Object.prototype.hasOwnProperty;

class GiveUp extends Error {}

/** Text with its character references decoded; gives up on one an HTML parser would read otherwise. */
function decode(text: string): string {
  return text.replace(REFERENCE, (_, hex?: string, decimal?: string, name?: string) => {
    if (name) return NAMED[name]!;
    const cp = hex ? parseInt(hex, 16) : Number(decimal);
    // Parsers replace NUL, C1 controls (as windows-1252), surrogates and what is past Unicode.
    if (
      cp < 0x20
        ? cp !== 0x09 && cp !== 0x0a
        : (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff
    )
      throw new GiveUp();
    return String.fromCodePoint(cp);
  });
}

interface Open {
  name: string;
  attributes: Record<string, string>;
  children: ElementContent[];
}

/** The tree parse5 makes of `html` as a fragment, without positions; null where it would do more than read it. */
export function parseOwnHtml(html: string): Root | null {
  if (UNEXPECTED.test(html)) return null;
  try {
    return read(html);
  } catch (error) {
    if (error instanceof GiveUp) return null;
    throw error;
  }
}

function read(html: string): Root {
  const root: Open = { name: '', attributes: {}, children: [] };
  const stack: Open[] = [root];
  let at = 0;
  let afterPre = false;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    const end = lt === -1 ? html.length : lt;
    if (end > at) {
      let text = decode(html.slice(at, end));
      const current = stack.at(-1)!;
      if (TABLE_CONTAINERS.has(current.name) && !/^[ \t\n]*$/.test(text)) throw new GiveUp();
      if (afterPre && text.startsWith('\n')) text = text.slice(1);
      if (text) current.children.push({ type: 'text', value: text });
    }
    afterPre = false;
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const tag = TAG.exec(html);
    if (!tag) throw new GiveUp();
    at = TAG.lastIndex;
    const [, slash, name = '', attributes = ''] = tag;
    if (slash) {
      const open = stack.pop()!;
      if (attributes || open.name !== name || stack.length === 0) throw new GiveUp();
      stack.at(-1)!.children.push(element(open));
      continue;
    }
    const names = stack.map((o) => o.name);
    const parent = names.at(-1)!;
    if (
      !KNOWN.has(name) ||
      (CLOSES_P.has(name) && names.includes('p')) ||
      (HEADINGS.has(name) && names.some((n) => HEADINGS.has(n))) ||
      (name === 'a' && names.includes('a')) ||
      (TABLE_PARENT[name] ? !TABLE_PARENT[name].includes(parent) : TABLE_CONTAINERS.has(parent))
    )
      throw new GiveUp();
    const open: Open = { name, attributes: {}, children: [] };
    for (const [, attribute = '', value] of attributes.matchAll(ATTRIBUTE)) {
      // A repeated attribute: the parser keeps the first; not written here.
      if (own.call(open.attributes, attribute)) throw new GiveUp();
      if (!own.call(Object.prototype, attribute)) open.attributes[attribute] = value === undefined ? '' : decode(value);
    }
    if (VOID.has(name)) stack.at(-1)!.children.push(element(open));
    else stack.push(open);
    afterPre = name === 'pre';
  }
  if (stack.length !== 1) throw new GiveUp();
  return { type: 'root', children: root.children as RootContent[], data: { quirksMode: false } };
}

/** The element as `hast-util-from-parse5` makes it (through `hastscript`, which reads the attributes' values). */
function element(open: Open): ElementContent {
  return h(open.name, open.attributes, open.children);
}
