import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/diagnostics/format.ts';
import { sayFor } from '../../src/i18n/say.ts';
import { planRedirects, redirectFile, redirectPage, redirectsFile } from '../../src/render/redirects.ts';
import type { Edition } from '../../src/schemas/edition-model.ts';
import { createPaths } from '../../src/site/urls.ts';

function edition(number: number, redirectFrom: string[]): Edition {
  return {
    number,
    file: `content/editions/e${number}.md`,
    date: '2026-01-05T00:00:00-05:00',
    hasTime: false,
    headline: null,
    description: '',
    descriptionGiven: false,
    draft: false,
    introHtml: '',
    sections: [],
    threads: [],
    redirectFrom,
  };
}

const root = createPaths('/');

describe('redirects at old addresses', () => {
  it('writes a folder address as its index.html and a file address as itself', () => {
    expect(redirectFile('/en/newsletters/2026/08/21/')).toBe('en/newsletters/2026/08/21/index.html');
    expect(redirectFile('/p/inference-costs')).toBe('p/inference-costs/index.html');
    expect(redirectFile('/2020/twir-20.html')).toBe('2020/twir-20.html');
  });

  it('is an error for two editions claiming one address, and for an address that is a page of the site', () => {
    const { redirects, problems } = planRedirects(
      [edition(1, ['/old/a/', '/editions/2/', '/rss.xml']), edition(2, ['/old/a', '/topics/x/', '/old/b/'])],
      root,
    );
    expect(redirects.map((r) => [r.from, r.edition])).toEqual([
      ['/old/a/', 1],
      ['/old/b/', 2],
    ]);
    expect(problems.map(formatProblem)).toEqual([
      "content/editions/e1.md  redirect_from: /editions/2/ is one of the site's own pages; expected an old address the site does not use",
      "content/editions/e1.md  redirect_from: /rss.xml is one of the site's own pages; expected an old address the site does not use",
      'content/editions/e2.md  redirect_from: /old/a is also an old address of edition 1 (content/editions/e1.md); expected each old address in one edition',
      "content/editions/e2.md  redirect_from: /topics/x/ is one of the site's own pages; expected an old address the site does not use",
    ]);
  });

  it('lists every redirect in _redirects, under the base path', () => {
    const { redirects } = planRedirects([edition(0, ['/en/newsletters/2018/06/08/'])], root);
    expect(redirectsFile(redirects, createPaths('/newsletter/'))).toBe(
      '/newsletter/en/newsletters/2018/06/08/ /newsletter/editions/0/ 301\n',
    );
  });

  it('is a page with a refresh, a canonical link and a visible link, in the site language, never indexed', () => {
    const html = redirectPage('/editions/0/', 'https://example.org/editions/0/', 'Newsletter #0 <b>', sayFor('de'));
    expect(html).toContain('<html lang="de" dir="ltr">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/editions/0/">');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/editions/0/">');
    expect(html).toContain('<h1>Diese Seite ist umgezogen</h1>');
    expect(html).toContain('<p>Sie ist jetzt hier: <a href="/editions/0/">Newsletter #0 &lt;b&gt;</a></p>');
  });
});
