import type { SiteSettingsInput } from './schemas/site.ts';

/**
 * The newsletter's settings. Validated when a build or check starts
 * (`src/site/settings.ts`); a mistake names the setting and what it expects.
 * `SITE_URL` and `BASE_PATH` in the environment override `site` and `base`
 * for deployments (see README, "Publishing").
 */
export default {
  name: 'AI Platforms',
  description:
    'A dated digest of what practitioners are saying about AI platforms: inference, models, tools and the companies behind them, with links to every discussion.',
  site: process.env['SITE_URL'] ?? 'https://ai-platforms.example.org',
  base: process.env['BASE_PATH'] ?? '/',
  lang: 'en-US',
  timeZone: 'America/New_York',
  publisher: 'AI Platforms',
  recentEditions: 10,
  feedItems: 20,
} satisfies SiteSettingsInput;
