/**
 * `npm run send -- <n>`: hands edition <n> to the email service that holds
 * the subscribers (Buttondown, Kit, Mailchimp or listmonk), once.
 *
 *   npm run send -- 12                    # sends it, unless the service already has it as sent
 *   npm run send -- 12 --dry-run          # what would happen; nothing is sent
 *   npm run send -- 12 --test me@x.org    # one copy through SMTP_URL, not recorded
 *   npm run send -- 12 --draft            # a draft at the service, to look at there
 *   npm run send -- --published           # every published edition from send.since on (CI)
 *
 * Thin: arguments here, the work in scripts/send/. Never prints a stack
 * trace: a failure is one `send: …` line and exit 1; usage mistakes exit 2.
 */
import { parseArgs } from 'node:util';
import { buildNow } from '../src/model/editions.ts';
import { checkEnvironmentOrExit, editionsDirFrom } from '../src/site/environment.ts';
import { getSiteOrExit, settingsModule } from '../src/site/settings.ts';
import { oneLine } from '../src/diagnostics/format.ts';
import { loadAll, pickEdition } from './send/content.ts';
import { SendFailure, timeoutFrom } from './send/http.ts';
import { sendEdition, type Mode, type Run } from './send/run.ts';
import { sendTarget } from './send/target.ts';

const USAGE =
  'usage: npm run send -- <edition number> [--dry-run | --test <address> | --draft]\n' +
  '       npm run send -- --published [--dry-run] [--as-of <date-time>]';

/** Reads the arguments; a string is a usage mistake. */
function readArgs(): { numbers: number[]; published: boolean; mode: Mode; to?: string; asOf?: string } | string {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        test: { type: 'string' },
        draft: { type: 'boolean', default: false },
        published: { type: 'boolean', default: false },
        'as-of': { type: 'string' },
      },
    });
  } catch (error) {
    return (error as Error).message;
  }
  const { values, positionals } = parsed;
  const modes = [values['dry-run'] && '--dry-run', values.test !== undefined && '--test', values.draft && '--draft'];
  const given = modes.filter(Boolean);
  if (given.length > 1) return `${given.join(' and ')} cannot be used together`;
  if (values.test !== undefined && !/^[^\s@]+@[^\s@]+$/.test(values.test))
    return `--test: expected an email address, got ${JSON.stringify(oneLine(values.test))}`;
  const mode: Mode = values['dry-run']
    ? 'dry-run'
    : values.test !== undefined
      ? 'test'
      : values.draft
        ? 'draft'
        : 'send';
  if (values.published) {
    if (positionals.length) return '--published sends every published edition; give no edition number with it';
    if (mode === 'test' || mode === 'draft') return `--published cannot be used with ${given[0]}`;
  } else if (values['as-of'] !== undefined) return '--as-of goes with --published';
  const numbers = positionals.map(Number);
  if (!values.published && (positionals.length !== 1 || !numbers.every((n) => Number.isInteger(n) && n >= 1)))
    return `expected one edition number, got ${JSON.stringify(oneLine(positionals.join(' ')))}`;
  if (values['as-of'] !== undefined && Number.isNaN(Date.parse(values['as-of'])))
    return `--as-of: expected an ISO 8601 date-time such as 2026-03-22T12:00:00Z, got ${JSON.stringify(oneLine(values['as-of']))}`;
  return {
    numbers,
    published: values.published,
    mode,
    ...(values.test !== undefined ? { to: values.test } : {}),
    ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
  };
}

async function main(): Promise<number> {
  const args = readArgs();
  if (typeof args === 'string') {
    console.error(`send: ${args}\n${USAGE}`);
    return 2;
  }
  checkEnvironmentOrExit({ editionsMustExist: true });
  const site = getSiteOrExit();
  const target = sendTarget(site, settingsModule().file);
  if (!target && args.mode !== 'test') {
    const none = `no email service to send through: set \`send\` (or a \`subscribe\` provider among buttondown, kit, mailchimp, listmonk) in ${settingsModule().file}`;
    if (args.published) {
      console.log(`send: ${none}; nothing is sent`);
      return 0;
    }
    throw new SendFailure(none);
  }
  const now = buildNow();
  const run: Run = {
    site,
    target,
    mode: args.mode,
    to: args.to,
    env: process.env,
    timeoutMs: timeoutFrom(process.env),
    now,
    dist: process.env['OUT_DIR'] || 'dist',
    print: (line) => console.log(line),
  };
  const dir = editionsDirFrom();
  const content = await loadAll(site, dir);
  if (!args.published) return sendEdition(run, pickEdition(content, args.numbers[0]!, dir));

  const since = target!.since;
  if (since === undefined) {
    console.log(
      `send: send.since is not set in ${settingsModule().file}; nothing is sent (set it to the first edition to mail, so that an imported archive is never mailed)`,
    );
    return 0;
  }
  const asOf = args.asOf ? new Date(args.asOf) : now;
  const due = content.editions
    .filter((e) => !e.draft && Date.parse(e.date) <= asOf.getTime() && e.number >= since)
    .sort((a, b) => a.number - b.number);
  if (due.length === 0) console.log(`send: no published edition from ${since} on; nothing to send`);
  let code = 0;
  // One edition failing does not keep the next from going out; the run still exits 1.
  for (const edition of due) {
    try {
      code = Math.max(code, await sendEdition(run, pickEdition(content, edition.number, dir)));
    } catch (error) {
      if (!(error instanceof SendFailure)) throw error;
      console.error(`send: ${error.message}`);
      code = 1;
    }
  }
  return code;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof SendFailure)) throw error;
  console.error(`send: ${error.message}`);
  process.exitCode = 1;
}
