import { z } from 'astro/zod';
import { langProblem } from '../i18n/index.ts';
import { identityShape } from './identity.ts';
import { sendSchema } from './send.ts';
import { subscribeSchema } from './subscribe.ts';
import { EXAMPLE_SITE_URL } from './example-site.ts';

export { EXAMPLE_SITE_URL };

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** The newsletter's own settings (`src/site.config.ts`). */
export const siteSchema = z.strictObject({
  /** The newsletter's name, shown in every page header, email, feed and link-preview image. */
  name: z.string({ error: 'expected the newsletter name' }).trim().min(1, { error: 'expected a non-empty name' }),
  /** One sentence about the newsletter, for search engines, feeds and the home page. */
  description: z
    .string({ error: 'expected a short description' })
    .trim()
    .min(1, { error: 'expected a non-empty description' })
    .max(300, { error: 'expected at most 300 characters' }),
  /** The site's public origin, e.g. `https://example.org`; feeds and canonical URLs start with it. */
  site: z
    .string({ error: 'expected an https URL such as "https://example.org"' })
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
      error: 'expected an http(s) URL such as "https://example.org"',
    }),
  /** The folder the site is served from: `/` at the root of a domain, `/newsletter/` on a project page. */
  base: z
    .string({ error: 'expected a path such as "/" or "/newsletter/"' })
    .regex(/^\/([\w.-]+\/)*$/, { error: 'expected a path that starts and ends with "/", such as "/newsletter/"' })
    .refine((v) => !/\/\.{1,2}\//.test(v), {
      error: 'expected a path without "." or ".." folders, such as "/newsletter/"',
    }),
  /** The language of the newsletter (BCP 47), for `<html lang>`, its words (`src/i18n/`), dates and numbers. */
  lang: z
    .string({ error: 'expected a language tag such as "en"' })
    .refine(isLanguageTag, { error: 'expected a language tag such as "en" or "en-US"', abort: true })
    .superRefine((value, ctx) => {
      const problem = langProblem(value);
      // `bare`: the message names the value itself, so no ", got …" follows it.
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value, params: { bare: true } });
    }),
  /** IANA time zone in which dates are shown and date-only editions start, e.g. `America/New_York`. */
  timeZone: z.string({ error: 'expected an IANA time zone' }).refine(isTimeZone, {
    error: 'expected an IANA time zone such as "America/New_York"',
  }),
  /** Who publishes the newsletter; named in the footer and feeds. */
  publisher: z.string({ error: 'expected the publisher name' }).trim().min(1, { error: 'expected a non-empty name' }),
  /** How many earlier editions the home page lists under the latest one. Default 10. */
  recentEditions: z.int({ error: 'expected a whole number' }).min(1, { error: 'expected at least 1' }).default(10),
  /** How many editions the feeds carry, newest first. Default 20. */
  feedItems: z.int({ error: 'expected a whole number' }).min(1, { error: 'expected at least 1' }).default(20),
  /** The email service that takes sign-ups (`src/schemas/subscribe.ts`); absent: feed links only. */
  subscribe: subscribeSchema.optional(),
  /** The email service `npm run send` delivers editions through (`src/schemas/send.ts`); absent: the `subscribe` one. */
  send: sendSchema.optional(),
  ...identityShape,
});

/** The settings as written in `src/site.config.ts`. */
export type SiteSettingsInput = z.input<typeof siteSchema>;
/** The settings after validation and defaults. */
export type SiteSettings = z.output<typeof siteSchema>;
