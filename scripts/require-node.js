/**
 * Runs before every npm script: on a Node too old to run the `.ts` scripts
 * (they need type stripping, on by default from 22.18), one line saying which
 * Node is needed and how to get it, instead of ERR_UNKNOWN_FILE_EXTENSION and
 * a stack trace. Plain JavaScript on purpose, so any Node can run it; the
 * version needed is package.json's `engines.node`. With `settings`, the
 * scripts that read the settings also get the settings module's time budget
 * (below).
 */
import { readFileSync } from 'node:fs';

const engines = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
const [needMajor, needMinor] = engines
  .replace(/^>=\s*/, '')
  .split('.')
  .map(Number);
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < needMajor || (major === needMajor && minor < (needMinor || 0))) {
  console.error(
    `node: this project needs Node ${engines.replace(/^>=\s*/, '')} or later (24 recommended, as .nvmrc says), ` +
      `and this is Node ${process.versions.node}; install it from https://nodejs.org/ or with \`nvm install\``,
  );
  process.exit(1);
}

/**
 * `node scripts/require-node.js settings`, for the scripts that read the
 * settings: loads the settings modules (`src/site.config.ts`, which
 * `src/site/settings.ts` imports before any code of the script can run, and
 * the one `SITE_CONFIG` names) in a child process first, stopped after
 * `SETTINGS_BUDGET_MS`, so a module (or a file it imports) that loops
 * forever is one line naming it instead of a command that never ends. A
 * module that fails to load is left to the script, which says why.
 */
if (process.argv[2] === 'settings') {
  const { spawnSync } = await import('node:child_process');
  const { relative, resolve } = await import('node:path');
  const { fileURLToPath, pathToFileURL } = await import('node:url');
  // Read, not imported: this process then never loads TypeScript, which costs a tenth of a second.
  const limits = readFileSync(new URL('../src/rules/limits.ts', import.meta.url), 'utf8');
  const SETTINGS_BUDGET_MS = Number(/^export const SETTINGS_BUDGET_MS = ([\d_]+);$/m.exec(limits)[1].replace(/_/g, ''));
  const modules = [resolve('src/site.config.ts')];
  const named = process.env['SITE_CONFIG'];
  if (named && named.trim() !== '' && resolve(named) !== modules[0]) modules.push(resolve(named));
  // The child names each module before loading it, so the one it was stopped in is known; it exits once they
  // are loaded, even if a module left a timer running.
  const probe = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      'for (const m of process.argv.slice(1)) { process.stdout.write(`\\0${m}\\n`); await import(new URL(m)).catch(() => {}); } process.exit(0);',
      ...modules.map((path) => pathToFileURL(path).href),
    ],
    { timeout: SETTINGS_BUDGET_MS, killSignal: 'SIGKILL', stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' },
  );
  if (probe.error?.code === 'ETIMEDOUT') {
    const loading = [...probe.stdout.matchAll(/\0(.*)\n/g)].at(-1)?.[1];
    const module = relative(process.cwd(), loading ? fileURLToPath(loading) : modules[0]);
    console.error(
      `${module}  settings: took longer than ${SETTINGS_BUDGET_MS / 1000} s to load and was stopped; look for a loop, or a slow import, in it or in a file it imports`,
    );
    process.exit(1);
  }
}
