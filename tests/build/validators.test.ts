import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenLinks, htmlErrors } from '../quality/static-gates.ts';
import { securityProblems } from '../quality/security-gates.ts';
import { distOf, OUTPUT, ROOT, SITES } from './sites.ts';
import { readFileSync } from 'node:fs';

const BROKEN = join(ROOT, 'tests/fixtures/broken-pages');

describe('HTML validity (html-validate)', () => {
  it.each([SITES.content, SITES.fixture, SITES.de, SITES.ar])(
    'finds 0 errors on every built page of the $name site',
    async (site) => {
      expect(await htmlErrors(distOf(site))).toEqual([]);
    },
  );

  it('catches invalid HTML in a deliberately broken page', async () => {
    const errors = await htmlErrors(BROKEN);
    expect(errors.some((e) => e.includes('lang'))).toBe(true);
    expect(errors.some((e) => e.includes('close-order'))).toBe(true);
  });
});

describe('links and anchors (linkinator, fragments checked, external links skipped)', () => {
  it('finds no broken internal link or anchor on the content site', async () => {
    const { checked, broken } = await brokenLinks(distOf(SITES.content));
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it.each([SITES.de, SITES.ar])('finds none on the $name site (its own links and logo)', async (site) => {
    const { checked, broken } = await brokenLinks(distOf(site));
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('finds none on a build served from the /newsletter/ base path either', async () => {
    const { checked, broken } = await brokenLinks(join(OUTPUT, 'base'), 'newsletter/');
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('catches a base-path build served from the wrong folder', async () => {
    expect((await brokenLinks(distOf(SITES.base))).broken.length).toBeGreaterThan(0);
  });

  it('catches a broken link, a missing image and missing anchors in a deliberately broken page', async () => {
    const { broken } = await brokenLinks(BROKEN);
    expect(broken.map((b) => b.split(' ')[0]!.replace(BROKEN, ''))).toEqual(
      expect.arrayContaining(['/nowhere/', '/missing.png', '/#no-such-anchor']),
    );
  });
});

describe('security policy', () => {
  it.each([SITES.content, SITES.fixture, SITES.de, SITES.ar])(
    'puts a strict CSP on every page of the $name site and no inline script or style',
    (site) => {
      expect(securityProblems(distOf(site))).toEqual([]);
    },
  );

  it('writes _headers with the policy, Referrer-Policy and X-Content-Type-Options for hosts that read it', () => {
    const headers = readFileSync(join(distOf(SITES.content), '_headers'), 'utf8');
    expect(headers).toMatch(/Content-Security-Policy: default-src 'self'.*frame-ancestors 'none'/);
    expect(headers).toContain('Referrer-Policy: strict-origin-when-cross-origin');
    expect(headers).toContain('X-Content-Type-Options: nosniff');
  });

  it('catches inline script and style in a deliberately broken page', () => {
    expect(securityProblems(BROKEN)).toEqual([
      'index.html: no Content-Security-Policy',
      'index.html: inline <script>',
      'index.html: inline <style>',
    ]);
  });
});
