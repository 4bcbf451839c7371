// Issue 14, "a visible way to subscribe": the fixture editions built with a listmonk form (SITE_CONFIG) and without one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlErrors } from '../quality/static-gates.ts';
import { securityProblems } from '../quality/security-gates.ts';
import { page } from '../support/html.ts';
import { distOf, SITES } from './sites.ts';

const withForm = distOf(SITES.subscribe);
const withoutForm = distOf(SITES.fixture);
const PAGES = ['/', '/editions/', '/editions/1/'];
const LISTS = ['0b2e2a4c-1f3d-4c5b-9a8e-7d6c5b4a3f21', '5f4e3d2c-1b0a-4987-8654-3210fedcba98'];

/** The `form-action` sources of a policy. */
const formAction = (policy: string) =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === 'form-action')
    ?.slice(1);

/** The feed links of a page: text, href and type. */
function feedLinks(dist: string, path: string): string[] {
  const $ = page(dist, path);
  return $('section.subscribe section.feed-links[aria-label="Follow with a feed reader"] a')
    .map((_, a) => `${$(a).text()} ${$(a).attr('href')} ${$(a).attr('type')}`)
    .get();
}

describe('a site with a subscribe setting', () => {
  it.each(PAGES)('shows the form on %s under a "Subscribe" heading, posting to the provider', (path) => {
    const $ = page(withForm, path);
    const box = $('section.subscribe[aria-labelledby="subscribe"]');
    expect(box.find('h2#subscribe').text()).toBe('Subscribe');
    const form = box.find('form');
    expect(form.attr('action')).toBe('https://lists.example.org/subscription/form');
    expect(form.attr('method')).toBe('post');
    const email = form.find('input[type="email"]');
    expect(email.attr('name')).toBe('email');
    expect(email.attr('autocomplete')).toBe('email');
    expect(email.attr('required')).toBeDefined();
    expect(email.closest('label').text().trim()).toBe('Email address');
    expect(form.find('input[name="name"]').closest('label').text().trim()).toBe('Name (optional)');
    expect(
      form
        .find('input[type="hidden"]')
        .map((_, i) => `${$(i).attr('name')}=${$(i).attr('value') ?? ''}`)
        .get(),
    ).toEqual(['nonce=', ...LISTS.map((l) => `l=${l}`)]);
    expect(form.find('button[type="submit"]').text()).toBe('Subscribe');
    expect(form.find('.subscribe-destination').text()).toBe('Your address goes to listmonk; unsubscribe any time.');
    expect(feedLinks(withForm, path)).toEqual([
      'RSS /rss.xml application/rss+xml',
      'Atom /atom.xml application/atom+xml',
      'JSON Feed /feed.json application/feed+json',
    ]);
  });

  it('puts the box at the foot of each edition page, after the links to other editions', () => {
    const $ = page(withForm, '/editions/3/');
    expect($('main > *').last().is('section.subscribe')).toBe(true);
    expect($('main > nav.edition-nav + section.subscribe').length).toBe(1);
  });

  it("lets forms go to the site and the provider's origin only, in the meta policy and in _headers", () => {
    for (const path of PAGES) {
      const policy = page(withForm, path)('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
      expect(formAction(policy), path).toEqual(["'self'", 'https://lists.example.org']);
    }
    const headers = readFileSync(join(withForm, '_headers'), 'utf8');
    const header = /Content-Security-Policy: (.*)/.exec(headers)?.[1] ?? '';
    expect(formAction(header)).toEqual(["'self'", 'https://lists.example.org']);
  });

  it('asks nothing of the provider until the form is sent: no script, image, style or font from it', () => {
    for (const path of PAGES) {
      const $ = page(withForm, path);
      const uses = $('[src], [href], [srcset], [action], [poster], [data]')
        .map((_, el) =>
          ['src', 'href', 'srcset', 'action', 'poster', 'data']
            .filter((name) => $(el).attr(name)?.includes('lists.example.org'))
            .map((name) => `${(el as { tagName: string }).tagName}[${name}]`),
        )
        .get();
      expect(uses, path).toEqual(['form[action]']);
      expect($('script:not([type="application/ld+json"])').length, path).toBe(0);
    }
  });

  it('links the email edition to the home page’s subscribe box', () => {
    const html = readFileSync(join(withForm, 'editions/1/email.html'), 'utf8');
    expect(html).toMatch(
      /Forwarded this email\? <a href="https:\/\/ai-platforms\.example\.org\/#subscribe"[^>]*>Subscribe<\/a>/,
    );
    const text = readFileSync(join(withForm, 'editions/1/email.txt'), 'utf8');
    expect(text).toContain('Forwarded this email? Subscribe: https://ai-platforms.example.org/#subscribe\n');
  });

  it('is valid HTML with a strict policy on every page', async () => {
    expect(await htmlErrors(withForm)).toEqual([]);
    expect(securityProblems(withForm)).toEqual([]);
  });
});

describe('a site without a subscribe setting', () => {
  it.each(PAGES)('shows no form on %s, but the feed links', (path) => {
    const $ = page(withoutForm, path);
    expect($('form').length).toBe(0);
    expect($('h2#subscribe').text()).toBe('Subscribe');
    expect(feedLinks(withoutForm, path)).toHaveLength(3);
  });

  it('lets forms go to the site alone', () => {
    const policy = page(withoutForm, '/')('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
    expect(formAction(policy)).toEqual(["'self'"]);
    expect(readFileSync(join(withoutForm, '_headers'), 'utf8')).toContain("form-action 'self'; frame-ancestors 'none'");
  });
});
