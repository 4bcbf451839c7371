import { z } from 'astro/zod';

/** A topic slug: lowercase letters, digits and hyphens. */
export const topicSlugSchema = z
  .string({ error: 'expected a topic slug of lowercase letters, digits and hyphens' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected a topic slug of lowercase letters, digits and hyphens' });

/** Extra data for one section, under `sections.<id>` in the front matter. */
export const sectionSchema = z.strictObject(
  {
    /** The stories this section continues; each gets a page that follows it across editions. Default none. */
    topics: z.array(topicSlugSchema, { error: 'expected a list of topic slugs' }).default([]),
  },
  { error: 'expected the section\'s data under its id, indented, such as "topics: [flash-moe]"' },
);

/** `sections.<id>` as authors write it. */
export type SectionInput = z.input<typeof sectionSchema>;
/** `sections.<id>` after defaults. */
export type SectionData = z.output<typeof sectionSchema>;
