import { describe, expect, it } from 'vitest';
import settings from '../../src/site.config.ts';
import { validateSite } from '../../src/site/settings.ts';

describe('site settings', () => {
  it('accepts the newsletter’s own settings', () => {
    expect(validateSite(settings)).toMatchObject({
      name: 'AI Platforms',
      timeZone: 'America/New_York',
      recentEditions: 10,
    });
  });

  it('names each bad setting, what it got and what it expects', () => {
    const bad = { ...settings, timeZone: 'Mars/Base', base: 'newsletter', site: 'example.org', colour: 'red' };
    expect(() => validateSite(bad)).toThrowErrorMatchingInlineSnapshot(`
      [SiteConfigError: src/site.config.ts  site: expected an http(s) URL such as "https://example.org", got "example.org"
      src/site.config.ts  base: expected a path that starts and ends with "/", such as "/newsletter/", got "newsletter"
      src/site.config.ts  timeZone: expected an IANA time zone such as "America/New_York", got "Mars/Base"
      src/site.config.ts  colour: unknown key; expected one of name, description, site, base, lang, timeZone, publisher, recentEditions, feedItems, subscribe, send, tagline, logo, accent, nav, footer, social]
    `);
  });
});
