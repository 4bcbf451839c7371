/**
 * Code is code: before a template language (Jekyll's Liquid, Hugo's
 * shortcodes) or kramdown's syntax is taken out of a body, its fenced code
 * blocks and inline code spans are swapped for placeholders, so Rust's
 * `{:?}` and `{{}}` reach readers exactly as written.
 */

const FENCE = /^[ \t>]*(`{3,}|~{3,})(.*)$/;
/** Private-use characters no archive writes: placeholders survive Liquid, Markdown and HTML untouched. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

/** A body with its code swapped out, and the way to put it back. */
export interface Shielded {
  text: string;
  restore: (text: string) => string;
}

/** Swaps fenced code blocks and inline code spans for placeholders; `clean` is applied to each piece of code. */
export function shieldCode(body: string, clean: (code: string) => string = (code) => code): Shielded {
  const pieces: string[] = [];
  const hold = (code: string) => `${OPEN}${pieces.push(clean(code)) - 1}${CLOSE}`;
  const out: string[] = [];
  let fence: { char: string; length: number; lines: string[] } | undefined;
  for (const line of body.split('\n')) {
    const f = FENCE.exec(line);
    if (fence) {
      fence.lines.push(line);
      if (f && f[1]![0] === fence.char && f[1]!.length >= fence.length && !f[2]!.trim()) {
        out.push(hold(fence.lines.join('\n')));
        fence = undefined;
      }
      continue;
    }
    if (f && !(f[1]![0] === '`' && f[2]!.includes('`'))) {
      fence = { char: f[1]![0]!, length: f[1]!.length, lines: [line] };
      continue;
    }
    out.push(line.replace(/(`+)(?!`)[^\n]*?[^`]\1(?!`)|(`+)[^`\n]\2(?!`)/g, (span) => hold(span)));
  }
  // An unclosed fence runs to the end of the body, as CommonMark reads it.
  if (fence) out.push(hold(fence.lines.join('\n')));
  const text = out.join('\n');
  return {
    text,
    restore: (rendered) => rendered.replace(PLACEHOLDER, (_, i: string) => pieces[Number(i)] ?? ''),
  };
}
