import { z } from 'astro/zod';
import { topicSlugSchema } from './section.ts';

/** How a topic is shown (`content/topics.yaml`, under its slug). Both fields optional. */
export const topicSchema = z.strictObject(
  {
    /** Display name. Default: made from the slug ("flash-moe" → "Flash Moe"). */
    name: z
      .string({ error: 'expected a display name' })
      .trim()
      .min(1, { error: 'expected a non-empty name' })
      .max(60, { error: 'expected at most 60 characters' })
      .optional(),
    /** One line about the story, shown on its page. Default none. */
    description: z
      .string({ error: 'expected a one-line description' })
      .trim()
      .max(200, { error: 'expected at most 200 characters' })
      .optional(),
  },
  { error: 'expected name: and description: under the topic' },
);

/** The whole topics file: a map from topic slug to its entry. */
export const topicsFileSchema = z.record(topicSlugSchema, topicSchema.nullable(), {
  error: 'expected topic slugs, each with name: and description:',
});

/** One topic's entry as written. */
export type TopicInput = z.input<typeof topicSchema>;
/** One topic's entry after validation. */
export type TopicData = z.output<typeof topicSchema>;
