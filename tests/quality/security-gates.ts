/** Gates for the security policy: the CSP on every page, and no inline script it would have to allow. */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import * as cheerio from 'cheerio';
import { allFiles } from '../support/html.ts';

/** Pages (not emails) of a folder that lack a Content-Security-Policy without 'unsafe-inline', or that carry inline script. */
export function securityProblems(dir: string): string[] {
  const problems: string[] = [];
  for (const file of allFiles(dir).filter((f) => f.endsWith('.html') && !f.endsWith('email.html'))) {
    const $ = cheerio.load(readFileSync(file, 'utf8'));
    const name = relative(dir, file);
    const csp = $('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
    if (!csp) problems.push(`${name}: no Content-Security-Policy`);
    if (/unsafe-inline/.test(csp)) problems.push(`${name}: the policy allows inline script or style`);
    $('script:not([src]):not([type="application/ld+json"])').each(() => void problems.push(`${name}: inline <script>`));
    $('[style]').each(
      (_, el) => void problems.push(`${name}: inline style on <${(el as { tagName?: string }).tagName}>`),
    );
    $('style').each(() => void problems.push(`${name}: inline <style>`));
  }
  return problems;
}
