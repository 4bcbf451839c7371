import { z } from 'astro/zod';
import { dateProblem } from '../rules/dates.ts';

/**
 * A date as authors write it: `2026-03-22`, or `2026-03-22T12:14:00-04:00`
 * with an offset. Kept as the string written; `src/rules/dates.ts` places it
 * in the site's time zone.
 */
export const dateSchema = z.preprocess(
  // RFC 3339 lets the `T` and `Z` be lower case (`2026-03-22t12:14:00z`); they are kept upper case from here on.
  (value) =>
    typeof value === 'string' ? value.replace(/^(\d{4}-\d{2}-\d{2})t(?=\d)/, '$1T').replace(/(\d)z$/, '$1Z') : value,
  z.string({ error: 'expected an ISO 8601 date or date-time' }).check((ctx) => {
    const problem = dateProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  }),
);
