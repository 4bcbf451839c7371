import { fromHtml } from 'hast-util-from-html';
import type { Html, Root } from 'mdast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import {
  ALLOWED_TAGS,
  EMBED_TAGS,
  isAllowedAttribute,
  MEDIA_ATTRIBUTES,
  OPTIONAL_END_TAGS,
  PRESENTATIONAL_TAGS,
  SCRIPT_TAGS,
  URL_ATTRIBUTES,
  VOID_TAGS,
} from '../rules/html-rules.ts';
import {
  isDangerousScheme,
  linkUrlProblem,
  mediaUrlProblem,
  publishedMediaUrl,
  publishedUrl,
  schemeOf,
} from '../rules/link-rules.ts';
import { report } from './util/vfile-report.ts';

const TOKEN =
  /<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>|<[!?][^>]*>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const VALID_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const escapeAttribute = (text: string) =>
  text.replace(/&(?![a-zA-Z]+;|#\d+;|#x[\da-fA-F]+;)/g, '&amp;').replace(/"/g, '&quot;');
const looksLikeHtml = (shown: string) => `${shown} looks like HTML; it is shown as text (wrap code in backticks)`;

/** An attribute's value as a browser reads it, character references decoded (`&#106;avascript&colon;` → `javascript:`). */
function decodedValue(value: string): string {
  if (!value.includes('&')) return value;
  const element = fromHtml(`<a title="${value.replace(/"/g, '&quot;')}">`, { fragment: true }).children[0];
  const title = element?.type === 'element' ? element.properties['title'] : undefined;
  return typeof title === 'string' ? title : value;
}

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

/** The page an embed shows: a video's own page for the common players, else the embed's address. */
function embeddedPage(src: string): string {
  const youtube = /^https?:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]+)/i.exec(src);
  if (youtube) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  const vimeo = /^https?:\/\/player\.vimeo\.com\/video\/(\d+)/i.exec(src);
  if (vimeo) return `https://vimeo.com/${vimeo[1]}`;
  return publishedMediaUrl(src);
}

/** An element opened in raw HTML and not yet closed. */
interface Open {
  name: string;
  line: number | undefined;
  /** Refused (and reported) when it opened: its end tag goes quietly too. */
  dropped?: boolean;
  /** The tag written in its place, when it is not `name` (`<center>` is published as a `<div>`). */
  writes?: string;
  /** The tag as typed, when it has words that are no attributes (`a<b and b>c`, maths): shown in its problem. */
  typed?: string;
}

/** How an open element is named in its problem: `<b>`, or what was typed when it hardly looks like HTML. */
const shownOpen = (open: Open) => (open.typed ? `"${open.typed}" (read as <${open.name}>)` : `<${open.name}>`);
/** What to do about an element never closed that was never meant as one. */
const mathsHint = (open: Open) =>
  open.typed ? '; if it is not HTML (a<b in a formula), put a space after the < or wrap it in backticks' : '';

/**
 * The raw-HTML rules for one file, token by token: comments are dropped,
 * allow-listed tags pass with only allowed attributes, embeds become links,
 * any other tag becomes the text the author typed (with a warning), anything
 * able to run script is an error, and an element left open is an error
 * where it opens (it would swallow the stories after it).
 */
class RawHtmlRules {
  readonly #open: Open[] = [];
  readonly #ids: Set<string>;
  readonly file: VFile;
  /** Raw `<a href="#…">` links within the page, and their lines. */
  readonly #anchors: { url: string; line: number | undefined }[] = [];
  /** The obsolete presentational tags already warned about in this file. */
  readonly #presentational = new Set<string>();
  /** The HTML being read sits inside a paragraph or heading (`A <center>word</center>.`), not on lines of its own. */
  #inline = false;

  constructor(file: VFile) {
    this.file = file;
    this.#ids = new Set(file.data.headingIds ?? []);
  }

