/**
 * The email edition: an HTML email (one 600 px column, CSS inlined by juice,
 * absolute URLs, no script, a preheader, dark-mode colours) and its plain-text
 * twin with numbered link references. Both from the same edition model and
 * content as the web page and feeds.
 */
import type { ElementContent } from 'hast';
import { sayFor } from '../i18n/say.ts';
import juice from 'juice';
import type { Edition } from '../schemas/edition-model.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { editionContentHtml, editionContentTree, editionDateline } from './edition-content.ts';
import { escapeHtml } from './escape.ts';
import { editionTitle } from '../model/editions.ts';
import { plainText } from './plain-text.ts';
import { absolute, paths } from '../site/urls.ts';
import { subscribeFooterHtml, subscribeFooterText } from './subscribe-email.ts';

/** The email's stylesheet, with the site's accent colours for links. */
const css = (accent: SiteSettings['accent']) => `
body { margin: 0; padding: 0; background: #f4f2ec; }
.wrapper { width: 100%; background: #f4f2ec; }
.container { width: 600px; max-width: 600px; background: #ffffff; }
.content { padding: 24px 32px; font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; font-size: 16px; line-height: 1.6; color: #1c1d21; }
.masthead { font-size: 14px; font-weight: bold; letter-spacing: 1px; text-transform: uppercase; color: #1f3a5f; }
.dateline, .web-link, .footer { font-size: 14px; color: #55595f; }
h1 { font-size: 26px; line-height: 1.25; margin: 8px 0; color: #1c1d21; }
h2 { font-size: 21px; line-height: 1.3; margin: 28px 0 8px; color: #1c1d21; }
h3, h4, h5, h6 { font-size: 17px; margin: 20px 0 6px; color: #1c1d21; }
p { margin: 0 0 14px; }
a { color: ${accent.light}; }
th, td { padding: 4px 8px; border: 1px solid #d9d6ce; }
.align-left { text-align: left; }
.align-right { text-align: right; }
.align-center { text-align: center; }
blockquote { margin: 0 0 14px; padding-left: 12px; border-left: 3px solid #d9d6ce; color: #55595f; }
[dir="rtl"] .masthead { letter-spacing: 0; }
[dir="rtl"] blockquote { padding-left: 0; padding-right: 12px; border-left: 0; border-right: 3px solid #d9d6ce; }
img { max-width: 100%; height: auto; }
.preheader { display: none !important; visibility: hidden; mso-hide: all; font-size: 1px; line-height: 1px; max-height: 0; max-width: 0; opacity: 0; overflow: hidden; }
@media (prefers-color-scheme: dark) {
  body, .wrapper { background: #111214 !important; }
  .container { background: #1b1c1f !important; }
  .content, h1, h2, h3, h4, h5, h6 { color: #e7e5e0 !important; }
  .masthead { color: #9cc2f0 !important; }
  .dateline, .web-link, .footer, blockquote { color: #a9adb3 !important; }
  a { color: ${accent.dark} !important; }
}
@media (max-width: 620px) {
  .container { width: 100% !important; }
  .content { padding: 16px !important; }
}`;

/** The HTML email, ready to paste into an email service. */
export function emailHtml(edition: Edition, site: SiteSettings): string {
  const say = sayFor(site.lang);
  const dir = say.strings.dir;
  const title = editionTitle(edition, site.name, site.lang);
  const web = absolute(paths.edition(edition.number));
  const footer = site.footer ?? say('footer', { name: site.name, publisher: site.publisher });
  const html = `<!doctype html>
<html lang="${escapeHtml(site.lang)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${css(site.accent)}</style>
</head>
<body dir="${dir}">
<div class="preheader">${escapeHtml(edition.description)}</div>
<table role="presentation" class="wrapper" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="center">
<table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0" border="0" dir="${dir}"><tr><td class="content">
<p class="masthead">${escapeHtml(site.name)}</p>
<h1>${escapeHtml(title)}</h1>
<p class="dateline">${escapeHtml(editionDateline(edition, site))}</p>
<p class="web-link"><a href="${escapeHtml(web)}">${escapeHtml(say('readOnWeb'))}</a></p>
${editionContentHtml(edition, site)}
<p class="footer">${escapeHtml(footer)} <a href="${escapeHtml(web)}">${escapeHtml(say('readThisOnWeb'))}</a> · <a href="${escapeHtml(absolute(paths.archive()))}">${escapeHtml(say('everyEditionLink'))}</a>. ${subscribeFooterHtml(escapeHtml)}</p>
</td></tr></table>
</td></tr></table>
</body>
</html>
`;
  return juice(html, {
    preserveMediaQueries: true,
    removeStyleTags: true,
    applyWidthAttributes: true,
    applyHeightAttributes: false,
  });
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
  const footer = site.footer ?? say('footer', { name: site.name, publisher: site.publisher });
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
${subscribeFooterText()}
`;
}
