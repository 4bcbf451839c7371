/**
 * The settings that make the newsletter itself: tagline, logo, colours,
 * navigation and footer. Kept apart from `site.ts` (where they are spread
 * into the settings schema) so a newsletter's look is one small file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { z } from 'astro/zod';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** A CSS hex colour such as `#1d4f91`. */
const colour = (example: string) =>
  z
    .string({ error: `expected a CSS hex colour such as "${example}"` })
    .regex(HEX, { error: `expected a CSS hex colour such as "${example}"` });

/** Why a logo path is not a usable SVG file in `public/`, or null. */
export function logoProblem(path: string, root = process.cwd()): string | null {
  const clean = normalize(path).replace(/^\/+/, '');
  if (clean.startsWith('..') || !/\.svg$/i.test(clean))
    return 'expected the path of an SVG file in public/, such as "logo.svg"';
  const file = join(root, 'public', clean);
  if (!existsSync(file) || !statSync(file).isFile())
    return `expected an SVG file in public/; there is no public/${clean}`;
  const head = readFileSync(file, 'utf8').slice(0, 2000);
  if (!/<svg[\s>]/i.test(head)) return `expected an SVG file; public/${clean} does not start an <svg> element`;
  return null;
}

/** Today's AI Platforms colours: link accent on the page, and the link-preview image's colours. */
export const DEFAULT_COLOURS = {
  accent: { light: '#1d4f91', dark: '#8cb8ff' },
  social: { background: '#1f3a5f', text: '#ffffff', accent: '#f6c177', secondary: '#cfe0f5' },
} as const;

const navLink = z.strictObject({
  /** The link's text. */
  label: z.string({ error: 'expected the link text' }).trim().min(1, { error: 'expected non-empty link text' }),
  /** A path on the site (`/editions/`, relative to the base path) or an https URL. */
  href: z
    .string({ error: 'expected a path such as "/editions/" or an https URL' })
    .refine((v) => /^\/(?!\/)/.test(v) || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)), {
      error: 'expected a path such as "/editions/" or an http(s) URL',
    }),
});

/** The identity settings, spread into the site schema. */
export const identityShape = {
  /** A short line under the name on the home page and the site's link-preview image; default: the description on the home page. */
  tagline: z
    .string({ error: 'expected a short line of text' })
    .trim()
    .min(1, { error: 'expected a non-empty tagline' })
    .max(120, { error: 'expected at most 120 characters' })
    .optional(),
  /** An SVG file in `public/` shown before the name in the header, e.g. `logo.svg`. */
  logo: z
    .string({ error: 'expected the path of an SVG file in public/' })
    .superRefine((value, ctx) => {
      const problem = logoProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
    })
    .optional(),
  /** The accent (link) colour, for light and dark mode. */
  accent: z
    .strictObject({
      /** On the light background. */
      light: colour('#1d4f91'),
      /** On the dark background. */
      dark: colour('#8cb8ff'),
    })
    .default(DEFAULT_COLOURS.accent),
  /** The header's links; default: Archive, Topics and Search in the site's language. */
  nav: z.array(navLink, { error: 'expected a list of { label, href }' }).optional(),
  /** The footer's line; default: "<name> is published by <publisher>." in the site's language ("<name> is an independent newsletter." when the publisher is the name). */
  footer: z
    .string({ error: 'expected a line of text' })
    .trim()
    .min(1, { error: 'expected a non-empty footer' })
    .optional(),
  /** The colours of the link-preview images. */
  social: z
    .strictObject({
      /** The background. */
      background: colour('#1f3a5f'),
      /** Headlines and story titles. */
      text: colour('#ffffff'),
      /** The dateline, bullets and the bar at the bottom. */
      accent: colour('#f6c177'),
      /** The name and "and N more". */
      secondary: colour('#cfe0f5'),
    })
    .default(DEFAULT_COLOURS.social),
};
