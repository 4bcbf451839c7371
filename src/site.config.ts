import { EXAMPLE_SITE_URL } from './schemas/example-site.ts';
import type { SiteSettingsInput } from './schemas/site.ts';

/**
 * The newsletter's settings. Validated when a build or check starts
 * (`src/site/settings.ts`); a mistake names the setting and what it expects.
 * `SITE_URL` and `BASE_PATH` in the environment override `site` and `base`
 * for deployments (see README, "Publishing"). Every setting, with what it
 * does: `src/schemas/site.ts` and README, "Your newsletter".
 */
export default {
  name: 'AI Platforms',
  description:
    'A dated digest of what practitioners are saying about AI platforms: inference, models, tools and the companies behind them, with links to every discussion.',
  site: process.env['SITE_URL'] ?? EXAMPLE_SITE_URL, // a production build warns until this is your own URL
  base: process.env['BASE_PATH'] ?? '/',
  lang: 'en-US',
  timeZone: 'America/New_York',
  publisher: 'AI Platforms',
  // tagline: 'What practitioners say about AI platforms',  // optional; the home page shows the description without it
  // logo: 'logo.svg',                                       // optional; an SVG file in public/
  accent: { light: '#1d4f91', dark: '#8cb8ff' },
  // nav: [{ label: 'Archive', href: '/editions/' }],        // optional; default Archive, Topics, Search in `lang`
  // footer: 'AI Platforms is published every Sunday.',      // optional; default "<name> is published by <publisher>." (or "<name> is an independent newsletter." when they are the same)
  social: { background: '#1f3a5f', text: '#ffffff', accent: '#f6c177', secondary: '#cfe0f5' },
  recentEditions: 10,
  feedItems: 20,
} satisfies SiteSettingsInput;