  /**
   * Rewrites one HTML node's text. `glued`: the node follows a word with no
   * space between (`FromIterator<A>`), where a one-capital tag is a type
   * parameter, not an element.
   */
  node(node: Html, glued = false, inline = false): void {
    this.#inline = inline;
    node.value = node.value.replace(
      TOKEN,
      (
        tag: string,
        scriptName?: string,
        slash?: string,
        name?: string,
        attrs?: string,
        selfClose?: string,
        index = 0,
      ) =>
        this.#token(
          tag,
          {
            scriptName,
            closing: slash === '/',
            name,
            attrs,
            selfClose: selfClose === '/',
            glued: glued && index === 0,
          },
          lineAt(node, index),
        ),
    );
  }

  /** A `##` heading starts a story: nothing raw may still be open across it. */
  story(line: number | undefined): void {
    this.#reportOpen(
      (open) =>
        `${shownOpen(open)} is still open at the "##" heading on line ${line}; close it with </${open.name}> before the next story${mathsHint(open)}`,
    );
  }

  /** The end of the file: whatever is still open is an error. */
  end(): void {
    this.file.data.ids = this.#ids;
    this.file.data.rawAnchors = this.#anchors;
    this.#reportOpen(
      (open) =>
        `${shownOpen(open)} is never closed; expected </${open.name}> (an open element swallows everything after it)${mathsHint(open)}`,
    );
  }

  /** Reports every element still open (but those refused when they opened) where it opened, and forgets them. */
  #reportOpen(message: (open: Open) => string): void {
    for (const open of this.#open.splice(0)) {
      if (open.dropped) continue;
      const at = open.line ? { line: open.line, column: 1 } : undefined;
      report(this.file, at, 'html', message(open), 'error', 'unclosed-html');
    }
  }

  #token(
    tag: string,
    t: {
      scriptName?: string | undefined;
      closing: boolean;
      name?: string | undefined;
      attrs?: string | undefined;
      selfClose: boolean;
      glued: boolean;
    },
    at: Point | undefined,
  ): string {
    // Script and style elements go whole: their content is code, not text.
    if (t.scriptName) {
      report(
        this.file,
        at,
        'html',
        `<${t.scriptName.toLowerCase()}> can run script or change the page; it is not allowed in an edition`,
      );
      return '';
    }
    if (tag.startsWith('<!--')) {
      if (!tag.endsWith('-->'))
        report(
          this.file,
          at,
          'html',
          'comment is never closed with -->; the rest of the edition would be hidden',
          'error',
          'unclosed-html',
        );
      return '';
    }
    if (!t.name) {
      report(this.file, at, 'html', looksLikeHtml(JSON.stringify(tag.slice(0, 30))), 'warning');
      return escapeText(tag);
    }
    // `Box<A>`, `Fn<I>`: generics in a Rust, Java or TypeScript newsletter, whatever HTML element the letter names.
    if (t.glued && /^[A-Z]$/.test(t.name) && !t.closing && !t.attrs?.trim()) {
      report(this.file, at, 'html', looksLikeHtml(tag), 'warning');
      return escapeText(tag);
    }
    const name = t.name.toLowerCase();
    const attrs = attributesOf(t.attrs ?? '');
    if (SCRIPT_TAGS.includes(name)) {
      // The opening tag was reported already.
      if (!t.closing)
        report(this.file, at, 'html', `<${name}> can run script or change the page; it is not allowed in an edition`);
      return '';
    }
    for (const [attr, value] of attrs) {
      if (attr.startsWith('on'))
        report(this.file, at, 'html', `<${name} ${attr}=…> runs script; event attributes are not allowed`);
      // The scheme a browser would see: character references decoded first, or `&#106;avascript:` slips past.
      const url = URL_ATTRIBUTES.includes(attr) ? decodedValue(value) : value;
      const schemes = attr === 'srcset' ? url.split(',').map((c) => schemeOf(c.trim())) : [schemeOf(url)];
      const bad = URL_ATTRIBUTES.includes(attr) ? schemes.find(isDangerousScheme) : undefined;
      if (bad) {
        report(
          this.file,
          at,
          'html',
          `<${name} ${attr}=${JSON.stringify(value.slice(0, 40))}> can run script; ${bad}: URLs are not allowed`,
        );
        if (!t.closing && !t.selfClose && !VOID_TAGS.includes(name))
          this.#open.push({ name, line: at?.line, dropped: true });
        return '';
      }
    }
    if (EMBED_TAGS.includes(name)) return t.closing ? '' : this.#embed(name, attrs, at);
    if (PRESENTATIONAL_TAGS.includes(name)) {
      // Once per tag and file: an old archive has them by the dozen.
      if (!t.closing && !this.#presentational.has(name)) {
        this.#presentational.add(name);
        report(
          this.file,
          at,
          'html',
          `<${name}> is obsolete HTML for how text looks; its content is kept without it (the site's style decides how text looks)`,
          'warning',
        );
      }
      // `<center>` holds blocks: it stays a block, a plain `<div>`, so its text is not left loose.
      if (name === 'center' && !this.#inline) return t.closing ? this.#close(name, at) : this.#openAs(name, 'div', at);
      return '';
    }
    if (!ALLOWED_TAGS.includes(name)) {
      report(
        this.file,
        at,
        'html',
        looksLikeHtml(tag.length > 40 ? `<${t.closing ? '/' : ''}${t.name}…>` : tag),
        'warning',
      );
      return escapeText(tag);
    }
    if (t.closing) return this.#close(name, at);
    if (!VOID_TAGS.includes(name) && !t.selfClose && !OPTIONAL_END_TAGS.includes(name)) {
      // `<b and b>`: words with no `=`, on a tag that takes none of them, are prose around a "<".
      const words = [...attrs].some(([attr, value]) => value === '' && !isAllowedAttribute(name, attr));
      this.#open.push({ name, line: at?.line, ...(words ? { typed: tag.slice(0, 40) } : {}) });
      if (this.#open.length > (this.file.data.rawHtmlDepth?.depth ?? 0))
        this.file.data.rawHtmlDepth = { depth: this.#open.length, line: at?.line };
    }
    return this.#opening(name, attrs, at, t.selfClose && !VOID_TAGS.includes(name));
  }

  /** `writes` in place of an obsolete block (`<center>` as `<div>`), open until the block's own end tag. */
  #openAs(name: string, writes: string, at: Point | undefined): string {
    this.#open.push({ name, line: at?.line, writes });
    if (this.#open.length > (this.file.data.rawHtmlDepth?.depth ?? 0))
      this.file.data.rawHtmlDepth = { depth: this.#open.length, line: at?.line };
    return `<${writes}>`;
  }

  /** `<iframe src>` → a link to the embedded page, with a warning. */
  #embed(name: string, attrs: Map<string, string>, at: Point | undefined): string {
    const src = attrs.get('src')?.trim();
    if (!src || !['http', 'https'].includes(schemeOf(src) ?? '')) {
      report(this.file, at, 'html', `<${name}> without an https: src is dropped; link to the page instead`, 'warning');
      return '';
    }
    const page = embeddedPage(src);
    report(
      this.file,
      at,
      'html',
      `<${name}> becomes a link to ${page}: the site loads nothing from other sites`,
      'warning',
    );
    return `<a href="${escapeAttribute(page)}">${escapeText(attrs.get('title')?.trim() || page)}</a>`;
  }

  #close(name: string, at: Point | undefined): string {
    const index = this.#open.findLastIndex((o) => o.name === name);
    if (index === -1) {
      if (VOID_TAGS.includes(name) || OPTIONAL_END_TAGS.includes(name)) return `</${name}>`;
      report(this.file, at, 'html', `</${name}> closes nothing that is open; it is dropped`, 'warning');
      return '';
    }
    const [closed, ...unclosed] = this.#open.splice(index);
    for (const open of unclosed) {
      if (open.dropped) continue;
      report(
        this.file,
        open.line ? { line: open.line, column: 1 } : undefined,
        'html',
        `<${open.name}> is not closed before </${name}> on line ${at?.line}; expected </${open.name}> first`,
      );
    }
    return closed?.dropped ? '' : `</${closed?.writes ?? name}>`;
  }

  /** The opening tag as published: only allowed attributes, checked URLs, `controls` on media. */
  #opening(name: string, attrs: Map<string, string>, at: Point | undefined, selfClose: boolean): string {
    const out: string[] = [];
    for (const [attr, raw] of attrs) {
      if (attr === 'id' || (attr === 'name' && name === 'a')) {
        const id = this.#id(name, raw, at);
        if (id) out.push(`id="${escapeAttribute(id)}"`);
        continue;
      }
      if (!isAllowedAttribute(name, attr) || attr.startsWith('on')) continue;
      let value = raw;
      if (attr === 'href' && name === 'a') {
        const problem = linkUrlProblem(value);
        if (problem) report(this.file, at, 'html', `<a href>: ${problem.message}`, problem.severity);
        value = publishedUrl(value);
        // Checked against every id of the page once all are known (`remark-anchor-links.ts`).
        if (value.startsWith('#')) this.#anchors.push({ url: value, line: at?.line });
      } else if (MEDIA_ATTRIBUTES.includes(attr)) {
        const candidates = attr === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
        for (const url of candidates) {
          const problem = mediaUrlProblem(url);
          if (problem) report(this.file, at, 'html', `<${name} ${attr}>: ${problem.message}`, problem.severity);
        }
        value = attr === 'srcset' ? value.replace(/(^|,\s*)http:/gi, '$1https:') : publishedMediaUrl(value);
      }
      out.push(
        attrs.get(attr) === '' && !['alt', 'value', 'title'].includes(attr)
          ? attr
          : `${attr}="${escapeAttribute(value)}"`,
      );
    }
    if (name === 'img') {
      if (!attrs.has('src')) report(this.file, at, 'html', '<img>: expected a src attribute');
      if (!attrs.has('alt')) {
        report(this.file, at, 'html', '<img> has no alt text; add alt="…" (or alt="" for decoration)', 'warning');
        out.push('alt=""');
      }
    }
    if (name === 'video' || name === 'audio') {
      if (!attrs.has('controls')) out.push('controls');
      // Nothing is fetched from the other site until the reader presses play.
      if (!attrs.has('preload')) out.push('preload="none"');
    }
    return `<${name}${out.map((a) => ` ${a}`).join('')}${selfClose ? ' /' : ''}>`;
  }

  /** A raw `id` (or `<a name>`) is kept when it is valid and free; never one a heading or the page uses. */
  #id(name: string, raw: string, at: Point | undefined): string | undefined {
    const id = raw.trim();
    if (!VALID_ID.test(id)) {
      report(
        this.file,
        at,
        'html',
        `<${name} id=${JSON.stringify(id.slice(0, 40))}> is not a valid id; it is dropped`,
        'warning',
      );
      return undefined;
    }
    if (this.#ids.has(id)) {
      report(
        this.file,
        at,
        'html',
        `<${name} id="${id}">: a heading or the page already uses this id; it is dropped`,
        'warning',
      );
      return undefined;
    }
    this.#ids.add(id);
    return id;
  }
}

/**
 * Applies the raw-HTML rules to every HTML node in document order, and
 * checks that nothing raw is left open across a story or at the end.
 */
export default function remarkRawHtml() {
  return (tree: Root, file: VFile) => {
    const rules = new RawHtmlRules(file);
    visit(tree, (node, index, parent) => {
      if (node.type === 'html') {
        file.data.rawHtml = true;
        const before = index === undefined ? undefined : parent?.children[index - 1];
        const block = parent?.type === 'root' || parent?.type === 'blockquote' || parent?.type === 'listItem';
        rules.node(node, before?.type === 'text' && /[\p{L}\p{N}_]$/u.test(before.value), !block);
      } else if (node.type === 'heading' && node.depth === 2) rules.story(node.position?.start.line);
    });
    rules.end();
  };
}
