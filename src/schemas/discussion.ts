import { z } from 'astro/zod';

const count = () =>
  z.int({ error: 'expected a whole number of 0 or more' }).min(0, { error: 'expected a whole number of 0 or more' });

import { dateSchema } from './date.ts';

/** One discussion thread the edition links, with the figures it had when the edition was written. */
export const discussionSchema = z.strictObject({
  /** The thread's https URL; it must also be linked somewhere in the body. */
  url: z
    .string({ error: 'expected the https URL of a discussion thread' })
    .refine((v) => /^https:\/\//i.test(v) && URL.canParse(v), {
      error: 'expected the https URL of a discussion thread',
    }),
  /** The thread's score when the edition was written. Optional. */
  points: count().optional(),
  /** The thread's comment count when the edition was written. Optional. */
  comments: count().optional(),
  /** When the figures were read. Defaults to the edition's `date`. */
  as_of: dateSchema.optional(),
});

/** A `discussions` entry as authors write it. */
export type DiscussionInput = z.input<typeof discussionSchema>;
/** A `discussions` entry after validation. */
export type DiscussionData = z.output<typeof discussionSchema>;
