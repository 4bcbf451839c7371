/**
 * `npm run figures`: refreshes the points, comments and `as_of` of an
 * edition's discussions from the forums' public APIs, in place, and checks
 * who is quoted and the figures in the prose.
 *
 *   npm run figures -- 3            # edition 3
 *   npm run figures -- --drafts     # every draft and scheduled edition
 *   npm run figures -- 3 --add      # also add threads the body links but discussions: lacks
 *
 * Thin: arguments here, the work in scripts/figures/. Exit 1 when a thread
 * could not be refreshed (its entry stays as it was); warnings keep 0.
 */
import { parseArgs } from 'node:util';
import { oneLine } from '../src/diagnostics/format.ts';
import { buildNow } from '../src/model/editions.ts';
import { dateProblem, toZonedIso } from '../src/rules/dates.ts';
import { checkEnvironmentOrExit, editionsDirFrom, forumApisFrom } from '../src/site/environment.ts';
import { getSiteOrExit } from '../src/site/settings.ts';
import { PoliteClient } from './figures/http.ts';
import { refreshEdition } from './figures/refresh.ts';
import { editionHeaders, type EditionHeader } from './lib/edition-headers.ts';

const USAGE = 'usage: npm run figures -- <edition number> | --drafts [--add] [--dir content/editions]';
const HELP = `${USAGE}

Refreshes points, comments and as_of of each discussion on Hacker News, Lobsters or Reddit
in the edition's front matter (nothing else in the file changes), then warns about quoted
commenters who are not in the section's threads and about figures in the text that no longer
match. Exit 1 when a thread could not be read; its entry is left as it was.

  --drafts   every draft and scheduled edition
  --add      also add threads linked in the body but missing from discussions:
  --dir      another editions folder (default: EDITIONS_DIR or content/editions)

Environment: HN_API_URL, HN_ALGOLIA_URL, LOBSTERS_API_URL, REDDIT_API_URL (API origins),
BUILD_DATE (the as_of written).`;

/** The instant an edition is published, or null for a date the check refuses. */
function scheduledAt(date: string | null, timeZone: string): number | null {
  return date === null || dateProblem(date) ? null : Date.parse(toZonedIso(date, timeZone));
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        drafts: { type: 'boolean', default: false },
        add: { type: 'boolean', default: false },
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`figures: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  checkEnvironmentOrExit({ editionsMustExist: values.dir === undefined });
  const number = Number(positionals[0]);
  const wantsOne = positionals.length === 1 && Number.isInteger(number) && number > 0;
  if (values.drafts ? positionals.length > 0 : !wantsOne) {
    const got = positionals.length ? `got ${JSON.stringify(positionals.join(' '))}` : 'got nothing';
    console.error(`figures: expected one edition number or --drafts, ${got}\n${USAGE}`);
    return 2;
  }
  const dir = values.dir ?? editionsDirFrom();
  if (dir.trim() === '') {
    console.error('figures: --dir: expected a folder such as content/editions, got ""');
    return 2;
  }
  const site = getSiteOrExit();
  const root = process.cwd();
  const now = buildNow();
  let headers: EditionHeader[];
  try {
    headers = editionHeaders(root, dir);
  } catch (error) {
    console.error(`figures: cannot read the editions in ${oneLine(dir)} (${(error as Error).message})`);
    return 1;
  }
  const chosen = values.drafts
    ? headers.filter((h) => h.draft || (scheduledAt(h.date, site.timeZone) ?? 0) > now.getTime())
    : headers.filter((h) => h.number === number);
  if (chosen.length === 0) {
    if (values.drafts) {
      console.log(`figures: no draft or scheduled edition in ${oneLine(dir)}; nothing to refresh`);
      return 0;
    }
    console.error(`figures: no edition ${number} in ${oneLine(dir)}`);
    return 1;
  }
  const client = new PoliteClient();
  let failed = false;
  for (const header of chosen.sort((a, b) => a.number - b.number)) {
    const result = await refreshEdition({
      root,
      file: header.file,
      number: header.number,
      add: values.add,
      apis: forumApisFrom(),
      client,
      now,
      timeZone: site.timeZone,
      lang: site.lang,
    });
    for (const line of result.lines) console.log(line);
    failed ||= result.failed;
  }
  return failed ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`figures: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
