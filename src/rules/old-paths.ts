/**
 * Old addresses (`redirect_from`) as the output has them: the file that
 * answers a path, so `/old/5/` and `/old/5` are known to be one address,
 * and whether a path is one of the site's own, which no old address may be.
 */

/** What `isOwnPath` asks of the URL builder (`site/urls.ts`, `createPaths`). */
export interface SitePaths {
  home(): string;
  archive(): string;
  topics(): string;
  search(): string;
  feed(kind: 'rss' | 'atom' | 'json'): string;
  sitemap(): string;
  socialImage(): string;
  asset(path: string): string;
}

/** The output file answering a path: itself when it names a file (`.html`), else the folder's `index.html`. */
export function redirectFile(path: string): string {
  const inner = path.replace(/^\/+/, '');
  if (/\.html?$/i.test(inner)) return inner;
  return `${inner.replace(/\/*$/, '/')}index.html`;
}

/** The problem message for an old address a second edition claims. */
export function claimedTwice(path: string, first: { number: number; file: string }): string {
  return `${path} is also an old address of edition ${first.number} (${first.file}); expected each old address in one edition`;
}

/** The problem message for an old address that is one of the site's own pages. */
export function ownPage(path: string): string {
  return `${path} is one of the site's own pages; expected an old address the site does not use`;
}

/** Paths the site itself publishes or reserves, from the URL builder at the site root. */
export function isOwnPath(path: string, root: SitePaths): boolean {
  const folders = [root.archive(), root.topics(), root.asset('pagefind/'), root.asset('_astro/')];
  const files = [
    root.home(),
    root.search(),
    root.feed('rss'),
    root.feed('atom'),
    root.feed('json'),
    root.sitemap(),
    root.socialImage(),
    root.asset('robots.txt'),
    root.asset('theme.css'),
    root.asset('404.html'),
    root.asset('_redirects'),
    root.asset('_headers'),
  ];
  const file = `/${redirectFile(path)}`;
  return (
    folders.some((folder) => path.startsWith(folder) || `${path}/` === folder) ||
    files.some((own) => own === path || `/${redirectFile(own)}` === file) ||
    /^\/sitemap-\d+\.xml$/.test(path)
  );
}
