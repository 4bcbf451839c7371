/**
 * Old addresses that keep working: every path in an edition's
 * `redirect_from` gets a tiny page (meta refresh, canonical link, a visible
 * link for anyone the refresh does not move), and `_redirects` lists them
 * all for hosts that read one. Paths are the site's own (under its base
 * path, like every page) and never enter the sitemap. Two editions claiming
 * one path, or a path that is one of the site's own pages, stop the build.
 */
import { problem, type Problem } from '../diagnostics/problem.ts';
import type { Say } from '../i18n/say.ts';
import type { EditionSummary } from '../schemas/edition-model.ts';
import { claimedTwice, isOwnPath, ownPage, redirectFile, type SitePaths } from '../rules/old-paths.ts';
import type { createPaths } from '../site/urls.ts';
import { escapeHtml } from './escape.ts';

export { redirectFile };

/** One old address and the edition it leads to. */
export interface Redirect {
  /** The old path as the edition gives it, from the site root: `/2024/01/05/welcome.html`. */
  from: string;
  edition: number;
  /** Where the redirect page is written in the output: `2024/01/05/welcome.html`, `newsletters/5/index.html`. */
  outputFile: string;
}

/** Every redirect of the shown editions, and the problems that stop the build. */
export function planRedirects(
  editions: readonly EditionSummary[],
  root: SitePaths,
): { redirects: Redirect[]; problems: Problem[] } {
  const byFile = new Map<string, { redirect: Redirect; edition: EditionSummary }>();
  const problems: Problem[] = [];
  const ordered = [...editions].sort((a, b) => a.number - b.number);
  for (const edition of ordered) {
    for (const from of edition.redirectFrom) {
      const outputFile = redirectFile(from);
      if (isOwnPath(from, root)) {
        problems.push(problem(edition.file, undefined, 'redirect_from', ownPage(from)));
        continue;
      }
      const first = byFile.get(outputFile);
      if (first && first.edition !== edition) {
        problems.push(problem(edition.file, undefined, 'redirect_from', claimedTwice(from, first.edition)));
        continue;
      }
      if (!first) byFile.set(outputFile, { redirect: { from, edition: edition.number, outputFile }, edition });
    }
  }
  return { redirects: [...byFile.values()].map((v) => v.redirect), problems };
}

/** The page at an old address: refresh to the edition, canonical link, and a link to follow by hand. */
export function redirectPage(to: string, canonical: string, title: string, say: Say): string {
  const href = escapeHtml(to);
  return `<!doctype html>
<html lang="${escapeHtml(say.lang)}" dir="${say.strings.dir}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(say('moved'))}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeHtml(canonical)}">
<meta http-equiv="refresh" content="0; url=${href}">
</head>
<body>
<h1>${escapeHtml(say('moved'))}</h1>
<p>${escapeHtml(say('movedTo'))}: <a href="${href}">${escapeHtml(title)}</a></p>
</body>
</html>
`;
}

/** `_redirects` (Netlify, Cloudflare Pages and others): one permanent redirect per old address. */
export function redirectsFile(redirects: readonly Redirect[], paths: ReturnType<typeof createPaths>): string {
  return redirects.map((r) => `${paths.asset(r.from)} ${paths.edition(r.edition)} 301\n`).join('');
}
