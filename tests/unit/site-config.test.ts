// SITE_CONFIG: building with another settings module, and the one line a bad value gets.
import { describe, expect, it } from 'vitest';
import { settingsModule, validateSite } from '../../src/site/settings.ts';
import settings from '../../src/site.config.ts';

describe('SITE_CONFIG', () => {
  it('reads src/site.config.ts when unset', () => {
    expect(settingsModule({})).toEqual({ file: 'src/site.config.ts', settings });
  });

  it('loads the settings module it names', () => {
    const { file, settings: loaded } = settingsModule({ SITE_CONFIG: 'tests/fixtures/subscribe/site.config.ts' });
    expect(file).toBe('tests/fixtures/subscribe/site.config.ts');
    expect(validateSite(loaded, file).subscribe).toMatchObject({ provider: 'listmonk', askName: true });
  });

  it('is one settings line when it names nothing usable', () => {
    const line = (value: string) => {
      try {
        settingsModule({ SITE_CONFIG: value });
        return 'no problem';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(line('')).toBe(
      'SITE_CONFIG: expected a settings module such as src/site.config.ts (unset it for the default), got ""',
    );
    expect(line('no/such.ts')).toBe(
      'SITE_CONFIG: no such file; expected a settings module such as src/site.config.ts, got "no/such.ts"',
    );
    expect(line('tests/fixtures/subscribe')).toBe(
      'SITE_CONFIG: not a file; expected a settings module such as src/site.config.ts, got "tests/fixtures/subscribe"',
    );
    expect(line('tests/fixtures/subscribe/bad/no-default.ts')).toBe(
      'SITE_CONFIG: no default export; expected a settings module such as src/site.config.ts, whose default export is the settings, got "tests/fixtures/subscribe/bad/no-default.ts"',
    );
  });
});
