/**
 * The edition to send and its two email files: `dist/editions/<n>/email.*`
 * byte for byte when the build published it, else rendered from `content/`
 * as `npm run build` would (with `SITE_URL` and `BASE_PATH`), which is also
 * how drafts and editions still scheduled are read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../../src/diagnostics/format.ts';
import { loadContent } from '../../src/loader/load-content.ts';
import type { Edition } from '../../src/schemas/edition-model.ts';
import type { SiteSettings } from '../../src/schemas/site.ts';
import { SendFailure } from './http.ts';

/** An edition with the email files it is sent as. */
export interface EditionEmail {
  edition: Edition;
  html: string;
  text: string;
  /** Where the files came from: the built site, or rendered now. */
  source: 'dist' | 'content';
}

/** Every edition of the folder, refusing nothing yet; `broken` are the numbers whose file has an error. */
export async function loadAll(site: SiteSettings, dir: string) {
  const result = await loadContent({
    root: process.cwd(),
    dir,
    settings: { timeZone: site.timeZone, lang: site.lang, base: site.base },
  });
  return result;
}

/** The email files of one edition: from `dist` when both are there and it is no draft, else rendered. */
export async function emailOf(edition: Edition, site: SiteSettings, dist: string): Promise<EditionEmail> {
  const folder = join(dist, 'editions', String(edition.number));
  const files = [join(folder, 'email.html'), join(folder, 'email.txt')] as const;
  if (!edition.draft && files.every((f) => existsSync(f))) {
    try {
      return { edition, html: readFileSync(files[0], 'utf8'), text: readFileSync(files[1], 'utf8'), source: 'dist' };
    } catch (error) {
      throw new SendFailure(
        `cannot read ${files[0]} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
  }
  // Loaded here, after the settings were checked: the URL builder reads them when it loads.
  const { emailHtml, emailText } = await import('../../src/render/email.ts');
  return { edition, html: emailHtml(edition, site), text: emailText(edition, site), source: 'content' };
}

/** The edition numbered `n`, or a `SendFailure` saying why it cannot be sent (missing, or failing `npm run check`). */
export function pickEdition(result: Awaited<ReturnType<typeof loadAll>>, n: number, dir: string): Edition {
  const edition = result.editions.find((e) => e.number === n);
  const errors = result.problems.filter((p) => p.severity === 'error' && (!edition || p.file === edition.file));
  if (edition && errors.length === 0) return edition;
  if (edition)
    throw new SendFailure(
      `edition ${n} does not pass \`npm run check\`; fix it first: ${formatProblem(errors[0]!)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
    );
  const broken = errors.length > 0;
  throw new SendFailure(
    `no edition ${n} in ${dir}${broken ? ' that passes `npm run check` (run it for the problems)' : ''}`,
  );
}
