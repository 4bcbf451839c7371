import { z } from 'astro/zod';
import { dateSchema } from './date.ts';
import { discussionSchema } from './discussion.ts';
import { oldPathSchema } from './old-path.ts';
import { sectionSchema } from './section.ts';
import { threadKey } from '../rules/forums.ts';

/** `discussions:` or `sections:` left empty in YAML (null) means none, as an author would expect. */
const emptyIsAbsent = (value: unknown) => (value === null ? undefined : value);

/**
 * The front matter of an edition file, exactly as `edition-format.md` has
 * it. Strict: an unknown key (a typo such as `dat:`) is an error. Rules that
 * need the body (every discussion linked, every section id real) are checked
 * by `src/loader/compile-edition.ts`.
 */
export const frontMatterSchema = z
  .strictObject(
    {
      /** The edition number: unique across editions, and the page's URL. */
      edition: z
        .int({ error: 'expected a whole number, 0 or more' })
        .nonnegative({ error: 'expected a whole number, 0 or more' }),
      /** When the edition is published: `2026-03-22` or `2026-03-22T12:14:00-04:00`. */
      date: dateSchema,
      /** A headline. Default: "<newsletter> — Edition N". */
      title: z
        .string({ error: 'expected a headline' })
        .trim()
        .min(1, { error: 'expected a non-empty headline' })
        .max(120, { error: 'expected at most 120 characters' })
        .optional(),
      /** For search engines, feeds and previews. Default: the start of the intro. */
      description: z
        .string({ error: 'expected a short description' })
        .trim()
        .max(300, { error: 'expected at most 300 characters' })
        .optional(),
      /** The email's subject line (`npm run send`). Default: the title. */
      subject: z
        .string({ error: 'expected a subject line' })
        .trim()
        .min(1, { error: 'expected a non-empty subject line' })
        .max(200, { error: 'expected at most 200 characters' })
        .optional(),
      /** Drafts render in `dev` only. Default false. */
      draft: z.boolean({ error: 'expected true or false' }).default(false),
      /** Figures for discussion threads linked in the body. Default none. */
      discussions: z.preprocess(
        emptyIsAbsent,
        z.array(discussionSchema, { error: 'expected a list of discussions' }).default([]),
      ),
      /** Extra data per section, keyed by section id. Default none. */
      sections: z.preprocess(
        emptyIsAbsent,
        z
          .record(
            z.string(),
            // `story:` with nothing under it is a section without data, not a mistake.
            z.preprocess((value) => value ?? {}, sectionSchema),
            { error: 'expected a map from section id to section data' },
          )
          .default({}),
      ),
      /** Old addresses of this edition (`/2024/01/05/welcome.html`), each answered with a redirect. Default none. */
      redirect_from: z.preprocess(
        (value) => (value === null ? undefined : typeof value === 'string' ? [value] : value),
        z.array(oldPathSchema, { error: 'expected a list of paths such as /2024/01/05/welcome.html' }).default([]),
      ),
    },
    { error: 'expected "key: value" lines such as "edition: 2"' },
  )
  .superRefine((data, ctx) => {
    const seen = new Map<string, number>();
    data.discussions.forEach((d, i) => {
      const key = threadKey(d.url);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['discussions', i, 'url'],
          message: `listed twice; expected each thread once (first at discussions[${first}])`,
          input: d.url,
        });
    });
  });

/** Front matter as authors write it. */
export type FrontMatterInput = z.input<typeof frontMatterSchema>;
/** Front matter after validation and defaults. */
export type FrontMatter = z.output<typeof frontMatterSchema>;

/** Keys each strict object accepts, for "did you mean" hints. */
export const FRONT_MATTER_KEYS = Object.keys(frontMatterSchema.shape);
