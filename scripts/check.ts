/**
 * `npm run check`: validates every edition without building the site, with
 * the same loader the build uses. Prints every problem of every file, one per
 * line, then a summary; exits 1 on any error.
 *
 *   npm run check                    # lines for people
 *   npm run check -- --format json   # the same findings as JSON
 *   npm run check -- --dir path      # another editions folder
 *
 * With GITHUB_ACTIONS=true it also prints ::error annotations.
 */
import { parseArgs } from 'node:util';
import { buildNow, unpublishedReason } from '../src/model/editions.ts';
import { checkEnvironmentOrExit, editionsDirFrom } from '../src/site/environment.ts';
import { hasErrors } from '../src/diagnostics/problem.ts';
import { notACommand, oneLine, githubAnnotation, problemLines, summaryLine } from '../src/diagnostics/format.ts';
import { loadContent } from '../src/loader/load-content.ts';
import { getSiteOrExit } from '../src/site/settings.ts';

const USAGE = 'usage: npm run check -- [--format text|json] [--dir content/editions]';
const HELP = `${USAGE}

Checks every edition without building: prints each problem (file:line  field: message), lists
drafts and scheduled editions, then a summary. Exit 1 on any error; warnings keep 0.

  --format   text (default) or json
  --dir      another editions folder (default: EDITIONS_DIR or content/editions)`;

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  checkEnvironmentOrExit({ editionsMustExist: true });
  let args;
  try {
    args = parseArgs({
      options: {
        format: { type: 'string', default: 'text' },
        dir: { type: 'string', default: editionsDirFrom() },
      },
    }).values;
  } catch (error) {
    console.error(`check: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.format !== 'text' && args.format !== 'json') {
    console.error(`check: --format: expected "text" or "json", got "${args.format}"`);
    return 2;
  }
  if (args.dir.trim() === '') {
    console.error('check: --dir: expected a folder such as content/editions, got ""');
    return 2;
  }
  const site = getSiteOrExit();
  const result = await loadContent({
    root: process.cwd(),
    dir: args.dir,
    settings: { timeZone: site.timeZone, lang: site.lang },
  });
  const { problems } = result;
  const now = buildNow();
  const unpublished = result.editions
    .map((e) => ({ edition: e.number, file: e.file, date: e.date, status: unpublishedReason(e, now) }))
    .filter((e) => e.status !== null)
    .sort((a, b) => a.edition - b.edition);

  if (args.format === 'json') {
    const summary = summaryLine(problems, result.files);
    console.log(JSON.stringify({ summary, files: result.files, problems, unpublished }, null, 2));
  } else {
    for (const line of problemLines(problems)) console.log(line);
    for (const u of unpublished)
      console.log(
        notACommand(
          `${oneLine(u.file)}  ${u.status}: edition ${u.edition} (${u.date}) is left out of production builds`,
        ),
      );
    console.log(summaryLine(problems, result.files));
  }
  if (process.env['GITHUB_ACTIONS'] === 'true') for (const p of problems) console.log(githubAnnotation(p));
  return hasErrors(problems) ? 1 : 0;
}

process.exitCode = await main();
