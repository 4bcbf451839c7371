import settings from '../site.config.ts';
import { siteSchema, type SiteSettings } from '../schemas/site.ts';
import { formatProblem } from '../diagnostics/format.ts';
import { zodProblems } from '../diagnostics/from-zod.ts';

/** A mistake in `src/site.config.ts`, worded for a person. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** Validates settings, throwing a `SiteConfigError` whose message names each bad setting. */
export function validateSite(input: unknown, file = 'src/site.config.ts'): SiteSettings {
  const parsed = siteSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  // A settings module has no line numbers to offer: problems name the setting.
  const problems = zodProblems(
    parsed.error,
    file,
    () => undefined,
    (path) => (path.length === 0 ? Object.keys(siteSchema.shape) : []),
  );
  throw new SiteConfigError(problems.map(formatProblem).join('\n'));
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
