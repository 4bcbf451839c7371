/** Settings for code that renders without reading `src/site.config.ts` (social-image tests and benchmark). */
import { DEFAULT_COLOURS } from '../../src/schemas/identity.ts';
import type { SiteSettings } from '../../src/schemas/site.ts';

/** AI Platforms' settings, written out, at an example origin. */
export const TEST_SITE: SiteSettings = {
  ...DEFAULT_COLOURS,
  name: 'AI Platforms',
  description: 'A dated digest of what practitioners are saying about AI platforms.',
  site: 'https://example.org',
  base: '/',
  lang: 'en-US',
  timeZone: 'America/New_York',
  publisher: 'AI Platforms',
  recentEditions: 10,
  feedItems: 20,
};
