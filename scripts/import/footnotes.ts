/**
 * Footnotes, which the edition format does not have (`docs/edition-format.md`,
 * "Markdown flavour"), written as what a reader of the old post saw: a
 * superscript number where each mark was (`<sup>1</sup>`), and the notes,
 * numbered the same, at the end of the edition. Two spellings are read:
 * Markdown's (kramdown, pandoc, GitHub: `[^1]` and `[^1]: the note`), and
 * the links an HTML export leaves (Substack: `[1](#footnote-1)` in the text,
 * `[1](#footnote-anchor-1)` before the note). Code keeps its brackets.
 */
import { shieldCode } from './code-spans.ts';

/** `[^label]: the note`, and its indented lines after it. */
const DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*(?:\n(?: {4}|\t).*)*)\n?/gm;
/** A mark in the text. */
const MARK = /\[\^([^\]\s]+)\](?!:)/g;
/** Substack's (and other HTML exports') footnote links, a mark or the link back from its note. */
const FOOTNOTE_LINK = /\[(\d+)\]\(#footnote-(?:anchor-)?\d+\)/g;

/** A body with its footnotes as numbered notes at its end, and how many notes there were. */
export function footnotesAsText(body: string): { body: string; count: number } {
  if (!/\[\^|\(#footnote-/.test(body)) return { body, count: 0 };
  const shielded = shieldCode(body);
  let text = shielded.text.replace(FOOTNOTE_LINK, (_, n: string) => `<sup>${n}</sup>`);
  const notes = new Map<string, string>();
  text = text.replace(DEFINITION, (_, label: string, note: string) => {
    notes.set(label, note.replace(/\n(?: {4}|\t)/g, '\n').trim());
    return '';
  });
  const numbers = new Map<string, number>();
  text = text.replace(MARK, (mark: string, label: string) => {
    if (!notes.has(label)) return mark;
    if (!numbers.has(label)) numbers.set(label, numbers.size + 1);
    return `<sup>${numbers.get(label)}</sup>`;
  });
  // A note nothing marks still reads as a note, after the others.
  for (const label of notes.keys()) if (!numbers.has(label)) numbers.set(label, numbers.size + 1);
  const written = [...numbers].map(([label, n]) => `<sup>${n}</sup> ${notes.get(label)}`);
  const out = written.length ? `${text.replace(/\s+$/, '')}\n\n---\n\n${written.join('\n\n')}\n` : text;
  return { body: shielded.restore(out), count: notes.size };
}
