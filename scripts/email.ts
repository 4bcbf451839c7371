/**
 * `npm run email -- <n>`: where the email edition of edition <n> is, for
 * pasting into an email service.
 *
 *   npm run email -- 2                # paths of dist/editions/2/email.{html,txt} (after npm run build)
 *   npm run email -- 2 --out mail/    # writes email.html and email.txt for edition 2 into mail/
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { emailHtml, emailText } from '../src/render/email.ts';
import { checkEnvironmentOrExit, editionsDirFrom } from '../src/site/environment.ts';
import { getSiteOrExit } from '../src/site/settings.ts';
import { loadEditions } from '../src/loader/load-editions.ts';
import { buildNow, unpublishedReason } from '../src/model/editions.ts';

const USAGE = 'usage: npm run email -- <edition number> [--out folder]';
const HELP = `${USAGE}

Prints where the built email edition is (dist/editions/<n>/email.html and email.txt).

  --out      write email.html and email.txt for the edition into this folder, from content/`;

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  checkEnvironmentOrExit();
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
  } catch (error) {
    console.error(`email: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const number = Number(parsed.positionals[0]);
  // Edition 0 is an edition; `Number('')` is 0 too, so the digits are checked as written.
  if (parsed.positionals.length !== 1 || !/^\d+$/.test(parsed.positionals[0]!) || !Number.isSafeInteger(number)) {
    console.error(`email: expected one edition number, got ${JSON.stringify(parsed.positionals.join(' '))}\n${USAGE}`);
    return 2;
  }
  const site = getSiteOrExit();
  checkEnvironmentOrExit({ editionsMustExist: true });
  const dir = editionsDirFrom();
  const { editions, problems } = await loadEditions({
    root: process.cwd(),
    dir,
    settings: { timeZone: site.timeZone, lang: site.lang, base: site.base },
  });
  const edition = editions.find((e) => e.number === number);
  if (!edition) {
    const broken = problems.some((p) => p.severity === 'error');
    const latest = editions[0] ? `; the latest is edition ${editions[0].number}` : '';
    console.error(
      `email: edition ${number} does not exist in ${dir}${broken ? ' (or does not pass `npm run check`)' : ''}${latest}`,
    );
    return 1;
  }
  if (!parsed.values.out) {
    const folder = resolve('dist/editions', String(number));
    const files = ['email.html', 'email.txt'].map((name) => join(folder, name));
    if (!files.every((file) => existsSync(file))) {
      const reason = unpublishedReason(edition, buildNow());
      const why = reason
        ? `edition ${number} is ${reason === 'draft' ? 'a draft' : 'scheduled'}, so builds leave it out; pass`
        : `${files[0]} is not built; run \`npm run build\` first, or pass`;
      console.error(`email: ${why} --out <folder> to write its email there`);
      return 1;
    }
    console.log(files.join('\n'));
    return 0;
  }
  if (edition.draft)
    console.error(`email: edition ${number} is a draft; its "read on the web" link works once it is published`);
  const out = resolve(parsed.values.out);
  try {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'email.html'), emailHtml(edition, site));
    writeFileSync(join(out, 'email.txt'), emailText(edition, site));
  } catch (error) {
    console.error(`email: cannot write to ${out}: ${(error as Error).message}`);
    return 1;
  }
  console.log(`${join(out, 'email.html')}\n${join(out, 'email.txt')}`);
  return 0;
}

process.exitCode = await main();
