/**
 * The email's stylesheet, and its inliner. Email clients drop `<style>`
 * (Gmail's app keeps only media queries), so every rule is written into the
 * `style` attribute of the elements it matches; what only a client that
 * reads `<style>` can use (dark mode, narrow screens) stays in a `<style>`.
 *
 * The stylesheet is ours and small, so its selectors are too: a tag, a class,
 * either one after `[dir="rtl"] `, in comma lists. The cascade is CSS's: a
 * declaration with more specificity wins, then a later one, and
 * `!important` over both; the style attribute lists each property once, where
 * its winning declaration stands (what juice writes). An element's style
 * depends only on its tag, its classes and whether it sits inside
 * right-to-left text, so it is worked out once per such signature, not
 * matched rule by rule for every element (as juice does, several times slower).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { SiteSettings } from '../schemas/site.ts';

interface Selector {
  tag?: string | undefined;
  className?: string | undefined;
  /** `[dir="rtl"] …`: only inside an element marked right-to-left. */
  rtl: boolean;
  specificity: number;
}

interface Declaration {
  property: string;
  value: string;
  important: boolean;
}

interface Rule {
  selectors: Selector[];
  declarations: Declaration[];
}

const SELECTOR = /^(\[dir="rtl"\] )?(?:\.([a-z][a-z0-9-]*)|([a-z][a-z0-9]*))$/;

function selector(text: string): Selector {
  const match = SELECTOR.exec(text);
  if (!match) throw new Error(`email stylesheet: the inliner does not read the selector "${text}"`);
  const [, rtl, className, tag] = match;
  // Specificity as one number: an attribute or class counts 100, a tag 1.
  return { tag, className, rtl: Boolean(rtl), specificity: (rtl ? 100 : 0) + (className ? 100 : 1) };
}

function rule(selectors: string, declarations: string): Rule {
  return {
    selectors: selectors.split(',').map((s) => selector(s.trim())),
    declarations: declarations
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const colon = d.indexOf(':');
        const value = d.slice(colon + 1).trim();
        const important = value.endsWith('!important');
        return {
          property: d.slice(0, colon).trim(),
          value: important ? value.slice(0, -'!important'.length).trim() : value,
          important,
        };
      }),
  };
}

/** The rules written into elements, in stylesheet order. */
function inlineRules(accent: SiteSettings['accent']): Rule[] {
  return [
    rule('body', 'margin: 0; padding: 0; background: #f4f2ec'),
    rule('.wrapper', 'width: 100%; background: #f4f2ec'),
    // The layout cell around the column: no padding or border of its own, so the column keeps its width.
    rule('.wrapper-cell', 'padding: 0; border: 0'),
    // 100% up to 600 px: a phone's client that drops <style> (and its media query) still fits the column;
    // Outlook, which ignores max-width, gets a 600 px table around it (`email.ts`). A fixed layout keeps
    // content from widening the column past the screen.
    rule('.container', 'width: 100%; max-width: 600px; table-layout: fixed; background: #ffffff'),
    // Long words and URLs break rather than widen the column.
    rule(
      '.content',
      "padding: 24px 32px; font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; font-size: 16px; line-height: 1.6; color: #1c1d21; overflow-wrap: anywhere; word-break: break-word",
    ),
    rule(
      '.masthead',
      'font-size: 14px; font-weight: bold; letter-spacing: 1px; text-transform: uppercase; color: #1f3a5f',
    ),
    rule('.dateline, .web-link, .footer', 'font-size: 14px; color: #55595f'),
    rule('h1', 'font-size: 26px; line-height: 1.25; margin: 8px 0; color: #1c1d21'),
    rule('h2', 'font-size: 21px; line-height: 1.3; margin: 28px 0 8px; color: #1c1d21'),
    rule('h3, h4, h5, h6', 'font-size: 17px; margin: 20px 0 6px; color: #1c1d21'),
    rule('p', 'margin: 0 0 14px'),
    rule('a', `color: ${accent.light}`),
    rule('th, td', 'padding: 4px 8px; border: 1px solid #d9d6ce'),
    // A wide table scrolls inside the column (`email.ts` puts each content table in one).
    rule('.table-scroll', 'max-width: 100%; overflow-x: auto; margin: 0 0 14px'),
    // Code wraps inside the column: Outlook and Gmail do not scroll a <pre>.
    rule(
      'pre',
      'margin: 0 0 14px; padding: 12px; max-width: 100%; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-all; background: #f4f2ec; font-size: 14px; line-height: 1.45',
    ),
    rule('code', "font-family: ui-monospace, Menlo, Consolas, 'Courier New', monospace; font-size: 0.92em"),
    rule('.align-left', 'text-align: left'),
    rule('.align-right', 'text-align: right'),
    rule('.align-center', 'text-align: center'),
    rule('blockquote', 'margin: 0 0 14px; padding-left: 12px; border-left: 3px solid #d9d6ce; color: #55595f'),
    rule('[dir="rtl"] .masthead', 'letter-spacing: 0'),
    rule(
      '[dir="rtl"] blockquote',
      'padding-left: 0; padding-right: 12px; border-left: 0; border-right: 3px solid #d9d6ce',
    ),
    rule('img', 'max-width: 100%; height: auto'),
    rule(
      '.preheader',
      'display: none !important; visibility: hidden; mso-hide: all; font-size: 1px; line-height: 1px; max-height: 0; max-width: 0; opacity: 0; overflow: hidden',
    ),
  ];
}

