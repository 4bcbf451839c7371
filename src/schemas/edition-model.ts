import { z } from 'astro/zod';

/** A discussion thread as pages show it. */
export const threadModelSchema = z.object({
  /** Identifies the thread whatever the spelling of its URL (`hn:47476821`). */
  key: z.string(),
  /** The URL readers follow. */
  url: z.string(),
  /** The text of the first link to the thread, when it says more than "discussion". */
  text: z.string().nullable(),
  /** The forum's name ("Hacker News"), or the site's host for other forums. */
  forum: z.string(),
  /** Score when the edition was written, when the edition gives it. */
  points: z.int().nullable(),
  /** Comment count when the edition was written, when the edition gives it. */
  comments: z.int().nullable(),
  /** When the figures were read (ISO date-time with offset). */
  asOf: z.string(),
  /** True when `asOf` has a time of day, not only a date. */
  asOfHasTime: z.boolean(),
});

/** One story: a `##` heading and what follows it. */
export const sectionModelSchema = z.object({
  /** The anchor id: explicit `{#id}` or the heading's GitHub-style slug. */
  id: z.string(),
  /** The heading as plain text. */
  title: z.string(),
  /** The start of the section's text (heading excluded), for topic timelines. */
  excerpt: z.string(),
  /** The section's HTML, heading and permalink included. */
  html: z.string(),
  /** Keys of the threads this section links, in order of first link. */
  threads: z.array(z.string()),
  /** Topic slugs from `sections.<id>.topics`. */
  topics: z.array(z.string()),
});

/**
 * An edition as the loader produces it and every page, feed and email reads
 * it. Plain JSON, so it can be cached per file and compiled in child processes.
 */
export const editionModelSchema = z.object({
  /** The edition number; its URL is `/editions/<number>/`. */
  number: z.int(),
  /** Source file, relative to the project root. */
  file: z.string(),
  /** Publication instant, ISO 8601 with the site time zone's offset. */
  date: z.string(),
  /** False when the file gave a date without a time. */
  hasTime: z.boolean(),
  /** The author's headline, or null to use "<newsletter> — Edition N". */
  headline: z.string().nullable(),
  /** The email's subject line when the author gave one (`subject:`); else the title is the subject. */
  subject: z.string().optional(),
  /** The description, written or taken from the start of the intro. */
  description: z.string(),
  /** True when the front matter gave the description; false when it was taken from the intro. */
  descriptionGiven: z.boolean(),
  /** Drafts never reach a production build. */
  draft: z.boolean(),
  /** The intro's HTML ("In This Edition"). */
  introHtml: z.string(),
  /** The stories, in order. */
  sections: z.array(sectionModelSchema),
  /** Every thread linked in the body, in order of first link, with figures where given. */
  threads: z.array(threadModelSchema),
  /** The edition's old addresses (`redirect_from`), site-relative paths that redirect to its page. */
  redirectFrom: z.array(z.string()),
});

/** An edition, ready to render. */
export type Edition = z.output<typeof editionModelSchema>;
/** One story of an edition. */
export type Section = z.output<typeof sectionModelSchema>;
/** One discussion thread of an edition. */
export type Thread = z.output<typeof threadModelSchema>;

/** A story without its HTML: what lists, timelines and plans read. */
export type SectionSummary = Omit<Section, 'html'>;
/**
 * An edition without its HTML (`introHtml`, each section's `html`): what the
 * listing pages, topics, feeds' choice, cache keys and plans read. A build
 * keeps every edition in this form and its HTML packed
 * (`loader/loaded-editions.ts`); `wholeEdition` gives the whole edition back
 * where a page, a feed, an email or the search index shows its text.
 */
export type EditionSummary = Omit<Edition, 'introHtml' | 'sections'> & { sections: SectionSummary[] };

/**
 * An edition as the `editions` collection stores it: its number and the key
 * of the whole edition, which stays in the memory of the process that loaded
 * it (see `src/loader/loaded-editions.ts`). The data store Astro bundles
 * into the build and rewrites on every save in `dev` stays small.
 */
export const storedEditionSchema = z.object({ number: z.number().int().nonnegative(), key: z.string() });
export type StoredEdition = z.output<typeof storedEditionSchema>;
