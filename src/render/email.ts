/**
 * The email edition: an HTML email (one column of 600 px at most, CSS inlined (`email-styles.ts`),
 * absolute URLs, no script, a preheader, dark-mode colours) and its plain-text
 * twin with numbered link references. Both from the same edition model and
 * content as the web page and feeds.
 */
import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { footerLine, sayFor } from '../i18n/say.ts';
import { toHtml } from 'hast-util-to-html';
import type { Edition } from '../schemas/edition-model.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { emailMediaCss, EmailStyles } from './email-styles.ts';
import { editionContentTree, editionDateline } from './edition-content.ts';
import { escapeHtml } from './escape.ts';
import { editionTitle } from '../model/editions.ts';
import { plainText } from './plain-text.ts';
import { absolute, paths } from '../site/urls.ts';
import { subscribeFooterHtml, subscribeFooterText } from './subscribe-email.ts';

// One inliner per stylesheet; the accent colours are the only part that varies by site.
const stylesFor = new WeakMap<SiteSettings['accent'], EmailStyles>();

function emailStyles(accent: SiteSettings['accent']): EmailStyles {
  let styles = stylesFor.get(accent);
  if (!styles) stylesFor.set(accent, (styles = new EmailStyles(accent)));
  return styles;
}

/**
 * Each table of a styled copy of the content (changed in place) inside a
 * `<div class="table-scroll">`, so a wide table scrolls within the column
 * instead of widening it. `css` is the box's inline style.
 */
function scrollingTables(tree: Root, css: string): Root {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'table' || !parent || index === undefined) return;
    parent.children[index] = {
      type: 'element',
      tagName: 'div',
      properties: { className: ['table-scroll'], ...(css ? { style: css } : {}) },
      children: [node],
    };
    return SKIP;
  });
  return tree;
}

/** The HTML email, ready to paste into an email service. */
export function emailHtml(edition: Edition, site: SiteSettings): string {
  const say = sayFor(site.lang);
  const dir = say.strings.dir;
  const rtl = dir === 'rtl';
  const styles = emailStyles(site.accent);
  // ` style="…"` for one of the template's elements, as the stylesheet styles it.
  const style = (tag: string, ...classes: string[]) => {
    const css = styles.attribute(tag, classes, rtl);
    return css ? ` style="${escapeHtml(css)}"` : '';
  };
  const title = editionTitle(edition, site.name, site.lang);
  const web = absolute(paths.edition(edition.number));
  const footer = footerLine(site);
  const inlined = styles.inline(editionContentTree(edition, site), rtl);
  const content = toHtml(scrollingTables(inlined, styles.attribute('div', ['table-scroll'], rtl)));
  const link = (href: string, text: string) => `<a href="${escapeHtml(href)}"${style('a')}>${escapeHtml(text)}</a>`;
  return `<!doctype html>
<html lang="${escapeHtml(site.lang)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${emailMediaCss(site.accent)}</style>
</head>
<body dir="${dir}"${style('body')}>
<div class="preheader"${style('div', 'preheader')}>${escapeHtml(edition.description)}</div>
<table role="presentation" class="wrapper" width="100%" cellpadding="0" cellspacing="0" border="0"${style('table', 'wrapper')}><tr><td align="center" class="wrapper-cell"${style('td', 'wrapper-cell')}>
<!--[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" class="container" width="100%" cellpadding="0" cellspacing="0" border="0" dir="${dir}"${style('table', 'container')}><tr><td class="content"${style('td', 'content')}>
<p class="masthead"${style('p', 'masthead')}>${escapeHtml(site.name)}</p>
<h1${style('h1')}>${escapeHtml(title)}</h1>
<p class="dateline"${style('p', 'dateline')}>${escapeHtml(editionDateline(edition, site))}</p>
<p class="web-link"${style('p', 'web-link')}>${link(web, say('readOnWeb'))}</p>
${content}
<p class="footer"${style('p', 'footer')}>${escapeHtml(footer)} ${link(web, say('readThisOnWeb'))} · ${link(absolute(paths.archive()), say('everyEditionLink'))}. ${subscribeFooterHtml(say, escapeHtml, link)}</p>
</td></tr></table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr></table>
</body>
</html>
`;
}

/** The plain-text email: every section, discussion figures, and links as numbered references. */
export function emailText(edition: Edition, site: SiteSettings): string {
  const say = sayFor(site.lang);
  const web = absolute(paths.edition(edition.number));
  const tree = editionContentTree(edition, site);
  const { text: body, refs } = plainText(tree.children as ElementContent[], {
    video: (n) => say('video', { n: String(n) }),
    audio: (n) => say('audio', { n: String(n) }),
  });
  const footer = footerLine(site);
  const links = refs.map((url, i) => `[${i + 1}] ${url}`).join('\n');
  return `${site.name}
${editionTitle(edition, site.name, site.lang)}
${editionDateline(edition, site)}
${say('readOnWeb')}: ${web}

${body}

${say('links')}
${links}

--
${footer} ${say('everyEditionAt', { url: absolute(paths.archive()) })}
${subscribeFooterText(say)}
`;
}
