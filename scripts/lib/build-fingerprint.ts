/**
 * What lets `npm run build` leave `dist/` alone when nothing changed: a hash
 * of every input a build reads — the editions and topics, the site's source,
 * settings and public files, the lock file, the environment that changes
 * output — plus which editions are still scheduled at the build's "now", so
 * that a scheduled edition goes live on its date even when no file changed.
 * A build records the hash (and a listing of what it wrote) once it has
 * swapped its output in; the next build compares.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { defineCache } from '../../src/cache/named-cache.ts';
import { sourceFiles, sourceVersion } from '../../src/cache/source-version.ts';
import { formatProblem } from '../../src/diagnostics/format.ts';
import { readEdition } from '../../src/loader/read-edition.ts';
import { readEditionFile, scanEditionFiles } from '../../src/loader/scan-editions.ts';
import { publicDirFrom } from '../../src/site/environment.ts';

/** Environment variables that change what a build writes. */
const OUTPUT_ENV = [
  'SITE_URL',
  'BASE_PATH',
  'SITE_CONFIG',
  'EDITIONS_DIR',
  'PUBLIC_DIR',
  'BUILD_DATE',
  'SOURCE_DATE_EPOCH',
];
/** Project files and folders every build reads (and the public folder, `PUBLIC_DIR`). */
const PROJECT_INPUTS = ['src', 'astro.config.ts', 'package.json', 'package-lock.json'];

/**
 * The files under `path`, sorted; symbolic links followed but never round a
 * loop, and nothing but plain files read (a named pipe would block).
 */
function walk(path: string, out: string[] = [], seen = new Set<string>()): string[] {
  let real: string;
  let kind;
  try {
    real = realpathSync(path);
    kind = statSync(real);
  } catch {
    return out;
  }
  if (kind.isDirectory()) {
    if (seen.has(real)) return out;
    seen.add(real);
    for (const name of readdirSync(path).sort()) walk(join(path, name), out, seen);
    seen.delete(real);
  } else if (kind.isFile()) out.push(path);
  return out;
}

/** The publication date an edition gives, as the loader reads it (byte-order mark, quoted keys, CRLF). */
function publicationDate(file: string, bytes: Uint8Array): string | null {
  const date = (readEdition(file, bytes).source?.data as { date?: unknown } | undefined)?.date;
  return typeof date === 'string' ? date : date instanceof Date ? date.toISOString() : null;
}

/**
 * Each edition's publication date by the sha256 of its bytes, kept between
 * builds in one entry of the build records (keyed by the reader's code):
 * reading every file's front matter again cost 2 ms an edition, 2 s of every
 * build at 1,000 editions, the one that changes nothing too.
 */
function publicationDates(root: string): { of: (file: string, bytes: Uint8Array) => string | null; keep: () => void } {
  const records = BUILD_RECORDS.at(root);
  const key = records.key('publication dates', sourceVersion(root, 'src/loader/read-edition.ts'));
  let known: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(records.get(key)?.toString('utf8') ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) known = parsed as Record<string, unknown>;
  } catch {
    // An unreadable entry is a miss.
  }
  const now: Record<string, string | null> = {};
  let changed = false;
  return {
    of(file, bytes) {
      const digest = createHash('sha256').update(bytes).digest('hex');
      const cached = known[digest];
      const date = typeof cached === 'string' || cached === null ? cached : publicationDate(file, bytes);
      changed ||= date !== cached;
      return (now[digest] = date);
    },
    // Only the editions of this build are kept, so the entry never outgrows the folder.
    keep: () => {
      if (changed || Object.keys(now).length !== Object.keys(known).length)
        records.set(key, Buffer.from(JSON.stringify(now)));
    },
  };
}

/**
 * The fingerprint of a build's inputs: exactly what a build reads. The
 * editions through the loader's own scan (`src/loader/scan-editions.ts`), so
 * that nothing the loader skips is opened here; the settings module named by
 * `SITE_CONFIG` (a path from `root`, or absolute) and every file it imports;
 * and which editions are still scheduled, by the date the loader parses.
 * `scheduled(date)` says whether an edition dated `date` is still in the
 * future at the build's "now".
 */
export function inputsFingerprint(
  root: string,
  options: { editionsDir: string; topicsFile: string; env: NodeJS.ProcessEnv; scheduled: (date: string) => boolean },
): string {
  const hash = createHash('sha256');
  for (const name of OUTPUT_ENV) hash.update(`${name}=${options.env[name] ?? ''}\n`);
  const settingsModule = options.env['SITE_CONFIG'];
  const files = [
    ...[...PROJECT_INPUTS, publicDirFrom(options.env)].flatMap((input) => walk(resolve(root, input))),
    ...(settingsModule ? sourceFiles(resolve(root, settingsModule)) : []),
    join(root, options.topicsFile),
  ];
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash.update(relative(root, file)).update('\0').update(readFileSync(file));
  }
  const folder = join(root, options.editionsDir);
  const scan = scanEditionFiles(folder, root);
  for (const problem of scan.problems) hash.update(`${formatProblem(problem)}\n`);
  const stillScheduled: string[] = [];
  const dates = publicationDates(root);
  for (const name of scan.files) {
    const file = relative(root, join(folder, name));
    const read = readEditionFile(join(folder, name));
    hash.update(file).update('\0');
    if ('problem' in read) {
      hash.update(`${read.problem.message}\n`);
      continue;
    }
    hash.update(read.bytes);
    const date = dates.of(file, read.bytes);
    if (date && options.scheduled(date)) stillScheduled.push(file);
  }
  dates.keep();
  // Which editions are still scheduled decides what is published: when "now" passes one, the site changes.
  hash.update(`scheduled:${stillScheduled.join('\n')}`);
  return hash.digest('hex');
}

/** A listing of a built folder (paths and sizes), to notice a `dist/` changed or emptied by hand. */
export function outputListing(out: string): string {
  const hash = createHash('sha256');
  // The build writes no links inside the output, so a plain listing does (a third of the time of `walk`).
  const list = (folder: string, prefix: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) list(path, `${prefix}${entry.name}/`);
      else if (entry.isFile() || entry.isSymbolicLink())
        try {
          hash.update(`${prefix}${entry.name}\0${statSync(path).size}\n`);
        } catch {
          hash.update(`${prefix}${entry.name}\0gone\n`);
        }
    }
  };
  list(out, '');
  return hash.digest('hex');
}

/** The record of the last build into each output folder (a named cache, `src/cache/`), keyed by the folder. */
export const BUILD_RECORDS = defineCache({ name: 'build-records', version: () => '' });

/** The record of the last build into `out`, if any: what `upToDate` compares with. */
export function lastBuild(root: string, out: string): Buffer | undefined {
  const records = BUILD_RECORDS.at(root);
  return records.get(records.key(out));
}

/** True when the last build into `out` had these inputs and `out` is still what it wrote. */
export function upToDate(root: string, out: string, fingerprint: string): boolean {
  try {
    const entry = lastBuild(root, out);
    if (!entry) return false;
    const record = JSON.parse(entry.toString('utf8')) as { inputs: string; output: string };
    return record.inputs === fingerprint && existsSync(out) && record.output === outputListing(out);
  } catch {
    return false;
  }
}

/** Records a finished build of `out` from these inputs; a record that cannot be written only costs a rebuild. */
export function recordBuild(root: string, out: string, fingerprint: string): void {
  const records = BUILD_RECORDS.at(root);
  records.set(records.key(out), Buffer.from(JSON.stringify({ inputs: fingerprint, output: outputListing(out) })));
}
