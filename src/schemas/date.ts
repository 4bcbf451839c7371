import { z } from 'astro/zod';
import { dateProblem } from '../rules/dates.ts';

/**
 * A date as authors write it: `2026-03-22`, or `2026-03-22T12:14:00-04:00`
 * with an offset. Kept as the string written; `src/rules/dates.ts` places it
 * in the site's time zone.
 */
export const dateSchema = z.string({ error: 'expected an ISO 8601 date or date-time' }).check((ctx) => {
  const problem = dateProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});
