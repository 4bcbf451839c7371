import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { EmailStyles } from '../../src/render/email-styles.ts';

const styles = new EmailStyles({ light: '#1d4f91', dark: '#8cb8ff' });

/** The declarations of a style attribute, in order. */
const declarations = (style: string) =>
  style
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);

/** Inlines a fragment and returns its first element of `tag`. */
function styled(html: string, tag: string, rtl = false): Element {
  const tree: Root = fromHtml(html, { fragment: true });
  let found: Element | undefined;
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (!found && child.tagName === tag) found = child;
      walk(child);
    }
  };
  walk(styles.inline(tree, rtl));
  if (!found) throw new Error(`no <${tag}> in ${html}`);
  return found;
}

describe('the email inliner', () => {
  it('lets a class win over a tag, and lists each property once, where its winner stands', () => {
    // td: padding 4px 8px and a border; .content: its own padding and the text settings.
    const cell = styles.attribute('td', ['content'], false);
    expect(declarations(cell)).toEqual([
      'border: 1px solid #d9d6ce',
      'padding: 24px 32px',
      "font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
      'font-size: 16px',
      'line-height: 1.6',
      'color: #1c1d21',
      'overflow-wrap: anywhere',
      'word-break: break-word',
    ]);
  });

  it('keeps the column within a phone and code within the column, without <style>', () => {
    expect(declarations(styles.attribute('table', ['container'], false))).toEqual(
      expect.arrayContaining(['width: 100%', 'max-width: 600px']),
    );
    expect(declarations(styles.attribute('pre', [], false))).toEqual(
      expect.arrayContaining(['white-space: pre-wrap', 'overflow-wrap: anywhere', 'max-width: 100%']),
    );
    expect(declarations(styles.attribute('div', ['table-scroll'], false))).toEqual(
      expect.arrayContaining(['overflow-x: auto', 'max-width: 100%']),
    );
  });

  it('puts an !important declaration last, over everything else, so the preheader stays hidden', () => {
    expect(declarations(styles.attribute('div', ['preheader'], false)).at(-1)).toBe('display: none');
  });

  it('styles links with the site accent and paragraphs with their margin', () => {
    expect(styles.attribute('a', [], false)).toBe('color: #1d4f91;');
    expect(styles.attribute('p', [], false)).toBe('margin: 0 0 14px;');
    expect(styles.attribute('span', [], false)).toBe('');
    expect(new EmailStyles({ light: '#aa0000', dark: '#ff8888' }).attribute('a', [], false)).toBe('color: #aa0000;');
  });

  it('draws a quote’s rule on the right in right-to-left text, also inside a dir="rtl" block of a left-to-right email', () => {
    expect(styled('<blockquote><p>q</p></blockquote>', 'blockquote').properties['style']).toContain(
      'border-left: 3px solid #d9d6ce',
    );
    const inRtlEmail = String(styled('<blockquote><p>q</p></blockquote>', 'blockquote', true).properties['style']);
    expect(inRtlEmail).toContain('border-right: 3px solid #d9d6ce');
    expect(inRtlEmail).toContain('border-left: 0');
    const inRtlBlock = String(
      styled('<div dir="RTL"><blockquote><p>q</p></blockquote></div>', 'blockquote').properties['style'],
    );
    expect(inRtlBlock).toContain('border-right: 3px solid #d9d6ce');
    // The element's own dir does not put it inside right-to-left text.
    expect(styled('<blockquote dir="rtl"><p>q</p></blockquote>', 'blockquote').properties['style']).toContain(
      'border-left: 3px solid #d9d6ce',
    );
  });

  it('gives aligned table cells the align attribute Outlook reads', () => {
    const cell = styled('<table><tr><td class="align-right">1</td></tr></table>', 'td');
    expect(cell.properties['align']).toBe('right');
    expect(cell.properties['style']).toContain('text-align: right');
    expect(styled('<table><tr><td>1</td></tr></table>', 'td').properties['align']).toBeUndefined();
  });

  it('styles a copy and leaves the shared tree as it was', () => {
    const tree: Root = fromHtml('<h2>Title</h2><p>Text <a href="https://example.org/">link</a></p>', {
      fragment: true,
    });
    const before = toHtml(tree);
    const after = toHtml(styles.inline(tree, false));
    expect(toHtml(tree)).toBe(before);
    expect(after).toBe(
      '<h2 style="font-size: 21px; line-height: 1.3; margin: 28px 0 8px; color: #1c1d21;">Title</h2>' +
        '<p style="margin: 0 0 14px;">Text <a href="https://example.org/" style="color: #1d4f91;">link</a></p>',
    );
  });
});
