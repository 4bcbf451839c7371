/** Compiling small editions from strings in unit tests. */
import { compileEdition } from '../../src/loader/compile-edition.ts';
import { formatProblem } from '../../src/diagnostics/format.ts';

export const SETTINGS = { timeZone: 'America/New_York', lang: 'en-US' };
export const FILE = 'content/editions/2026-03-22-edition-2.md';

/** Compiles an edition given as text; returns the result and its problems as printed lines. */
export function compile(text: string | Uint8Array) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const result = compileEdition(FILE, bytes, SETTINGS);
  return { ...result, lines: result.problems.map(formatProblem).join('\n') };
}

/** A valid edition file with the given front matter lines and body. */
export function edition(frontMatter: string, body = 'An intro.\n\n## A story {#story}\n\nText.\n'): string {
  return `---\n${frontMatter.trim()}\n---\n\n${body}`;
}
