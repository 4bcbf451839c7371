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
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { topicsFileFor } from '../src/loader/load-topics.ts';
import { buildNow } from '../src/model/editions.ts';
import { dateProblem, toZonedIso } from '../src/rules/dates.ts';
import { editionsDirFrom, environmentProblems } from '../src/site/environment.ts';
import { getSite } from '../src/site/settings.ts';
import { cacheRoot, pruneCaches } from '../src/cache/named-cache.ts';
import { PREVIOUS_OUTPUT_VARIABLE } from '../src/handoffs.ts';
import { inputsFingerprint, lastBuild, recordBuild, upToDate } from './lib/build-fingerprint.ts';
import { acquireLock, BuildStop, describeError, outDirProblem, swapIn } from './lib/build-safety.ts';
import { astroErrorFilter } from './lib/astro-output.ts';
import { outputFolders } from './lib/output-folder.ts';
import { discardStaging, finishStaging, keptLine, noSpace, prepareStaging } from './lib/staging.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** Variables a test runner sets that Vite reads as the build's mode. */
const VITE_MODE_VARIABLES = /^(VITEST.*|TEST|DEV|PROD|SSR|MODE)$/;

/** How Astro ended, and whether it ran out of disk space. */
interface AstroEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  diskFull?: boolean;
}

/**
 * Runs `astro build` into `next`; forwards Ctrl-C and SIGTERM to it, so
 * cleanup still happens. Its errors pass through `astroErrorFilter`: no backtraces.
 */
function astroBuild(next: string, out: string): Promise<AstroEnd> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', next], {
      stdio: ['inherit', 'inherit', 'pipe'],
      // A heap limit makes V8 collect garbage instead of growing: measured in bench/RESULTS.md.
      env: {
        // A build is production, whoever starts it: a test runner's NODE_ENV=test, DEV=1, MODE and VITEST*
        // variables make Astro and Vite build in dev mode (dev-only code, a dev security policy).
        ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITE_MODE_VARIABLES.test(name))),
        NODE_ENV: 'production',
        ASTRO_TELEMETRY_DISABLED: '1',
        // glibc's malloc gives an allocation of 64 KB or more back to the system when it is freed; by default it
        // raises that size as large blocks are freed, and Astro's process then kept ~100 MB more at 10,000
        // editions (bench/RESULTS.md). Its child processes inherit it.
        MALLOC_MMAP_THRESHOLD_: process.env['MALLOC_MMAP_THRESHOLD_'] ?? '65536',
        // Unchanged files are linked from the site being replaced (src/cache/previous-output.ts).
        [PREVIOUS_OUTPUT_VARIABLE]: existsSync(out) ? out : '',
        // --expose-gc: the end of the build frees file buffers as it goes (src/render/edition-files.ts).
        NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --max-old-space-size=1024 --expose-gc`.trim(),
      },
    });
    const errors = astroErrorFilter((text) => process.stderr.write(text));
    child.stderr?.setEncoding('utf8').on('data', errors.push);
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward).on('SIGHUP', forward);
    child.once('error', (error) => {
      console.error(`build: cannot start astro (${describeError(error)})`);
      done({ code: 1, signal: null });
    });
    // 'close': after the last of its output was read.
    child.once('close', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward).off('SIGHUP', forward);
      done({ code, signal, ...errors.finish() });
    });
  });
}

const HELP = `usage: npm run build [-- --force]

Checks every edition, builds the site into dist.next/ and swaps it into dist/; any content error
stops it and dist/ stays as it was. With nothing changed since the last build it leaves dist/ alone.

  --force    build even when nothing changed
Environment: SITE_URL, BASE_PATH, BUILD_DATE or SOURCE_DATE_EPOCH, EDITIONS_DIR, PUBLIC_DIR, OUT_DIR, SITE_CONFIG.`;

/**
 * Where Astro builds when the output is on another file system: inside the
 * project, so that Astro's own rename out of `.astro/` stays on one file system.
 */
const STAGING = join(ROOT, 'node_modules/.cache/newsletter-staging');

/** The output folder, once known: an unexpected file-system error names it. */
let building: string | undefined;

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  const problems = environmentProblems(process.env, { root: process.cwd(), editionsMustExist: true, outDir: true });
  if (problems.length) {
    for (const line of problems) console.error(line);
    return 1;
  }
  const refused = outDirProblem(process.env['OUT_DIR'] ?? 'dist', ROOT, resolve(editionsDirFrom()));
  if (refused) throw new BuildStop(refused);
  // Only folders a build wrote are ever deleted or replaced; a symlinked dist is followed.
  const folders = outputFolders(process.env['OUT_DIR'], process.cwd(), ROOT);
  const { out } = folders;
  building = out;

  const startedAt = Date.now();
  const release = acquireLock(join(cacheRoot(ROOT), 'build.lock'));
  process.once('exit', release);
  try {
    const editionsDir = editionsDirFrom();
    const now = buildNow().getTime();
    const timeZone = getSite().timeZone;
    const fingerprintNow = () =>
      inputsFingerprint(process.cwd(), {
        editionsDir,
        topicsFile: topicsFileFor(editionsDir),
        env: process.env,
        scheduled: (date) => !dateProblem(date) && Date.parse(toZonedIso(date, timeZone)) > now,
      });
    let fingerprint: string | undefined;
    if (!process.argv.includes('--force') && lastBuild(ROOT, out)) {
      fingerprint = fingerprintNow();
      if (upToDate(ROOT, out, fingerprint)) {
        console.log(`site is up to date: no input changed since the last build, so ${out} was left as it was`);
        return 0;
      }
    }
    const kept = keptLine(folders, existsSync);
    const staging = prepareStaging(folders, process.cwd(), STAGING, kept);
    const building = astroBuild(staging.astroOut, out);
    // With no earlier build to compare with, the fingerprint is only recorded, so it is worked out while Astro
    // starts, on the core Astro's start leaves idle: on a first build it reads every edition's front matter.
    let inputs: string | { unread: unknown };
    try {
      inputs = fingerprint ?? fingerprintNow();
    } catch (error) {
      inputs = { unread: error };
    }
    const result = await building;
    if (result.code !== 0 || typeof inputs !== 'string') {
      discardStaging(staging);
      // An input that could not be read fails the build as it would have before Astro started.
      if (typeof inputs !== 'string') throw inputs.unread;
      if (result.diskFull) throw new BuildStop(noSpace(staging.astroOut, kept));
      const why = result.signal ? ` (stopped by ${result.signal})` : '';
      console.error(`build failed${why}; ${kept}.`);
      return result.code ?? 1;
    }
    finishStaging(staging, kept);
    for (const warning of swapIn(staging.next, out)) console.error(warning);
    recordBuild(ROOT, out, inputs);
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
  const where = building && (error as NodeJS.ErrnoException).code ? ` (building ${building})` : '';
  console.error(error instanceof BuildStop ? error.message : `build: ${describeError(error)}${where}`);
  process.exitCode = 1;
}
