/** The strings tables: which language gets which table, plurals, and the settings errors around them. */
import { describe, expect, it } from 'vitest';
import { langProblem, stringsFor, tableTag, TABLES } from '../../src/i18n/index.ts';
import { footerLine, sayFor } from '../../src/i18n/say.ts';
import { settingsModule, validateSite } from '../../src/site/settings.ts';
import settings from '../../src/site.config.ts';

describe('strings tables', () => {
  it('resolves the exact tag, then its base language', () => {
    expect(['en-US', 'de-AT', 'zh-Hans', 'zh', 'ZH-cn', 'ar-EG', 'ja-JP', 'fr-CA', 'es-419'].map(tableTag)).toEqual([
      'en',
      'de',
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'ar',
      'ja',
      'fr',
      'es',
    ]);
    expect(tableTag('xx')).toBeUndefined();
  });

  it('has the same keys in every language, and only Arabic is right-to-left', () => {
    const keys = Object.keys(TABLES['en']!).sort();
    for (const table of Object.values(TABLES)) expect(Object.keys(table).sort()).toEqual(keys);
    expect(
      Object.entries(TABLES)
        .filter(([, t]) => t.dir === 'rtl')
        .map(([tag]) => tag),
    ).toEqual(['ar']);
  });

  it('fills templates and picks plural forms with Intl', () => {
    expect(sayFor('en-US').count('points', 1)).toBe('1 point');
    expect(sayFor('en-US').count('points', 1234)).toBe('1,234 points');
    expect(sayFor('de').count('comments', 2)).toBe('2 Kommentare');
    expect(sayFor('ar').count('points', 2)).toBe('نقطتان');
    expect(sayFor('de')('dateline', { n: 300, date: '17. Mai 2024' })).toBe('Ausgabe 300, 17. Mai 2024');
    expect(stringsFor('xx')).toBe(TABLES['en']);
  });
});

describe('the footer line', () => {
  const site = { name: 'AI Platforms', publisher: 'Example Media' };

  it('names the publisher, or says the newsletter is independent when it publishes itself', () => {
    expect(footerLine({ ...site, lang: 'en' })).toBe('AI Platforms is published by Example Media.');
    expect(footerLine({ ...site, publisher: 'AI Platforms', lang: 'en' })).toBe(
      'AI Platforms is an independent newsletter.',
    );
    expect(footerLine({ ...site, publisher: 'ai platforms ', lang: 'de' })).toBe(
      'AI Platforms ist ein unabhängiger Newsletter.',
    );
    expect(footerLine({ ...site, footer: 'Every Sunday.', lang: 'en' })).toBe('Every Sunday.');
  });

  it.each(Object.keys(TABLES))('in %s, never names the newsletter twice when it is its own publisher', (lang) => {
    const line = footerLine({ ...site, publisher: 'AI Platforms', lang });
    expect(line.split('AI Platforms')).toHaveLength(2);
    expect(line).toBe(sayFor(lang)('footerIndependent', { name: 'AI Platforms' }));
  });
});

describe('language setting', () => {
  it('is a settings error naming the tables when no table fits', () => {
    expect(langProblem('de-CH')).toBeNull();
    expect(() => validateSite({ ...settings, lang: 'xx' })).toThrow(
      'src/site.config.ts  lang: no strings for "xx"; expected one of en, zh-CN, ja, de, fr, es, ar (add src/i18n/xx.ts)',
    );
  });

  it('checks colours and the logo', () => {
    expect(() =>
      validateSite({ ...settings, accent: { light: 'blue', dark: '#8cb8ff' }, logo: 'missing.svg' }),
    ).toThrow(
      [
        'src/site.config.ts  logo: expected an SVG file in public/; there is no public/missing.svg, got "missing.svg"',
        'src/site.config.ts  accent.light: expected a CSS hex colour such as "#1d4f91", got "blue"',
      ].join('\n'),
    );
    expect(validateSite({ ...settings, logo: 'favicon.svg' }).logo).toBe('favicon.svg');
  });
});

describe('SITE_CONFIG', () => {
  it('loads the named module, which the settings then hold to the same rules', () => {
    const de = settingsModule({ SITE_CONFIG: 'tests/fixtures/settings/de.ts' });
    expect(validateSite(de.settings, de.file)).toMatchObject({ lang: 'de', name: 'KI-Plattformen' });
  });
});
