/**
 * The dev-only `problems` collection's data: every file with an error, so
 * `npm run dev` can show an author the problems in the browser.
 */
import { z } from 'astro/zod';

/** One problem as `src/diagnostics/problem.ts` defines it. */
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

/**
 * The collection's one entry: every file with an error, in one entry so the
 * collection is never empty in `dev` (Astro warns on every page that reads
 * an empty collection) and is replaced in one step.
 */
export const devProblemsSchema = z.object({ files: z.array(fileProblemsSchema) });

/** The id of the `problems` collection's one entry. */
export const DEV_PROBLEMS_ID = 'files';
