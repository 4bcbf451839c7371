/**
 * `npm run new`: starts the next edition as a draft.
 *
 *   npm run new                          # next number, dated today in the site's time zone
 *   npm run new -- --date 2026-04-05     # or a given date (or date-time with offset)
 *   npm run new -- --number 12           # or a given number not in use
 *   npm run new -- --thread <url> …      # one story per thread, with its title and figures
 *
 * The file is named after the edition's date in the site's time zone. A date
 * before the previous edition's is refused. Never overwrites a file; prints
 * what it created.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { oneLine } from '../src/diagnostics/format.ts';
import { fsReason } from '../src/diagnostics/from-fs.ts';
import { buildNow } from '../src/model/editions.ts';
import { dateProblem, toZonedIso } from '../src/rules/dates.ts';
import { classifyUrl } from '../src/rules/forums.ts';
import { checkEnvironmentOrExit, editionsDirFrom, forumApisFrom } from '../src/site/environment.ts';
import { getSiteOrExit } from '../src/site/settings.ts';
import { apiThread, profileUrl, readThread } from './figures/forum-apis.ts';
import { PoliteClient } from './figures/http.ts';
import { editionHeaders, type EditionHeader } from './lib/edition-headers.ts';
import {
  editionFileName,
  editionTemplate,
  nextEditionNumber,
  threadEditionTemplate,
  type ThreadStory,
} from './lib/scaffold.ts';

const USAGE = 'usage: npm run new -- [--date 2026-04-05] [--number N] [--thread <url> …] [--dir content/editions]';
const HELP = `${USAGE}

Starts the next edition as a draft in content/editions/, named YYYY-MM-DD-edition-N.md after its date.

  --date     the edition's date or date-time with offset (default: today in the site's time zone);
             never earlier than the previous edition's
  --number   the edition's number (default: one more than the highest in use)
  --thread   a Hacker News, Lobsters or Reddit thread: one story each, with the thread's title,
             article, figures and most active commenters (repeat for more; reads the forum's API)
  --dir      another editions folder (default: EDITIONS_DIR or content/editions)`;

/** A mistake in what was asked: the line to print; exit 2 for usage, 1 for a refusal (a number or date out of order). */
class Usage extends Error {
  readonly code: number;
  constructor(message: string, code = 2) {
    super(message);
    this.code = code;
  }
}

interface Options {
  date: string | undefined;
  number: number | undefined;
  threads: string[];
  dir: string;
}

