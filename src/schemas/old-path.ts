import { z } from 'astro/zod';

/** A path on this site as `redirect_from` holds it: from the site root, no host, query, fragment or `..`. */
const OLD_PATH = /^\/(?!\/)[^\s?#\\]*$/;

/** One old address of an edition: `/2024/01/05/welcome.html` or `/newsletters/2024/01/05/`. */
export const oldPathSchema = z
  .string({ error: 'expected a path such as /2024/01/05/welcome.html' })
  .max(500, { error: 'expected a path of at most 500 characters' })
  .regex(OLD_PATH, { error: 'expected a path from the site root, such as /2024/01/05/welcome.html' })
  .refine((path) => !path.split('/').some((part) => part === '..' || part === '.'), {
    error: 'expected a path without "." or ".." parts',
  })
  .refine((path) => !/[\u0000-\u001f\u007f]/.test(path), { error: 'expected a path without control characters' });
