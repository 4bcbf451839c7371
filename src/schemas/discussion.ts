import { z } from 'astro/zod';
import { classifyUrl } from '../rules/forums.ts';
import { schemeRepair } from '../rules/link-rules.ts';
import { dateSchema } from './date.ts';

const count = () =>
  z.int({ error: 'expected a whole number of 0 or more' }).min(0, { error: 'expected a whole number of 0 or more' });

/** The https URL of a thread; on a known forum it must be a well-formed thread URL. */
const threadUrlSchema = z.string({ error: 'expected the https URL of a discussion thread' }).check((ctx) => {
  if (!/^https:\/\//i.test(ctx.value) || !URL.canParse(ctx.value)) {
    const repaired = schemeRepair(ctx.value);
    const hint = repaired ? ` (did you mean ${JSON.stringify(repaired.url)}?)` : '';
    ctx.issues.push({
      code: 'custom',
      message: `expected the https URL of a discussion thread${hint}`,
      input: ctx.value,
    });
    return;
  }
  const kind = classifyUrl(ctx.value);
  if (kind.kind === 'bad-thread') {
    ctx.issues.push({
      code: 'custom',
      message: `expected a ${kind.forum.name} thread URL like ${kind.forum.example}`,
      input: ctx.value,
    });
  } else if (kind.kind === 'profile' || kind.kind === 'bad-profile') {
    ctx.issues.push({ code: 'custom', message: 'expected a thread URL, not a profile', input: ctx.value });
  }
});

/** One discussion thread the edition links, with the figures it had when the edition was written. */
export const discussionSchema = z.strictObject(
  {
    /** The thread's https URL; it must also be linked somewhere in the body. */
    url: threadUrlSchema,
    /** The thread's score when the edition was written. Optional. */
    points: count().optional(),
    /** The thread's comment count when the edition was written. Optional. */
    comments: count().optional(),
    /** When the figures were read. Defaults to the edition's `date`. */
    as_of: dateSchema.optional(),
  },
  { error: 'expected a discussion: "url: https://…", then points: and comments: on the lines under it' },
);

/** A `discussions` entry as authors write it. */
export type DiscussionInput = z.input<typeof discussionSchema>;
/** A `discussions` entry after validation. */
export type DiscussionData = z.output<typeof discussionSchema>;
