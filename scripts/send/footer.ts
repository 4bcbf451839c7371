/**
 * What a service needs added to the built email, and nothing else: its
 * unsubscribe placeholder as a last footer line in the site's language,
 * styled like the footer above it, and its template escaping.
 */
import { escapeHtml } from '../../src/render/escape.ts';
import { sayFor } from '../../src/i18n/say.ts';
import type { Unsubscribe } from './providers/module.ts';

const FOOTER = /<p class="footer"[^>]*>/;

/** The HTML with the unsubscribe line after its footer paragraph (or before `</body>` when it has none). */
export function withUnsubscribeHtml(html: string, unsubscribe: Unsubscribe, lang: string): string {
  const say = sayFor(lang);
  const open = FOOTER.exec(html);
  const linkStyle = open ? (/<a [^>]*?( style="[^"]*")/.exec(html.slice(open.index))?.[1] ?? '') : '';
  const line = `${open?.[0] ?? '<p>'}<a href="${escapeHtml(unsubscribe.placeholder)}"${linkStyle}>${escapeHtml(say('unsubscribe'))}</a></p>\n`;
  if (open) {
    const end = html.indexOf('</p>\n', open.index);
    if (end !== -1) return `${html.slice(0, end + 5)}${line}${html.slice(end + 5)}`;
  }
  const body = html.lastIndexOf('</body>');
  return body === -1 ? `${html}${line}` : `${html.slice(0, body)}${line}${html.slice(body)}`;
}

/** The plain text with the unsubscribe line at its end. */
export function withUnsubscribeText(text: string, unsubscribe: Unsubscribe, lang: string): string {
  return `${text.endsWith('\n') ? text : `${text}\n`}${sayFor(lang)('unsubscribeAt', { url: unsubscribe.placeholder })}\n`;
}
