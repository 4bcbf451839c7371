import defaults from '../site.config.ts';
import { siteSchema, type SiteSettings } from '../schemas/site.ts';
import { fieldPath, showValue } from './errors.ts';
import { loadSettings } from './settings-module.ts';

// `SITE_CONFIG` may name another settings module (see `settings-module.ts`).
const loaded = await loadSettings(process.env['SITE_CONFIG'], defaults);

/** A mistake in `src/site.config.ts` (or the `SITE_CONFIG` module), worded for a person. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** Validates settings, throwing a `SiteConfigError` whose message names each bad setting. */
export function validateSite(input: unknown, file = 'src/site.config.ts'): SiteSettings {
  const parsed = siteSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `${file}  ${issue.keys.join(', ')}: unknown setting`;
    if (issue.code === 'custom' && issue.params?.['bare']) return `${file}  ${fieldPath(issue.path)}: ${issue.message}`;
    const input = 'input' in issue ? issue.input : undefined;
    const got = input === undefined ? 'missing' : `got ${showValue(input)}`;
    return `${file}  ${fieldPath(issue.path)}: ${issue.message}, ${got}`;
  });
  throw new SiteConfigError(lines.join('\n'));
}

let cached: SiteSettings | undefined;

/** The newsletter's validated settings (validated once per process). */
export function getSite(): SiteSettings {
  if (loaded.problem !== undefined) throw new SiteConfigError(loaded.problem);
  cached ??= validateSite(loaded.settings, loaded.file);
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