function parseOptions(): Options | 'help' {
  let values;
  try {
    values = parseArgs({
      options: {
        date: { type: 'string' },
        number: { type: 'string' },
        thread: { type: 'string', multiple: true, default: [] },
        dir: { type: 'string', default: editionsDirFrom() },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new Usage((error as Error).message);
  }
  if (values.help) return 'help';
  if (values.dir.trim() === '') throw new Usage('--dir: expected a folder such as content/editions, got ""');
  if (values.date !== undefined && dateProblem(values.date))
    throw new Usage(`--date: ${dateProblem(values.date)}, got ${JSON.stringify(values.date)}`);
  const number = values.number === undefined ? undefined : Number(values.number);
  if (number !== undefined && !/^\d+$/.test(values.number!))
    throw new Usage(`--number: expected a whole number, 0 or more, got ${JSON.stringify(values.number)}`);
  for (const url of values.thread) {
    const kind = classifyUrl(url);
    if (kind.kind !== 'thread' || !apiThread(kind.key))
      throw new Usage(`--thread: expected a Hacker News, Lobsters or Reddit thread URL, got ${JSON.stringify(url)}`);
  }
  return { date: values.date, number, threads: values.thread, dir: values.dir };
}

/** The number to use: the one asked for when it is free, else the next. */
function chooseNumber(asked: number | undefined, editions: readonly EditionHeader[]): number {
  const next = nextEditionNumber(editions.map((e) => e.number));
  if (asked === undefined) return next;
  const taken = editions.find((e) => e.number === asked);
  if (taken)
    throw new Usage(
      `--number: edition ${asked} is already used by ${oneLine(taken.file)}; expected a number not in use (the next is ${next})`,
      1,
    );
  return asked;
}

/** Refuses a date out of order with the editions around the new number (dates grow with numbers). */
function checkOrder(
  date: string,
  given: boolean,
  number: number,
  editions: readonly EditionHeader[],
  timeZone: string,
): void {
  const at = (d: string) => Date.parse(toZonedIso(d, timeZone));
  const dated = editions.filter((e) => e.date !== null && !dateProblem(e.date));
  const before = dated.filter((e) => e.number < number).sort((a, b) => b.number - a.number)[0];
  const after = dated.filter((e) => e.number > number).sort((a, b) => a.number - b.number)[0];
  const what = given ? `--date: ${date}` : `today (${date})`;
  const hint = given ? 'expected' : 'pass --date with';
  if (before && at(date) < at(before.date!))
    throw new Usage(
      `${what} is earlier than edition ${before.number}'s date ${before.date} (${oneLine(before.file)}); ${hint} a date on or after it`,
      1,
    );
  if (after && at(date) > at(after.date!))
    throw new Usage(
      `${what} is later than edition ${after.number}'s date ${after.date} (${oneLine(after.file)}); ${hint} a date on or before it`,
      1,
    );
}

/** Each thread's story, read from its forum; null (with the lines printed) when one cannot be read. */
async function readStories(urls: readonly string[], now: Date, timeZone: string): Promise<ThreadStory[] | null> {
  const client = new PoliteClient();
  const apis = forumApisFrom();
  const asOf = toZonedIso(now.toISOString(), timeZone);
  const results = await Promise.all(
    urls.map(async (url) => {
      const key = (classifyUrl(url) as { key: string }).key;
      return { url, forum: apiThread(key)!.forum, result: await readThread(key, apis, client) };
    }),
  );
  const failed = results.filter((r) => !r.result.ok);
  for (const f of failed)
    console.error(`new: --thread ${oneLine(f.url)}: could not be read (${(f.result as { reason: string }).reason})`);
  if (failed.length) return null;
  return results.map(({ url, forum, result }) => {
    const report = (result as Extract<typeof result, { ok: true }>).report;
    const commenters = [...report.commenters]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([name]) => ({ name, url: profileUrl(forum, name) }));
    return {
      url,
      title: report.title,
      article: report.article,
      points: report.points,
      comments: report.comments,
      asOf,
      commenters,
    };
  });
}

async function main(): Promise<number> {
  checkEnvironmentOrExit();
  const options = parseOptions();
  if (options === 'help') {
    console.log(HELP);
    return 0;
  }
  const site = getSiteOrExit();
  const root = process.cwd();
  const now = buildNow();
  const cannotWrite = (where: string, error: unknown) =>
    `new: cannot write to ${oneLine(where)} (${fsReason(error)}); nothing was written`;
  try {
    // The first edition of a new newsletter starts the folder.
    mkdirSync(resolve(root, options.dir), { recursive: true });
  } catch (error) {
    console.error(cannotWrite(options.dir, error));
    return 1;
  }
  let editions: EditionHeader[];
  try {
    editions = editionHeaders(root, options.dir);
  } catch (error) {
    console.error(`new: cannot read the editions in ${options.dir} (${fsReason(error)}); nothing was written`);
    return 1;
  }
  const number = chooseNumber(options.number, editions);
  const date = options.date ?? toZonedIso(now.toISOString(), site.timeZone).slice(0, 10);
  checkOrder(date, options.date !== undefined, number, editions, site.timeZone);
  const stories = options.threads.length ? await readStories(options.threads, now, site.timeZone) : [];
  if (stories === null) return 1;
  const text = stories.length
    ? threadEditionTemplate(number, date, stories, site.lang)
    : editionTemplate(number, date, site.lang);
  const file = join(options.dir, editionFileName(toZonedIso(date, site.timeZone), number));
  try {
    writeFileSync(resolve(root, file), text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') console.error(cannotWrite(options.dir, error));
    else console.error(`new: ${file} already exists; nothing was written`);
    return 1;
  }
  console.log(`Created ${file}: edition ${number}, dated ${date}, as a draft.`);
  console.log('Write it, run `npm run check`, then remove "draft: true" to publish.');
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof Usage)) throw error;
  console.error(error.code === 2 ? `new: ${error.message}\n${USAGE}` : `new: ${error.message}; nothing was written`);
  process.exitCode = error.code;
}
