import type { APIRoute, GetStaticPaths } from 'astro';
import { formatProblem } from '../diagnostics/format.ts';
import { sayFor } from '../i18n/say.ts';
import { ContentError } from '../loader/content-error.ts';
import { editionTitle } from '../model/editions.ts';
import { getEditions } from '../model/collection.ts';
import { planRedirects, redirectPage, redirectsFile } from '../render/redirects.ts';
import { getSite } from '../site/settings.ts';
import { absolute, createPaths, paths } from '../site/urls.ts';

/**
 * Old addresses of editions (`redirect_from`): a redirect page at each, and
 * `_redirects` listing them, when there are any (`src/render/redirects.ts`).
 */
export const getStaticPaths = (async () => {
  const site = getSite();
  const editions = await getEditions();
  const { redirects, problems } = planRedirects(editions, createPaths('/'));
  if (problems.length) throw new ContentError(problems.map(formatProblem));
  if (!redirects.length) return [];
  const say = sayFor(site.lang);
  const byNumber = new Map(editions.map((e) => [e.number, e]));
  const pages = redirects.map((r) => {
    const to = paths.edition(r.edition);
    const title = editionTitle(byNumber.get(r.edition)!, site.name, site.lang);
    return { params: { old: r.outputFile }, props: { body: redirectPage(to, absolute(to), title, say) } };
  });
  return [...pages, { params: { old: '_redirects' }, props: { body: redirectsFile(redirects, paths) } }];
}) satisfies GetStaticPaths;

/** A redirect page, or `_redirects`. */
export const GET: APIRoute = ({ props, params }) =>
  new Response((props as { body: string }).body, {
    headers: {
      'Content-Type': params['old'] === '_redirects' ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8',
    },
  });
