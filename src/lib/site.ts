import settings from '../site.config.ts';
import { siteSchema, type SiteSettings } from '../schemas/site.ts';
import { fieldPath, showValue } from './errors.ts';

/** A mistake in `src/site.config.ts`, worded for a person. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** Validates settings, throwing a `SiteConfigError` whose message names each bad setting. */
export function validateSite(input: unknown, file = 'src/site.config.ts'): SiteSettings {
  const parsed = siteSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys')
      return `${file}  ${issue.keys.map((key) => fieldPath([...issue.path, key])).join(', ')}: unknown setting`;
    // An unknown `provider` is reported on the object; show the value that picks the variant.
    const input =
      'discriminator' in issue && typeof issue.discriminator === 'string'
        ? (issue.input as Record<string, unknown>)[issue.discriminator]
        : issue.input;
    const got = input === undefined ? 'missing' : `got ${showValue(input)}`;
    return `${file}  ${fieldPath(issue.path)}: ${issue.message}, ${got}`;
  });
  throw new SiteConfigError(lines.join('\n'));
}

let cached: SiteSettings | undefined;

/** The newsletter's validated settings (validated once per process). */
export function getSite(): SiteSettings {
  cached ??= validateSite(settings);
  return cached;
}

/** The settings for a command-line entry point: a mistake is printed as its lines and the process exits 1, without a stack trace. */
export function getSiteOrExit(): SiteSettings {
  try {
    return getSite();
  } catch (error) {
    if (!(error instanceof SiteConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
