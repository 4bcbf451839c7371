import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/render/plain-text.ts';

const text = (html: string) => plainText(fromHtml(html, { fragment: true }).children as ElementContent[]);

describe('the plain-text email body', () => {
  it('quotes a blockquote with "> ", nested quotes twice', () => {
    const { text: out } = text(
      '<blockquote><p>It works.</p><blockquote><p>Really?</p></blockquote><p>Yes.</p></blockquote>',
    );
    expect(out).toBe('> It works.\n>\n> > Really?\n>\n> Yes.');
  });

  it('keeps list markers, the start number and nested lists indented under their item', () => {
    const { text: out } = text('<ol start="3"><li><p>Three</p><ul><li>a</li><li>b</li></ul></li><li>Four</li></ol>');
    expect(out).toBe('3. Three\n\n   - a\n   - b\n4. Four');
  });

  it('numbers each link target once and keeps mailto addresses in the text', () => {
    const { text: out, refs } = text(
      '<p><a href="https://a.example/">A</a>, <a href="https://a.example/">again</a>, <a href="mailto:x@example.org">x@example.org</a></p>',
    );
    expect(out).toBe('A [1], again [1], x@example.org');
    expect(refs).toEqual(['https://a.example/']);
  });

  it('writes tables as rows of cells and keeps code exactly', () => {
    const { text: out } = text(
      '<table><thead><tr><th>k</th><th>v</th></tr></thead><tbody><tr><td>a</td><td>1</td></tr></tbody></table><pre><code>if a &lt; b {\n  go()\n}\n</code></pre>',
    );
    expect(out).toBe('k | v\na | 1\n\nif a < b {\n  go()\n}');
  });

  it('survives nesting far deeper than the edition format allows', () => {
    const deep = `${'<blockquote>'.repeat(300)}deep${'</blockquote>'.repeat(300)}`;
    expect(text(deep).text).toContain('deep');
  });
});
