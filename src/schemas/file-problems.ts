/**
 * The entries of the dev-only `problems` collection: one per file with an
 * error, so `npm run dev` can show an author the problems in the browser.
 */
import { z } from 'astro/zod';

/** One problem as `src/lib/errors.ts` defines it. */
export const problemSchema = z.object({
  file: z.string(),
  line: z.int().optional(),
  field: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

/** A file with at least one error: its edition number when its front matter gives one, and every problem, errors first. */
export const fileProblemsSchema = z.object({
  file: z.string(),
  number: z.int().nullable(),
  problems: z.array(problemSchema),
});

/** A file with at least one error, and all its problems. */
export type FileProblems = z.infer<typeof fileProblemsSchema>;
