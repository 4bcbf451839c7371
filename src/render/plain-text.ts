/**
 * Rendered HTML as plain text, for the plain-text email: blocks separated by
 * blank lines, lists with their markers, quotes with `> `, tables as rows of
 * cells, and links as `text [n]` with the URLs collected for a numbered list
 * at the end. Every element the edition format allows has a rendering, and
 * anything else falls back to its text, so no content is ever lost.
 */
import type { Element, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
  'video',
  'audio',
  'picture',
]);
/** Deeper than this, a subtree is read as flat text (the format's own limit is lower). */
const MAX_DEPTH = 200;

const isElement = (node: ElementContent, tag?: string): node is Element =>
  node.type === 'element' && (tag === undefined || node.tagName === tag);

/** `body` with `prefix` before its first line and the following lines indented to match. */
function hang(body: string, prefix: string): string {
  const pad = ' '.repeat(prefix.length);
  return body
    .split('\n')
    .map((line, i) => (i === 0 ? prefix : line ? pad : '') + line)
    .join('\n');
}

/** One table cell as text. */
interface Cell {
  text: string;
  /** A header cell (`<th>`). */
  head: boolean;
  /** A right-aligned column's cell (`| ---: |`). */
  right: boolean;
}

const classesOf = (el: Element): string[] =>
  Array.isArray(el.properties['className']) ? el.properties['className'].map(String) : [];

/** How many columns a string takes in a fixed-width font: East Asian wide characters take two. */
function columns(text: string): number {
  let n = 0;
  for (const c of text)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(c)
      ? 2
      : 1;
  return n;
}

/** The widest a table's aligned lines may be: past it, a table is written row by row (`recordRows`). */
export const TABLE_WIDTH = 78;

/**
 * A table too wide to align, as one block per row: each cell on its own
 * line under its column's header (`model: Flash-MoE`), so no line runs past
 * a phone's screen. A table without a header row numbers its columns.
 */
function recordRows(rows: readonly Cell[][]): string {
  const header = rows[0]?.length && rows[0].every((c) => c.head) && rows.length > 1 ? rows[0] : undefined;
  const body = header ? rows.slice(1) : rows;
  return body
    .map((row) =>
      row
        .filter((cell) => cell.text)
        .map((cell) => {
          const name = header?.[row.indexOf(cell)]?.text;
          return name ? hang(cell.text, `${name}: `) : cell.text;
        })
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Table rows with their columns aligned (right-aligned columns to the
 * right) and a line of dashes under a header row, as a reader of a
 * fixed-width email sees a table; one wider than `TABLE_WIDTH` row by row.
 */
function alignedRows(rows: readonly Cell[][]): string {
  const count = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: count }, (_, i) => Math.max(...rows.map((r) => columns(r[i]?.text ?? ''))));
  if (widths.reduce((sum, w) => sum + w, 0) + 3 * (count - 1) > TABLE_WIDTH) return recordRows(rows);
  const line = (row: readonly Cell[]) =>
    widths
      .map((width, i) => {
        const cell = row[i];
        const pad = ' '.repeat(width - columns(cell?.text ?? ''));
        return cell?.right ? pad + cell.text : (cell?.text ?? '') + pad;
      })
      .join(' | ')
      .trimEnd();
  return rows
    .flatMap((row, i) => {
      const under = i === 0 && row.length > 0 && row.every((c) => c.head) && rows.length > 1;
      return under ? [line(row), widths.map((w) => '-'.repeat(w)).join('-|-')] : [line(row)];
    })
    .join('\n');
}

/** How a video or audio reads in text, given its link number: "Video [3]". */
export interface MediaLabels {
  video(n: number): string;
  audio(n: number): string;
}

const ENGLISH: MediaLabels = { video: (n) => `Video [${n}]`, audio: (n) => `Audio [${n}]` };

/** The address a link's text shows, compared loosely: without its scheme, `www.` or final slash. */
const bareAddress = (text: string) =>
  text
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '')
    .toLowerCase();

/** Whether a link's text is its own address. */
const sameAddress = (text: string, href: string) => {
  let decoded = href;
  try {
    decoded = decodeURI(href);
  } catch {
    // Left as written.
  }
  return bareAddress(text) === bareAddress(href) || bareAddress(text) === bareAddress(decoded);
};

/** Turns trees into text, numbering every link target once in `refs`. */
class PlainText {
  readonly refs: string[] = [];
  private readonly labels: MediaLabels;
  constructor(labels: MediaLabels) {
    this.labels = labels;
  }

  ref(url: string): number {
    const i = this.refs.indexOf(url);
    return i === -1 ? this.refs.push(url) : i + 1;
  }

