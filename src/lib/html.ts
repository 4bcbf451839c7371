/** Small rewrites of rendered edition HTML for places other than its own page. */

/** Points in-page links (`href="#id"`) at the edition's page, for HTML shown elsewhere (home page, feeds). */
export function rebaseFragments(html: string, editionPath: string): string {
  return html.replace(/href="#/g, `href="${editionPath}#`);
}
