/** Small rewrites of rendered edition HTML for places other than its own page. */

/** Points in-page links (`href="#id"`) at the edition's page, for HTML shown elsewhere (home page, feeds). */
export function rebaseFragments(html: string, editionPath: string): string {
  return html.replace(/href="#/g, `href="${editionPath}#`);
}

/** Makes every relative `href` and `src` absolute against the page's absolute URL, for feeds and email. */
export function absolutizeUrls(html: string, pageUrl: string): string {
  return html.replace(/\b(href|src)="([^"]*)"/g, (whole, attr: string, value: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return whole;
    return `${attr}="${new URL(value.replace(/&#x26;|&amp;/g, '&'), pageUrl).href.replace(/&/g, '&#x26;')}"`;
  });
}

/** Removes the heading permalinks (`a.anchor`), which mean nothing outside the web page. */
export function stripPermalinks(html: string): string {
  return html.replace(/<a class="anchor"[^>]*>.*?<\/a>/g, '');
}
