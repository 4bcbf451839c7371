/**
 * `npm run new`: starts the next edition as a draft.
 *
 *   npm run new                        # next number, dated now in the site's time zone
 *   npm run new -- --date 2026-04-05   # or a given date (or date-time with offset)
 *
 * Never overwrites a file; prints what it created.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dateProblem, toZonedIso } from '../src/rules/dates.ts';
import { buildNow } from '../src/model/editions.ts';
import { fsReason } from '../src/diagnostics/from-fs.ts';
import { oneLine } from '../src/diagnostics/format.ts';
import { checkEnvironmentOrExit, editionsDirFrom } from '../src/site/environment.ts';
import { editionFileName, editionTemplate, nextEditionNumber, toMinute } from './lib/scaffold.ts';
import { getSiteOrExit } from '../src/site/settings.ts';
import { listEditionFiles } from '../src/loader/load-editions.ts';
import { readEdition } from '../src/loader/read-edition.ts';

function main(): number {
  checkEnvironmentOrExit();
  let args;
  try {
    args = parseArgs({
      options: {
        date: { type: 'string' },
        dir: { type: 'string', default: editionsDirFrom() },
      },
    }).values;
  } catch (error) {
    console.error(`new: ${(error as Error).message}\nusage: npm run new -- [--date 2026-04-05]`);
    return 2;
  }
  if (args.dir.trim() === '') {
    console.error('new: --dir: expected a folder such as content/editions, got ""');
    return 2;
  }
  const site = getSiteOrExit();
  if (args.date !== undefined && dateProblem(args.date)) {
    console.error(`new: --date: ${dateProblem(args.date)}, got ${JSON.stringify(args.date)}`);
    return 2;
  }
  const date = args.date ?? toMinute(toZonedIso(buildNow().toISOString(), site.timeZone));
  const folder = resolve(args.dir);
  const cannotWrite = (where: string, error: unknown) =>
    `new: cannot write to ${oneLine(where)} (${fsReason(error)}); nothing was written`;
  try {
    // The first edition of a new newsletter starts the folder.
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    console.error(cannotWrite(args.dir, error));
    return 1;
  }
  // Every number in use counts, even in files that do not pass the check yet.
  let numbers: number[];
  let reading = '';
  try {
    numbers = listEditionFiles(folder).flatMap((name) => {
      reading = name;
      const data = readEdition(name, readFileSync(join(folder, name))).source?.data as
        { edition?: unknown } | undefined;
      return Number.isInteger(data?.edition) ? [data!.edition as number] : [];
    });
  } catch (error) {
    const what = reading ? join(args.dir, reading) : `the editions in ${args.dir}`;
    console.error(`new: cannot read ${oneLine(what)} (${fsReason(error)}); nothing was written`);
    return 1;
  }
  const number = nextEditionNumber(numbers);
  const file = join(args.dir, editionFileName(date, number));
  try {
    writeFileSync(resolve(file), editionTemplate(number, date, site.lang), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') console.error(cannotWrite(args.dir, error));
    else console.error(`new: ${file} already exists; nothing was written`);
    return 1;
  }
  console.log(`Created ${file}: edition ${number}, dated ${date}, as a draft.`);
  console.log('Write it, run `npm run check`, then remove "draft: true" to publish.');
  return 0;
}

process.exitCode = main();
