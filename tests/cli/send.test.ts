import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttondown, kit, listmonk, mailchimp, type FakeService } from '../support/mail-services.ts';

const ROOT = join(import.meta.dirname, '../..');
const EDITIONS = 'tests/fixtures/send/editions';
const exec = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'newsletter-send-'));
const DIST = join(tmp, 'dist');

const BASE = {
  name: 'AI Platforms',
  description: 'A dated digest.',
  site: 'https://news.example.org',
  base: '/',
  lang: 'en-US',
  timeZone: 'America/New_York',
  publisher: 'AI Platforms',
  subscribe: { provider: 'buttondown', username: 'ai-platforms' },
};

/**
 * A settings module in the temp folder: the base settings plus `extra`. Written
 * whole and renamed into place: the tests of one service run at once, and a
 * command of one must never read the file while another test rewrites it.
 */
function settings(name: string, extra: Record<string, unknown> = {}): string {
  const file = join(tmp, `${name}.config.mts`);
  const part = `${file}.${randomUUID()}.part`;
  writeFileSync(part, `export default ${JSON.stringify({ ...BASE, ...extra })};\n`);
  renameSync(part, file);
  return file;
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a script as `npm run` would, with the fixture editions and the temp dist; never throws on a non-zero exit. */
async function node(script: string, args: string[], env: Record<string, string | undefined>): Promise<Result> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [script, ...args], {
      cwd: ROOT,
      timeout: 60_000,
      env: { ...process.env, EDITIONS_DIR: EDITIONS, OUT_DIR: DIST, GITHUB_ACTIONS: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const send = (args: string[], env: Record<string, string | undefined>) => node('scripts/send.ts', args, env);

let built: { html: string; text: string };

beforeAll(async () => {
  // The built email of edition 1, as `npm run email -- 1 --out` writes it; a comment marks the copy in dist,
  // so the tests can tell it was read byte for byte rather than rendered again.
  const out = join(DIST, 'editions/1');
  const made = await node('scripts/email.ts', ['1', '--out', out], { SITE_CONFIG: settings('base') });
  expect(made.code, made.stderr).toBe(0);
  built = {
    html: `${readFileSync(join(out, 'email.html'), 'utf8')}<!-- read from dist -->\n`,
    text: readFileSync(join(out, 'email.txt'), 'utf8'),
  };
  writeFileSync(join(out, 'email.html'), built.html);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The received HTML with the one line holding `placeholder` taken out, and that line. */
function withoutLine(html: string, placeholder: string) {
  const lines = html.split('\n');
  const at = lines.findIndex((l) => l.includes(placeholder));
  return {
    line: lines[at] ?? '',
    rest: lines.filter((_, i) => i !== at).join('\n'),
    count: lines.filter((l) => l.includes(placeholder)).length,
  };
}

interface Case {
  name: string;
  service: string;
  keys: string;
  start: () => Promise<FakeService>;
  env: (url: string) => Record<string, string>;
  wrongKey: Record<string, string>;
  extra: Record<string, unknown>;
  /** The request that sends a created draft. */
  sendStep: { method: string; path: RegExp };
  /** The lookup request. */
  lookup: { method: string; path: RegExp };
  denied: string;
  placeholder: string | null;
}

const CASES: Case[] = [
  {
    name: 'buttondown',
    service: 'Buttondown',
    keys: 'BUTTONDOWN_API_KEY',
    start: () => buttondown('bd-key'),
    env: (url) => ({ BUTTONDOWN_API_KEY: 'bd-key', BUTTONDOWN_API_URL: url }),
    wrongKey: { BUTTONDOWN_API_KEY: 'wrong' },
    extra: {},
    sendStep: { method: 'PATCH', path: /^\/v1\/emails\/[^/]+$/ },
    lookup: { method: 'GET', path: /^\/v1\/emails$/ },
    denied: '401 Unauthorized: Invalid token.',
    placeholder: null,
  },
  {
    name: 'kit',
    service: 'Kit',
    keys: 'KIT_API_KEY',
    start: () => kit('kit-key'),
    env: (url) => ({ KIT_API_KEY: 'kit-key', KIT_API_URL: url }),
    wrongKey: { KIT_API_KEY: 'wrong' },
    extra: { send: { provider: 'kit' } },
    sendStep: { method: 'PUT', path: /^\/v4\/broadcasts\/\d+$/ },
    lookup: { method: 'GET', path: /^\/v4\/broadcasts$/ },
    denied: '401 Unauthorized: The access token is invalid',
    placeholder: null,
  },
  {
    name: 'mailchimp',
    service: 'Mailchimp',
    keys: 'MAILCHIMP_API_KEY',
    start: () => mailchimp('mc-key-us21', 'aud1'),
    env: (url) => ({ MAILCHIMP_API_KEY: 'mc-key-us21', MAILCHIMP_API_URL: url }),
    wrongKey: { MAILCHIMP_API_KEY: 'wrong-us21' },
    extra: {
      send: { provider: 'mailchimp', audience: 'aud1', from: { name: 'AI Platforms', address: 'news@example.org' } },
    },
    sendStep: { method: 'POST', path: /^\/3\.0\/campaigns\/[^/]+\/actions\/send$/ },
    lookup: { method: 'GET', path: /^\/3\.0\/campaigns$/ },
    denied: '401 Unauthorized: Your API key may be invalid, or you’ve attempted to access the wrong datacenter.',
    placeholder: '*|UNSUB|*',
  },
  {
    name: 'listmonk',
    service: 'listmonk',
    keys: 'LISTMONK_USERNAME and LISTMONK_API_TOKEN',
    start: () => listmonk('newsletter', 'lm-token'),
    env: (url) => ({ LISTMONK_USERNAME: 'newsletter', LISTMONK_API_TOKEN: 'lm-token', LISTMONK_API_URL: url }),
    wrongKey: { LISTMONK_API_TOKEN: 'wrong' },
    extra: { send: { provider: 'listmonk', url: 'https://lists.example.org', lists: [3] } },
    sendStep: { method: 'PUT', path: /^\/api\/campaigns\/\d+\/status$/ },
    lookup: { method: 'GET', path: /^\/api\/campaigns$/ },
    denied: '403 Forbidden: invalid API credentials',
    placeholder: '{{ UnsubscribeURL }}',
  },
];

describe.concurrent.each(CASES)('npm run send through $service', (c) => {
  const config = () => settings(c.name, c.extra);
  const withService = async <T>(body: (service: FakeService, env: Record<string, string>) => Promise<T>) => {
    const service = await c.start();
    try {
      return await body(service, { SITE_CONFIG: config(), ...c.env(service.url) });
    } finally {
      await service.close();
    }
  };

  it('sends a new edition as built, once: a second run creates nothing', async () => {
    await withService(async (service, env) => {
      const first = await send(['1'], env);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(service.held).toHaveLength(1);
      const [email] = service.held;
      expect(first.stdout).toBe(`send: edition 1 went to ${c.service} as ${email!.id}\n`);
      expect(email!.sent).toBe(true);
      expect(email!.subject).toBe('Edition 1: small models, long threads');
      if (c.placeholder === null) expect(email!.html).toBe(built.html);
      else {
        const { line, rest, count } = withoutLine(email!.html, c.placeholder);
        expect(rest).toBe(built.html);
        expect(count).toBe(1);
        expect(line).toMatch(/^<p class="footer"[^>]*><a href="[^"]+"[^>]*>Unsubscribe<\/a><\/p>$/);
        expect(email!.text).toBe(`${built.text}Unsubscribe: ${c.placeholder}\n`);
      }
      const creates = service.requests.length;
      const second = await send(['1'], env);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(
        new RegExp(`^send: edition 1 is already at ${c.service} as ${email!.id} \\(\\w+\\); nothing sent\\n$`),
      );
      expect(service.held).toHaveLength(1);
      expect(service.requests.slice(creates).map((r) => r.method)).toEqual(['GET']);
    });
  });

  it('finishes, on the next run, the draft a failure between create and send left', async () => {
    await withService(async (service, env) => {
      service.fault({ ...c.sendStep, status: 500 });
      const failed = await send(['1'], env);
      expect(failed.code).toBe(1);
      const id = service.held[0]!.id;
      expect(failed.stderr).toBe(
        `send: ${c.service} failed (500 Internal Server Error) while sending; try again later; the draft ${id} is left at ${c.service}: run the command again to finish it\n`,
      );
      expect(service.held.map((e) => e.sent)).toEqual([false]);
      const again = await send(['1'], env);
      expect(again.stdout).toBe(`send: edition 1 went to ${c.service} as ${id} (the draft an earlier run left)\n`);
      expect(again.code).toBe(0);
      expect(service.held.map((e) => e.sent)).toEqual([true]);
    });
  });

  it('makes a draft with --draft, and a dry run names it', async () => {
    await withService(async (service, env) => {
      const draft = await send(['1', '--draft'], env);
      const id = service.held[0]?.id;
      expect(draft.stdout).toBe(
        `send: edition 1 is a draft at ${c.service} as ${id}, not sent; look at it there, then \`npm run send -- 1\` sends it\n`,
      );
      expect(service.held.map((e) => e.sent)).toEqual([false]);
      const dry = await send(['1', '--dry-run'], env);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain(`  status:  draft ${id} left from an earlier run; a send finishes it\n`);
      expect(service.held.map((e) => e.sent)).toEqual([false]);
    });
  });

  const failures: [string, (s: FakeService) => void, Record<string, string>, (c: Case) => string][] = [
    [
      'a rejected key',
      () => {},
      c.wrongKey,
      (c) => `${c.service} rejected the key in ${c.keys} (${c.denied}) while looking for edition 1`,
    ],
    [
      'a 429 asking for a longer wait than allowed',
      (s) => s.fault({ ...c.lookup, status: 429, headers: { 'retry-after': '120' } }),
      {},
      (c) =>
        `${c.service} is limiting requests (429) and asks to wait 120 s, more than 60 s while looking for edition 1; try again later`,
    ],
    [
      'a 500',
      (s) => s.fault({ ...c.lookup, status: 500 }),
      {},
      (c) => `${c.service} failed (500 Internal Server Error) while looking for edition 1; try again later`,
    ],
    [
      'no answer in time',
      (s) => s.fault({ ...c.lookup, hang: true }),
      { SEND_TIMEOUT: '0.5' },
      (c) => `${c.service} did not answer within 0.5 s while looking for edition 1`,
    ],
    [
      'an answer that is not JSON',
      (s) => s.fault({ ...c.lookup, status: 200, body: '<html>oops</html>' }),
      {},
      (c) =>
        `${c.service} answered 200 OK with something that is not JSON (<html>oops</html>) while looking for edition 1`,
    ],
  ];

  it.each(failures)('ends %s with one line and exit 1, creating nothing', async (_, inject, extraEnv, line) => {
    await withService(async (service, env) => {
      inject(service);
      const result = await send(['1'], { ...env, ...extraEnv });
      expect(result.stderr).toBe(`send: ${line(c)}\n`);
      expect(result.code).toBe(1);
      expect(service.held).toEqual([]);
    });
  });

  it('names the missing key, and a dry run without it skips the lookup and exits 0', async () => {
    await withService(async (service, env) => {
      const unset = Object.fromEntries(c.keys.split(' and ').map((k) => [k, undefined]));
      const result = await send(['1'], { ...env, ...unset });
      expect(result.stderr).toBe(
        `send: ${c.keys.split(' and ')[0]}: missing; expected the ${c.service} credentials in the environment\n`,
      );
      expect(result.code).toBe(1);
      const dry = await send(['1', '--dry-run'], { ...env, ...unset });
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain(
        `  status:  not looked up at ${c.service}: ${c.keys} ${c.keys.includes(' and ') ? 'are' : 'is'} not set\n`,
      );
      expect(service.requests).toEqual([]);
    });
  });
});

describe('npm run send refuses before any request', () => {
  it.each([
    [
      ['2'],
      'send: edition 2 is a draft (draft: true); remove that line to send it, or review it with --draft or --test',
    ],
    [
      ['3'],
      'send: edition 3 is dated 2099-01-04T09:00:00-05:00, still ahead; it can go from then, once its page is published',
    ],
    [['9'], `send: no edition 9 in ${EDITIONS}`],
  ])('%j: one line, exit 1', async (args, line) => {
    const service = await buttondown('bd-key');
    try {
      const result = await send(args, {
        SITE_CONFIG: settings('base'),
        BUTTONDOWN_API_KEY: 'bd-key',
        BUTTONDOWN_API_URL: service.url,
      });
      expect(result.stderr).toBe(`${line}\n`);
      expect(result.code).toBe(1);
      expect(service.requests).toEqual([]);
    } finally {
      await service.close();
    }
  });

  it.each([
    [[], 'send: expected one edition number, got ""'],
    [['1', '--now'], "send: Unknown option '--now'"],
    [['1', '--draft', '--dry-run'], 'send: --dry-run and --draft cannot be used together'],
    [['1', '--test', 'nobody'], 'send: --test: expected an email address, got "nobody"'],
  ])('%j is a usage mistake: exit 2', async (args, first) => {
    const result = await send(args, { SITE_CONFIG: settings('base') });
    expect(result.stderr.split('\n')[0]).toContain(first);
    expect(result.stderr).toContain('usage: npm run send -- <edition number>');
    expect(result.code).toBe(2);
  });

  it('waits out a 429 whose Retry-After is short, then goes on', async () => {
    const service = await buttondown('bd-key');
    try {
      service.fault({ method: 'GET', path: /^\/v1\/emails$/, status: 429, headers: { 'retry-after': '1' } });
      const env = { SITE_CONFIG: settings('base'), BUTTONDOWN_API_KEY: 'bd-key', BUTTONDOWN_API_URL: service.url };
      const result = await send(['1'], env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(service.requests.filter((r) => r.method === 'GET')).toHaveLength(2);
      expect(service.held.map((e) => e.sent)).toEqual([true]);
    } finally {
      await service.close();
    }
  });

  it('names the host it cannot reach', async () => {
    const service = await buttondown('bd-key');
    await service.close();
    const env = { SITE_CONFIG: settings('base'), BUTTONDOWN_API_KEY: 'bd-key', BUTTONDOWN_API_URL: service.url };
    const result = await send(['1'], env);
    expect(result.stderr).toBe(
      `send: cannot reach Buttondown at ${service.url} (ECONNREFUSED) while looking for edition 1\n`,
    );
    expect(result.code).toBe(1);
  });

  it('sends nothing for --published without send.since, and says why', async () => {
    const result = await send(['--published'], { SITE_CONFIG: settings('base') });
    expect(result.stdout).toMatch(
      /^send: send\.since is not set in .*; nothing is sent \(set it to the first edition to mail, so that an imported archive is never mailed\)\n$/,
    );
    expect(result.code).toBe(0);
  });

  it('sends every published edition from send.since on with --published, and nothing the second time', async () => {
    const service = await buttondown('bd-key');
    try {
      const env = {
        SITE_CONFIG: settings('since', { send: { provider: 'buttondown', since: 1 } }),
        BUTTONDOWN_API_KEY: 'bd-key',
        BUTTONDOWN_API_URL: service.url,
      };
      const first = await send(['--published'], env);
      expect(first.stdout).toBe(`send: edition 1 went to Buttondown as ${service.held[0]?.id}\n`);
      expect(first.code).toBe(0);
      const second = await send(['--published'], env);
      expect(second.stdout).toMatch(
        /^send: edition 1 is already at Buttondown as \S+ \(about_to_send\); nothing sent\n$/,
      );
      expect(service.held).toHaveLength(1);
    } finally {
      await service.close();
    }
  });
});

describe('npm run send -- <n> --test <address>', () => {
  let smtp: SMTPServer;
  let received: ParsedMail[];
  let url: string;

  beforeAll(async () => {
    received = [];
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onAuth: (auth, _session, callback) =>
        auth.username === 'tester' && auth.password === 'secret'
          ? callback(null, { user: 'tester' })
          : callback(new Error('bad login')),
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => received.push(mail))
          .then(() => callback(), callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    url = `smtp://tester:secret@127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  it('delivers one multipart copy of the built files, with the subject and the unsubscribe headers', async () => {
    received.length = 0;
    const result = await send(['1', '--test', 'reader@example.org'], { SITE_CONFIG: settings('base'), SMTP_URL: url });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `send: edition 1: a test copy went to reader@example.org through ${url.replace('tester:secret@', '')} (not recorded as sent)\n`,
    );
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.subject).toBe('Edition 1: small models, long threads');
    expect(mail.html).toBe(built.html);
    expect(mail.text).toBe(built.text);
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(mail.from?.value).toEqual([{ name: 'AI Platforms', address: 'noreply@news.example.org' }]);
    // mailparser folds List-* headers into `list`; the lines as sent are in headerLines.
    const lines = mail.headerLines.filter((h) => h.key.startsWith('list-')).map((h) => h.line);
    expect(lines).toEqual([
      'List-Unsubscribe: <https://news.example.org/#subscribe>',
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    ]);
  });

  it('renders a draft from content/ for review, as `npm run email -- <n> --out` writes it', async () => {
    received.length = 0;
    const out = join(tmp, 'draft-2');
    expect((await node('scripts/email.ts', ['2', '--out', out], { SITE_CONFIG: settings('base') })).code).toBe(0);
    const result = await send(['2', '--test', 'reader@example.org'], { SITE_CONFIG: settings('base'), SMTP_URL: url });
    expect(result.code).toBe(0);
    expect(received.map((m) => [m.subject, m.html, m.text])).toEqual([
      [
        'A draft under review',
        readFileSync(join(out, 'email.html'), 'utf8'),
        readFileSync(join(out, 'email.txt'), 'utf8'),
      ],
    ]);
  });

  it('names the server, never the password, when it cannot deliver', async () => {
    const result = await send(['1', '--test', 'reader@example.org'], {
      SITE_CONFIG: settings('base'),
      SMTP_URL: url.replace(':secret@', ':wrong@'),
    });
    expect(result.stderr).toMatch(
      /^send: the SMTP server at smtp:\/\/127\.0\.0\.1:\d+ did not take the test copy \(EAUTH: .+\)\n$/,
    );
    expect(result.stderr).not.toContain('wrong');
    expect(result.code).toBe(1);
  });
});