/** What stays in `<style>`: dark mode and narrow screens, for the clients that read it. */
export function emailMediaCss(accent: SiteSettings['accent']): string {
  return `
@media (prefers-color-scheme: dark) {
  body, .wrapper {
    background: #111214 !important;
  }
  .container {
    background: #1b1c1f !important;
  }
  .content, h1, h2, h3, h4, h5, h6 {
    color: #e7e5e0 !important;
  }
  .masthead {
    color: #9cc2f0 !important;
  }
  .dateline, .web-link, .footer, blockquote {
    color: #a9adb3 !important;
  }
  pre {
    background: #26282c !important;
  }
  a {
    color: ${accent.dark} !important;
  }
}
@media (max-width: 620px) {
  .container {
    width: 100% !important;
  }
  .content {
    padding: 16px !important;
  }
}
`;
}

/** The inlined rules as a stylesheet, as a browser or another inliner would read them. */
export function emailInlineCss(accent: SiteSettings['accent']): string {
  return inlineRules(accent)
    .map((r) => {
      const selectors = r.selectors.map(
        (s) => `${s.rtl ? '[dir="rtl"] ' : ''}${s.className ? `.${s.className}` : (s.tag ?? '')}`,
      );
      const body = r.declarations.map((d) => `${d.property}: ${d.value}${d.important ? ' !important' : ''};`);
      return `${selectors.join(', ')} { ${body.join(' ')} }`;
    })
    .join('\n');
}

/** An element's inline style, and the attributes older email clients read instead, from its tag, classes and direction. */
interface Styled {
  style: string;
  attributes: [name: string, value: string][];
}

/** Elements whose `width` attribute email clients read, set from the CSS width. */
const WIDTH_ATTRIBUTE = new Set(['table', 'td', 'th', 'img']);
/** Table elements, whose old presentational attributes Outlook still reads… */
const TABLE_ELEMENTS = new Set(['table', 'th', 'tr', 'td', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot']);
/** …set from these properties. */
const TABLE_ATTRIBUTES: [property: string, attribute: string][] = [
  ['background-color', 'bgcolor'],
  ['background-image', 'background'],
  ['text-align', 'align'],
  ['vertical-align', 'valign'],
];

/** Styles elements by signature; one per stylesheet (the accent colours vary by site). */
export class EmailStyles {
  private readonly rules: Rule[];
  private readonly known = new Map<string, Styled>();

  constructor(accent: SiteSettings['accent']) {
    this.rules = inlineRules(accent);
  }

  /** The style of an element with this tag and these classes, inside right-to-left text or not. */
  private styleOf(tag: string, classes: readonly string[], rtl: boolean): Styled {
    const signature = `${tag} ${classes.join(' ')} ${rtl ? 'rtl' : ''}`;
    let styled = this.known.get(signature);
    if (!styled) {
      styled = this.cascade(tag, classes, rtl);
      this.known.set(signature, styled);
    }
    return styled;
  }

  /** The `style` attribute's value for the template's own elements (empty when no rule matches). */
  attribute(tag: string, classes: readonly string[], rtl: boolean): string {
    return this.styleOf(tag, classes, rtl).style;
  }

  private cascade(tag: string, classes: readonly string[], rtl: boolean): Styled {
    const matched: { declaration: Declaration; specificity: number; order: number }[] = [];
    let order = 0;
    for (const r of this.rules) {
      const specificity = Math.max(
        -1,
        ...r.selectors
          .filter((s) => (!s.rtl || rtl) && (s.tag ? s.tag === tag : classes.includes(s.className!)))
          .map((s) => s.specificity),
      );
      for (const declaration of r.declarations) {
        order++;
        if (specificity >= 0) matched.push({ declaration, specificity, order });
      }
    }
    matched.sort(
      (a, b) =>
        Number(a.declaration.important) - Number(b.declaration.important) ||
        a.specificity - b.specificity ||
        a.order - b.order,
    );
    const winners = new Map<string, string>();
    for (const { declaration } of matched) {
      winners.delete(declaration.property);
      winners.set(declaration.property, declaration.value);
    }
    const style = [...winners].map(([property, value]) => `${property}: ${value};`).join(' ');
    const attributes: Styled['attributes'] = [];
    const width = winners.get('width');
    if (width !== undefined && WIDTH_ATTRIBUTE.has(tag))
      attributes.push(['width', width.endsWith('px') ? width.slice(0, -2) : width]);
    if (TABLE_ELEMENTS.has(tag))
      for (const [property, attribute] of TABLE_ATTRIBUTES) {
        const value = winners.get(property);
        if (value !== undefined) attributes.push([attribute, value]);
      }
    return { style, attributes };
  }

  /**
   * A styled copy of a tree (the tree itself is shared and stays as it is).
   * `rtl`: whether the tree sits inside right-to-left text.
   */
  inline(tree: Root, rtl: boolean): Root {
    return { ...tree, children: tree.children.map((child) => this.copy(child, rtl)) as Root['children'] };
  }

  private copy(node: RootContent | ElementContent, rtl: boolean): RootContent | ElementContent {
    if (node.type !== 'element') return node;
    const classes = Array.isArray(node.properties['className']) ? node.properties['className'].map(String) : [];
    const { style, attributes } = this.styleOf(node.tagName, classes, rtl);
    const dir = node.properties['dir'];
    const inside = rtl || (typeof dir === 'string' && dir.toLowerCase() === 'rtl');
    const properties = { ...node.properties };
    // Sanitized content carries no style of its own; if it did, it would come last and win, as inline CSS does.
    const own = properties['style'];
    if (style) properties['style'] = typeof own === 'string' && own ? `${style} ${own}` : style;
    for (const [name, value] of attributes) properties[name] = value;
    const copy: Element = {
      ...node,
      properties,
      children: node.children.map((child) => this.copy(child, inside) as ElementContent),
    };
    return copy;
  }
}
