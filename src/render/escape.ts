/** The one escaper for HTML and XML text and attribute values written by hand (emails, feeds). */

/** Characters XML 1.0 cannot hold at all, not even escaped: one of them makes a feed reader reject the whole feed. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text or an attribute value, escaped for HTML and XML alike, without the characters XML forbids. */
export function escapeHtml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
