/**
 * Raw HTML is parsed only in editions that have some (`rehype-raw-where-written.ts`):
 * an edition's Markdown renders to the same HTML whether or not raw HTML appears
 * elsewhere in it.
 */
import { describe, expect, it } from 'vitest';
import { compile, edition } from '../support/compile.ts';

/** The HTML of the story holding `markdown`, in an edition with or without raw HTML in its intro. */
function storyHtml(markdown: string, rawInIntro: boolean): string {
  const intro = rawInIntro ? 'Press <kbd>Ctrl</kbd> to start.' : 'Press Ctrl to start.';
  const result = compile(edition('edition: 2\ndate: 2026-03-22', `${intro}\n\n## A story {#story}\n\n${markdown}\n`));
  expect(result.lines).toBe('');
  return result.edition!.sections[0]!.html;
}

describe('an edition without raw HTML', () => {
  it.each([
    ['a code block that starts with a blank line', '```\n\nfirst line after the blank\n```'],
    ['an indented code block', '    code\n    more'],
    ['a table, lists and a quote', '| a | b |\n| -: | --- |\n| 1 | 2 |\n\n- one\n  - two\n\n> quoted\n> > deeper'],
    ['text with entities and a hard break', 'Fish &amp; chips &lt;3  \nnext line &copy; "quoted"'],
  ])('renders %s as an edition with raw HTML does', (_, markdown) => {
    expect(storyHtml(markdown, false)).toBe(storyHtml(markdown, true));
  });

  it('drops a code block’s leading newline, as the HTML parser does when raw HTML is present', () => {
    expect(storyHtml('```\n\nafter\n```', false)).toContain('<pre><code>after\n</code></pre>');
  });
});
