/**
 * `npm run send`, once the arguments are read: for each edition, the checks,
 * then the mode (a dry run, a test copy, a draft at the service, or a send),
 * never sending what the service already holds as sent. Every outcome is one
 * line; every failure is one `send: …` line and exit 1.
 */
import { editionTitle } from '../../src/model/editions.ts';
import type { Edition } from '../../src/schemas/edition-model.ts';
import type { SendSettings } from '../../src/schemas/send.ts';
import type { SiteSettings } from '../../src/schemas/site.ts';
import { emailFindings } from './checks.ts';
import { emailOf } from './content.ts';
import { withUnsubscribeHtml, withUnsubscribeText } from './footer.ts';
import { createClient, SendFailure } from './http.ts';
import { PROVIDERS } from './providers/index.ts';
import type { Env, ProviderModule } from './providers/module.ts';
import { sendTestCopy } from './smtp.ts';
import type { Outgoing } from './types.ts';

/** What the command was asked to do with each edition. */
export type Mode = 'send' | 'dry-run' | 'draft' | 'test';

/** Everything one run needs, read and checked by the entry point. */
export interface Run {
  site: SiteSettings;
  target: SendSettings | null;
  mode: Mode;
  /** The address of `--test`. */
  to?: string | undefined;
  env: Env;
  timeoutMs: number;
  now: Date;
  /** The built site, read for the email files. */
  dist: string;
  /** Where the page of an edition is, for the "sent" line. */
  print: (line: string) => void;
}

/** The marker a service keeps with the email of edition `n`. */
export const markerOf = (n: number) => `newsletter-edition-${n}`;

const kb = (text: string) => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;

/** The sender: the `send.from` setting, else the newsletter's name at `noreply@` the site's host. */
function sender(run: Run): { name: string; address: string } {
  const from = run.target?.from;
  return {
    name: from?.name ?? run.site.name,
    address: from?.address ?? `noreply@${new URL(run.site.site).hostname}`,
  };
}

/** Why a real send of this edition must wait or is refused, or null. */
function refusal(edition: Edition, now: Date): string | null {
  if (edition.draft)
    return `edition ${edition.number} is a draft (draft: true); remove that line to send it, or review it with --draft or --test`;
  if (Date.parse(edition.date) > now.getTime())
    return `edition ${edition.number} is dated ${edition.date}, still ahead; it can go from then, once its page is published`;
  return null;
}

/** Sends (or checks, or drafts) one edition; returns the exit code. */
export async function sendEdition(run: Run, edition: Edition): Promise<number> {
  const n = edition.number;
  const module = run.mode === 'test' ? null : (PROVIDERS[run.target!.provider] as ProviderModule);
  const built = await emailOf(edition, run.site, run.dist);
  const subject = edition.subject ?? editionTitle(edition, run.site.name, run.site.lang);
  let { html, text } = built;
  if (module) {
    html = module.escape(html);
    text = module.escape(text);
    if (module.unsubscribe) {
      html = withUnsubscribeHtml(html, module.unsubscribe, run.site.lang);
      text = withUnsubscribeText(text, module.unsubscribe, run.site.lang);
    }
  }
  const findings = emailFindings({
    subject,
    built: built.html,
    html,
    text,
    placeholder: module?.unsubscribe?.placeholder ?? null,
    service: module?.service ?? 'SMTP',
  });
  for (const f of findings) run.print(`send: ${f.severity === 'warning' ? 'warning: ' : ''}edition ${n}: ${f.message}`);
  const failed = findings.some((f) => f.severity === 'error');
  const refused = run.mode === 'send' || run.mode === 'dry-run' ? refusal(edition, run.now) : null;

  if (run.mode === 'test') {
    if (failed) return 1;
    const server = await sendTestCopy(
      run.env['SMTP_URL'],
      {
        from: sender(run),
        to: run.to!,
        subject,
        html,
        text,
        unsubscribeUrl: run.site.subscribe
          ? (await import('../../src/render/subscribe-email.ts')).subscribeUrl()
          : undefined,
      },
      run.timeoutMs,
    );
    run.print(`send: edition ${n}: a test copy went to ${run.to} through ${server} (not recorded as sent)`);
    return 0;
  }

  const service = module!.service;
  const missing = module!.keyVariables.filter((v) => !run.env[v]);
  const email: Outgoing = {
    edition: n,
    marker: markerOf(n),
    name: editionTitle({ ...edition, headline: null }, run.site.name, run.site.lang),
    subject,
    preview: edition.description,
    html,
    text,
    date: edition.date,
    from: run.target!.from ? sender(run) : undefined,
  };

  if (run.mode === 'dry-run') {
    run.print(`send: edition ${n} (dry run: nothing is sent)`);
    run.print(`  service: ${service}`);
    run.print(`  subject: ${JSON.stringify(subject)}`);
    run.print(
      `  size:    HTML ${kb(html)}, text ${kb(text)} (${built.source === 'dist' ? `${run.dist}/editions/${n}/` : 'rendered from content'})`,
    );
    run.print(`  checks:  ${failed ? 'failed (see above)' : 'passed'}`);
    if (refused) run.print(`  refused: ${refused}`);
    if (missing.length) {
      run.print(
        `  status:  not looked up at ${service}: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set`,
      );
      return failed ? 1 : 0;
    }
  } else {
    if (failed) return 1;
    if (refused) throw new SendFailure(refused);
    if (missing.length)
      throw new SendFailure(`${missing[0]}: missing; expected the ${service} credentials in the environment`);
  }

  const client = createClient({
    service,
    base: module!.base(run.target as never, run.env),
    headers: module!.auth(run.env),
    keyVariable: module!.keyVariables.join(' and '),
    timeoutMs: run.timeoutMs,
  });
  const provider = module!.connect(run.target as never, client);
  const found = await provider.find(email);

  if (run.mode === 'dry-run') {
    const status = !found
      ? 'new'
      : found.state === 'sent'
        ? `already sent as ${found.id} (${found.status})`
        : `draft ${found.id} left from an earlier run; a send finishes it`;
    run.print(`  status:  ${status}`);
    return failed ? 1 : 0;
  }
  if (found?.state === 'sent') {
    run.print(`send: edition ${n} is already at ${service} as ${found.id} (${found.status}); nothing sent`);
    return 0;
  }

  let id = found?.id;
  try {
    if (id === undefined) {
      id = await provider.create(email);
      if (provider.contentApart) await provider.update(id, email);
    } else await provider.update(id, email);
    if (run.mode === 'draft') {
      run.print(
        `send: edition ${n} is a draft at ${service} as ${id}, not sent; look at it there, then \`npm run send -- ${n}\` sends it`,
      );
      return 0;
    }
    await provider.send(id, email);
  } catch (error) {
    if (error instanceof SendFailure && id !== undefined)
      throw new SendFailure(
        `${error.message}; the draft ${id} is left at ${service}: run the command again to finish it`,
      );
    throw error;
  }
  run.print(`send: edition ${n} went to ${service} as ${id}${found ? ' (the draft an earlier run left)' : ''}`);
  return 0;
}
