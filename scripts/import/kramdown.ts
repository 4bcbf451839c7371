/**
 * kramdown, Jekyll's Markdown: HTML blocks marked `markdown="1"` hold
 * Markdown, and `{: .class}` attribute lists style what comes before them.
 * The edition format has neither: a wrapper is taken off so its content is
 * ordinary Markdown (`##` stories inside a callout become sections), and an
 * attribute list is removed (a heading's `{: #id}` becomes its `{#id}`).
 */
import { shieldCode } from './code-spans.ts';

const OPENING = /^(\s*)<([A-Za-z][\w-]*)\b[^>]*?\smarkdown\s*=\s*["']?(?:1|block|span)["']?[^>]*>(.*)$/;
const BLOCK_IAL = /^\s*\{:(?!:)[^}]*\}\s*$/;
const EXTENSION = /\{::(\w+)[^}]*\/?\}(?:[^]*?\{:\/\1?\})?/g;
const INLINE_IAL = /[ \t]*\{:(?!:)\s*([^}]*)\}/g;

/** A body without kramdown's wrappers and attribute lists, and how many attribute lists went. */
export function fromKramdown(body: string): { body: string; attributeLists: number } {
  const shielded = shieldCode(body);
  let attributeLists = 0;
  const lines = unwrapMarkdownBlocks(shielded.text.replace(EXTENSION, () => (attributeLists++, '')).split('\n'));
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (/^\s*\{:toc\}\s*$/.test(line) && /^\s*[*-]\s+TOC\s*$/.test(out.at(-1) ?? '')) out.pop();
    if (BLOCK_IAL.test(line)) {
      attributeLists++;
      // A line that only styled the paragraph above leaves no blank where it was.
      if (!(lines[i + 1] ?? '').trim() || !(out.at(-1) ?? '').trim()) return;
      out.push('');
      return;
    }
    const heading = /^\s{0,3}#{1,6}\s/.test(line);
    out.push(
      line.replace(INLINE_IAL, (_, inner: string) => {
        attributeLists++;
        const id = /^#([\w-]+)$/.exec(inner.trim());
        return heading && id ? ` {#${id[1]}}` : '';
      }),
    );
  });
  return { body: shielded.restore(out.join('\n')), attributeLists };
}

/** Takes off every `<tag markdown="1">` and its closing tag, keeping what they held, set apart by blank lines. */
function unwrapMarkdownBlocks(lines: readonly string[]): string[] {
  const out: string[] = [];
  const open: { tag: string; depth: number }[] = [];
  for (const whole of lines) {
    let line = whole;
    const m = OPENING.exec(line);
    if (m) {
      open.push({ tag: m[2]!.toLowerCase(), depth: 0 });
      out.push('');
      // What follows the opening tag on its line, `<div markdown="1">Text</div>` closing there too, is read on.
      line = m[3]!.trim();
      if (!line) continue;
    }
    const top = open.at(-1);
    if (top) {
      const opens = line.match(new RegExp(`<${top.tag}\\b`, 'gi'))?.length ?? 0;
      const closing = new RegExp(`</${top.tag}\\s*>`, 'i').exec(line);
      top.depth += opens;
      if (closing && top.depth === 0) {
        open.pop();
        const rest = (line.slice(0, closing.index) + line.slice(closing.index + closing[0].length)).trim();
        out.push(...(rest ? [rest] : []), '');
        continue;
      }
      if (closing) top.depth--;
    }
    out.push(line);
  }
  return out;
}
