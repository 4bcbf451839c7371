/**
 * `SITE_CONFIG`: the settings module to use instead of `src/site.config.ts`
 * (the tests build sites in other languages with it). Its path is checked
 * first, and a mistake is a settings problem line, never a stack trace.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Settings as loaded, not yet validated: from `file`, or the problem that stopped loading. */
export type LoadedSettings = { file: string; settings: unknown; problem?: never } | { file: string; problem: string };

const EXAMPLE = 'expected a settings module such as "tests/fixtures/settings/de.ts"';

/** Why `SITE_CONFIG`'s value cannot name a settings module, or null. */
export function settingsModuleProblem(value: string, root = process.cwd()): string | null {
  const got = `got ${JSON.stringify(value)}`;
  if (value.trim() === '') return `SITE_CONFIG: empty; ${EXAMPLE} (or unset it for src/site.config.ts)`;
  if (!/\.(?:ts|mts|js|mjs)$/.test(value)) return `SITE_CONFIG: not a .ts or .js file; ${EXAMPLE}, ${got}`;
  const file = isAbsolute(value) ? value : join(root, value);
  if (relative(root, file).startsWith('..')) return `SITE_CONFIG: outside the project; ${EXAMPLE}, ${got}`;
  if (!existsSync(file) || !statSync(file).isFile()) return `SITE_CONFIG: no such file; ${EXAMPLE}, ${got}`;
  return null;
}

/**
 * The settings to validate: `fallback` (from `src/site.config.ts`) when
 * `SITE_CONFIG` is unset, else the default export of the module it names.
 */
export async function loadSettings(
  value: string | undefined,
  fallback: unknown,
  root = process.cwd(),
): Promise<LoadedSettings> {
  if (value === undefined) return { file: 'src/site.config.ts', settings: fallback };
  const problem = settingsModuleProblem(value, root);
  if (problem) return { file: value, problem };
  const file = isAbsolute(value) ? relative(root, value) : value;
  try {
    const module = (await import(/* @vite-ignore */ pathToFileURL(join(root, file)).href)) as { default?: unknown };
    if (module.default === undefined)
      return { file, problem: `${file}  default export: missing; expected \`export default { name: …, … }\`` };
    return { file, settings: module.default };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { file, problem: `${file}: could not be loaded: ${message}` };
  }
}
