/**
 * `npm run build`: builds the site into a fresh folder beside `dist/` and
 * swaps it in only when the whole build succeeded, so a failed build leaves
 * the previous `dist/` exactly as it was. `OUT_DIR` builds elsewhere.
 *
 * One build at a time per cache root (`build.lock` in `NEWSLETTER_CACHE_DIR`,
 * default `node_modules/.cache/newsletter`, holds the builder's PID); after
 * each full build the caches are pruned (`src/cache/named-cache.ts`); the output folder can never be the project or one
 * of its source folders; every failure is a line, never a stack trace. When no
 * input changed since the last build into the same folder, it says so and
 * leaves that folder as it is (`npm run build -- --force` builds anyway).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { topicsFileFor } from '../src/loader/load-topics.ts';
import { buildNow } from '../src/model/editions.ts';
import { dateProblem, toZonedIso } from '../src/rules/dates.ts';
import { editionsDirFrom, environmentProblems } from '../src/site/environment.ts';
import { getSite } from '../src/site/settings.ts';
import { cacheRoot, pruneCaches } from '../src/cache/named-cache.ts';
import { PREVIOUS_OUTPUT_VARIABLE } from '../src/handoffs.ts';
import { inputsFingerprint, recordBuild, upToDate } from './lib/build-fingerprint.ts';
import { acquireLock, BuildStop, describeError, outDirProblem, swapIn } from './lib/build-safety.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** Variables a test runner sets that Vite reads as the build's mode. */
const VITE_MODE_VARIABLES = /^(VITEST.*|TEST|DEV|PROD|SSR|MODE)$/;

/** Runs `astro build` into `next`; forwards Ctrl-C and SIGTERM to it, so cleanup still happens. */
function astroBuild(next: string, out: string): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', next], {
      stdio: 'inherit',
      // A heap limit makes V8 collect garbage instead of growing: measured in bench/RESULTS.md.
      env: {
        // A build is production, whoever starts it: a test runner's NODE_ENV=test, DEV=1, MODE and VITEST*
        // variables make Astro and Vite build in dev mode (dev-only code, a dev security policy).
        ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITE_MODE_VARIABLES.test(name))),
        NODE_ENV: 'production',
        ASTRO_TELEMETRY_DISABLED: '1',
        // Unchanged files are linked from the site being replaced (src/cache/previous-output.ts).
        [PREVIOUS_OUTPUT_VARIABLE]: existsSync(out) ? out : '',
        // --expose-gc: the end of the build frees file buffers as it goes (src/render/edition-files.ts).
        NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --max-old-space-size=1024 --expose-gc`.trim(),
      },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward).on('SIGHUP', forward);
    child.once('error', (error) => {
      console.error(`build: cannot start astro (${describeError(error)})`);
      done({ code: 1, signal: null });
    });
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward).off('SIGHUP', forward);
      done({ code, signal });
    });
  });
}

async function main(): Promise<number> {
  const problems = environmentProblems(process.env, { root: process.cwd(), editionsMustExist: true, outDir: true });
  if (problems.length) {
    for (const line of problems) console.error(line);
    return 1;
  }
  const out = resolve(process.env['OUT_DIR'] ?? 'dist');
  const next = `${out}.next`;
  const refused = outDirProblem(process.env['OUT_DIR'] ?? 'dist', ROOT, join(process.cwd(), editionsDirFrom()));
  if (refused) throw new BuildStop(refused);
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new BuildStop(`OUT_DIR: ${out} is a file; expected a folder for the built site; nothing was built`);

  const startedAt = Date.now();
  const release = acquireLock(join(cacheRoot(ROOT), 'build.lock'));
  process.once('exit', release);
  try {
    const editionsDir = editionsDirFrom();
    const now = buildNow().getTime();
    const timeZone = getSite().timeZone;
    const fingerprint = inputsFingerprint(process.cwd(), {
      editionsDir,
      topicsFile: topicsFileFor(editionsDir),
      env: process.env,
      scheduled: (date) => !dateProblem(date) && Date.parse(toZonedIso(date, timeZone)) > now,
    });
    if (!process.argv.includes('--force') && upToDate(ROOT, out, fingerprint)) {
      console.log(`site is up to date: no input changed since the last build, so ${out} was left as it was`);
      return 0;
    }
    try {
      rmSync(next, { recursive: true, force: true });
      mkdirSync(next, { recursive: true });
    } catch (error) {
      const kept = existsSync(out) ? `${out} was left as it was` : 'nothing was written';
      throw new BuildStop(`build: cannot write ${next} (${describeError(error)}); ${kept}`);
    }
    const result = await astroBuild(next, out);
    if (result.code !== 0) {
      try {
        rmSync(next, { recursive: true, force: true });
      } catch {
        // Removed by the next build.
      }
      const why = result.signal ? ` (stopped by ${result.signal})` : '';
      console.error(`build failed${why}; ${existsSync(out) ? `${out} was left as it was` : 'nothing was written'}.`);
      return result.code ?? 1;
    }
    for (const warning of swapIn(next, out)) console.error(warning);
    recordBuild(ROOT, out, fingerprint);
    pruneCaches(startedAt, ROOT);
    console.log(`site written to ${out}`);
    return 0;
  } finally {
    release();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  // Every expected failure is a BuildStop with its line; anything else is still one line, not a trace.
  console.error(error instanceof BuildStop ? error.message : `build: ${describeError(error)}`);
  process.exitCode = 1;
}
