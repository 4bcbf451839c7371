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

  it('writes a link that shows its own address once, without a [n] that repeats it', () => {
    const { text: out, refs } = text(
      '<p>See <a href="https://example.org/release">https://example.org/release</a>, <a href="http://www.example.org">www.example.org</a> and <a href="https://example.org/other">the other</a>.</p>',
    );
    expect(out).toBe('See https://example.org/release, www.example.org and the other [1].');
    expect(refs).toEqual(['https://example.org/other']);
  });

  it('writes a table too wide for a phone row by row, each cell under its header, no line past 78 columns', () => {
    const heads = Array.from({ length: 15 }, (_, i) => `<th>column ${i + 1}</th>`).join('');
    const cells = (row: number) => Array.from({ length: 15 }, (_, i) => `<td>r${row}c${i + 1}</td>`).join('');
    const { text: out } = text(
      `<table><thead><tr>${heads}</tr></thead><tbody><tr>${cells(1)}</tr><tr>${cells(2)}</tr></tbody></table>`,
    );
    const lines = out.split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(78);
    expect(lines.slice(0, 3)).toEqual(['column 1: r1c1', 'column 2: r1c2', 'column 3: r1c3']);
    expect(lines.slice(14, 18)).toEqual(['column 15: r1c15', '', 'column 1: r2c1', 'column 2: r2c2']);
    expect(lines).toHaveLength(31);
  });

  it('writes tables as rows of aligned columns, a rule under the header, numbers to the right', () => {
    const { text: out } = text(
      '<table><thead><tr><th>model</th><th class="align-right">tokens/s</th><th>notes</th></tr></thead><tbody>' +
        '<tr><td>Qwen3-235B</td><td class="align-right">12.4</td><td>io_uring</td></tr>' +
        '<tr><td>Nano</td><td class="align-right">141.0</td><td></td></tr>' +
        '<tr><td>日本語</td><td class="align-right">9</td><td>wide</td></tr></tbody></table>',
    );
    expect(out.split('\n')).toEqual([
      'model      | tokens/s | notes',
      '-----------|----------|---------',
      'Qwen3-235B |     12.4 | io_uring',
      'Nano       |    141.0 |',
      '日本語     |        9 | wide',
    ]);
  });

  it('underlines a heading as wide as it shows: a CJK character takes two columns of a fixed-width font', () => {
    expect(text('<h2>Flash-MoE</h2>').text).toBe('Flash-MoE\n=========');
    expect(text('<h3>日本語の話</h3>').text).toBe('日本語の話\n----------');
  });

  it('indents code by four spaces and keeps every character of it', () => {
    const { text: out } = text('<p>Run:</p><pre><code>if a &lt; b {\n\n  go()\n}\n</code></pre>');
    expect(out).toBe('Run:\n\n    if a < b {\n\n      go()\n    }');
  });

  it('survives nesting far deeper than the edition format allows', () => {
    const deep = `${'<blockquote>'.repeat(300)}deep${'</blockquote>'.repeat(300)}`;
    expect(text(deep).text).toContain('deep');
  });
});