  /** Block-level text of some nodes: runs of inline content become paragraphs. */
  blocks(nodes: readonly ElementContent[], depth: number): string[] {
    const out: string[] = [];
    let run: ElementContent[] = [];
    const flush = () => {
      const text = run
        .map((n) => this.inline(n, depth))
        .join('')
        .replace(/[ \t]*\n[ \t]*/g, '\n')
        .trim();
      if (text) out.push(text);
      run = [];
    };
    for (const node of nodes) {
      if (isElement(node) && BLOCKS.has(node.tagName)) {
        flush();
        out.push(...this.block(node, depth + 1));
      } else run.push(node);
    }
    flush();
    return out;
  }

  block(el: Element, depth: number): string[] {
    if (depth > MAX_DEPTH) return [toString(el).replace(/\s+/g, ' ').trim()].filter(Boolean);
    const tag = el.tagName;
    if (/^h[1-6]$/.test(tag)) {
      const text = el.children
        .map((c) => this.inline(c, depth))
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      return text ? [`${text}\n${(tag === 'h1' || tag === 'h2' ? '=' : '-').repeat(Math.min(columns(text), 72))}`] : [];
    }
    if (tag === 'ul' || tag === 'ol') {
      const start = Number(el.properties['start'] ?? 1) || 1;
      const items = el.children.filter((c): c is Element => isElement(c, 'li'));
      const lines = items.map((li, i) =>
        hang(this.blocks(li.children, depth).join('\n\n'), tag === 'ol' ? `${start + i}. ` : '- '),
      );
      return lines.length ? [lines.join('\n')] : [];
    }
    if (tag === 'blockquote') {
      const inner = this.blocks(el.children, depth).join('\n\n');
      return inner ? [inner.replace(/^/gm, '> ').replace(/^> $/gm, '>')] : [];
    }
    if (tag === 'pre') {
      // Indented by four spaces, as Markdown writes code: set apart from the prose, every character kept.
      const text = toString(el).replace(/\n$/, '');
      return text.trim() ? [text.replace(/^(?=.)/gm, '    ')] : [];
    }
    if (tag === 'hr') return ['----'];
    if (tag === 'table' || tag === 'thead' || tag === 'tbody' || tag === 'tfoot' || tag === 'tr') {
      const rows: Cell[][] = [];
      const walk = (node: Element) => {
        if (node.tagName === 'tr') {
          const cells = node.children.filter((c): c is Element => isElement(c) && /^t[hd]$/.test(c.tagName));
          rows.push(
            cells.map((c) => ({
              text: this.blocks(c.children, depth).join(' ').replace(/\s+/g, ' ').trim(),
              head: c.tagName === 'th',
              right: classesOf(c).includes('align-right'),
            })),
          );
        } else node.children.filter((c): c is Element => isElement(c)).forEach(walk);
      };
      walk(el);
      return rows.length ? [alignedRows(rows)] : [];
    }
    if (tag === 'video' || tag === 'audio') {
      const src = el.properties['src'];
      return typeof src === 'string' ? [this.labels[tag](this.ref(src))] : [];
    }
    return this.blocks(el.children, depth);
  }

  inline(node: ElementContent, depth: number): string {
    if (node.type === 'text') return node.value.replace(/\s+/g, ' ');
    if (!isElement(node)) return '';
    if (depth > MAX_DEPTH) return toString(node);
    if (node.tagName === 'br') return '\n';
    if (node.tagName === 'img') return String(node.properties['alt'] ?? '');
    if (BLOCKS.has(node.tagName)) return ` ${this.block(node, depth + 1).join(' ')} `;
    const inner = node.children.map((c) => this.inline(c, depth + 1)).join('');
    const href = node.tagName === 'a' ? node.properties['href'] : undefined;
    if (typeof href !== 'string' || href.startsWith('#')) return inner;
    if (href.startsWith('mailto:')) return inner.trim() ? inner : href.slice('mailto:'.length);
    // A link that shows its own address (`https://example.org/x`, `www.example.org`) is written once, not again as [n].
    if (!inner.trim() || sameAddress(inner, href)) return inner.trim() || href;
    return `${inner} [${this.ref(href)}]`;
  }
}

/** Plain text of some nodes, and the URLs its `[n]` references point to, in order. */
export function plainText(
  nodes: readonly ElementContent[],
  labels: MediaLabels = ENGLISH,
): { text: string; refs: string[] } {
  const renderer = new PlainText(labels);
  const text = renderer.blocks(nodes, 0).join('\n\n');
  return { text, refs: renderer.refs };
}
