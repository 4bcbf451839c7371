import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import settings from '../site.config.ts';
import { EXAMPLE_SITE_URL, siteSchema, type SiteSettings } from '../schemas/site.ts';
import { formatProblem, oneLine } from '../diagnostics/format.ts';
import { zodProblems } from '../diagnostics/from-zod.ts';
import type { Problem } from '../diagnostics/problem.ts';

/** A mistake in `src/site.config.ts`, worded for a person. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** The settings that an environment variable overrides: a bad value names the variable, not the settings module. */
const OVERRIDDEN_BY: Record<string, string> = { site: 'SITE_URL', base: 'BASE_PATH' };

/** One settings problem as a line; `SITE_URL: …` when the value came from that variable. */
function settingsLine(problem: Problem, input: unknown, env: Record<string, string | undefined>): string {
  const variable = OVERRIDDEN_BY[problem.field];
  const value = typeof input === 'object' && input ? (input as Record<string, unknown>)[problem.field] : undefined;
  if (variable && env[variable] !== undefined && value === env[variable])
    return `${variable}: ${oneLine(problem.message)}`;
  return formatProblem(problem);
}

/** Validates settings, throwing a `SiteConfigError` whose message names each bad setting. */
export function validateSite(
  input: unknown,
  file = 'src/site.config.ts',
  env: Record<string, string | undefined> = process.env,
): SiteSettings {
  let parsed;
  try {
    parsed = siteSchema.safeParse(input, { reportInput: true });
  } catch (error) {
    // A getter in the settings module that throws: the module is named, not a stack trace.
    const reason = oneLine(error instanceof Error ? error.message : String(error));
    throw new SiteConfigError(`${oneLine(file)}  settings: could not be read (${reason}); expected plain values`);
  }
  if (parsed.success) return parsed.data;
  // A settings module has no line numbers to offer: problems name the setting.
  const problems = zodProblems(
    parsed.error,
    file,
    () => undefined,
    (path) => (path.length === 0 ? Object.keys(siteSchema.shape) : []),
  );
  throw new SiteConfigError(problems.map((p) => settingsLine(p, input, env)).join('\n'));
}

/**
 * The settings module to read: `src/site.config.ts`, or the one the
 * `SITE_CONFIG` environment variable names (a path from the working
 * directory), so tests and deployments can build with other settings
 * without editing the file. A bad `SITE_CONFIG` is a `SiteConfigError`.
 */
export function settingsModule(env: Record<string, string | undefined> = process.env): {
  file: string;
  settings: unknown;
} {
  const value = env['SITE_CONFIG'];
  if (value === undefined) return { file: 'src/site.config.ts', settings };
  const problem = (what: string) => new SiteConfigError(`SITE_CONFIG: ${what}, got ${JSON.stringify(oneLine(value))}`);
  const expected = 'expected a settings module such as src/site.config.ts';
  if (value.trim() === '') throw problem(`${expected} (unset it for the default)`);
  const path = resolve(value);
  if (!existsSync(path)) throw problem(`no such file; ${expected}`);
  if (!statSync(path).isFile()) throw problem(`not a file; ${expected}`);
  let loaded: { default?: unknown } | undefined;
  try {
    // Synchronous on purpose: settings are read before anything else, and Node 24 requires ES modules and .ts files.
    loaded = createRequire(import.meta.url)(path) as { default?: unknown };
  } catch (error) {
    throw problem(`could not be loaded (${oneLine(error instanceof Error ? error.message : String(error))})`);
  }
  if (loaded?.default === undefined)
    throw problem(`no default export; ${expected}, whose default export is the settings`);
  return { file: relative(process.cwd(), path), settings: loaded.default };
}

let cached: SiteSettings | undefined;

/** The newsletter's validated settings (validated once per process). */
export function getSite(): SiteSettings {
  if (cached) return cached;
  const { file, settings: input } = settingsModule();
  cached = validateSite(input, file);
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

/**
 * The warning a production build gives when the site URL was never set: the
 * example URL would go into the feeds, the emails' links, the sitemap and
 * link previews. Null once `site` (or `SITE_URL`, as the GitHub Pages
 * workflow sets it) is the newsletter's own.
 */
export function exampleSiteWarning(
  site: SiteSettings,
  env: Record<string, string | undefined> = process.env,
): string | null {
  if (site.site.replace(/\/+$/, '') !== EXAMPLE_SITE_URL) return null;
  const file = env['SITE_CONFIG'] ?? 'src/site.config.ts';
  return `site: warning: ${EXAMPLE_SITE_URL} is the example URL, so feeds, emails, the sitemap and link previews point to a site that is not yours; set site in ${file}, or the SITE_URL variable, to the newsletter's own URL`;
}
