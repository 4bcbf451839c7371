/**
 * Issue 20, servers and stack traces: the static server and `npm run dev`
 * answer malformed and climbing URLs with a plain 400 or 404 (never a crash,
 * a stack trace or an absolute path, never a file outside the root);
 * `npm run new` into a read-only folder and the npm scripts under an old Node
 * are each one line.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/lib/static-server.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);
const temp = mkdtempSync(join(tmpdir(), 'hostile-servers-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** GETs `path` exactly as written (no client-side normalising of `..` or escapes), bounded to 10 s. */
function get(origin: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}/`, { path, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to ${path} in 10 s`)));
    req.on('error', reject);
    req.end();
  });
}

/** Runs a command; never throws on a non-zero exit. */
async function command(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the static server (Lighthouse, browser tests) keeps to its root', () => {
  const site = join(temp, 'site');
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'index.html'), '<p>home</p>');
    // A sibling folder whose name starts with the root's: a string-prefix check let it through.
    mkdirSync(join(temp, 'site-secret'), { recursive: true });
    writeFileSync(join(temp, 'site-secret/key.txt'), 'secret');
    server = await serve(site);
  });
  afterAll(() => server.close());

  it('serves what is inside', async () => {
    expect(await get(server.origin, '/')).toEqual({ status: 200, body: '<p>home</p>' });
  });

  it.each([
    '/..%2fsite-secret/key.txt',
    '/%2e%2e/site-secret/key.txt',
    '/../site-secret/key.txt',
    '/..%2f..%2f..%2fetc/passwd',
  ])('answers %s with a 404, never the file', async (path) => {
    const { status, body } = await get(server.origin, path);
    expect(status).toBe(404);
    expect(body).not.toContain('secret');
  });

  it.each(['/%', '/%E0%A4%A', '/a%00b'])('answers the malformed %s with a 400 and keeps serving', async (path) => {
    expect(await get(server.origin, path)).toEqual({ status: 400, body: 'Bad request\n' });
    expect((await get(server.origin, '/')).status).toBe(200);
  });
});

/** Requests each server must answer plainly: before, a 500 with a stack trace and absolute paths, or Vite's 403 naming folders. */
const HOSTILE_REQUESTS: [string, number, string][] = [
  ['/%', 400, 'Bad request\n'],
  ['/editions/%ff/', 400, 'Bad request\n'],
  ['/%E0%A4%A', 400, 'Bad request\n'],
  ['/a%00b/', 400, 'Bad request\n'],
  ['/..%2f..%2fetc/passwd', 404, 'Not found\n'],
  ['/..%2fsite-secret/key.txt', 404, 'Not found\n'],
  ['/%2e%2e/%2e%2e/etc/passwd', 404, 'Not found\n'],
  ['/..%5c..%5cetc/passwd', 404, 'Not found\n'],
  ['/@fs/etc/passwd', 404, 'Not found\n'],
];

// The preview serves the static server's folder above, whose sibling `site-secret/` it must not reach.
describe.each([
  [
    'npm run dev',
    '<html',
    () => startDevServer({ EDITIONS_DIR: 'tests/fixtures/site/editions', BUILD_DATE: '2026-06-01T00:00:00Z' }),
  ],
  ['npm run preview', '<p>home</p>', () => startDevServer({}, 120_000, ['preview', '--outDir', join(temp, 'site')])],
])('%s answers malformed and climbing URLs plainly', (_, home, start) => {
  let server: DevServer | undefined;
  beforeAll(async () => {
    server = await start();
  }, 180_000);
  afterAll(() => server?.close());

  it.each(HOSTILE_REQUESTS)('%s is a plain %i', async (path, status, body) => {
    expect(await get(server!.origin, path)).toEqual({ status, body });
  });

  it('still serves the site, and printed no stack trace', async () => {
    const page = await get(server!.origin, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(home);
    expect(server!.output()).not.toMatch(/^\s+at /m);
    expect(server!.output()).not.toContain('URI malformed');
  });
});

describe('stack traces that reached the user are one line', () => {
  it('npm run new into a read-only folder names the folder', async () => {
    const folder = join(temp, 'read-only');
    mkdirSync(folder, { recursive: true });
    const { code, stdout, stderr } = await command(
      ['--import', './tests/support/deny-writes.ts', 'scripts/new.ts', '--dir', folder, '--date', '2026-04-05'],
      { DENY_WRITES: folder },
    );
    expect(stderr).toBe(`new: cannot write to ${folder} (EACCES: permission denied); nothing was written\n`);
    expect(stdout).toBe('');
    expect(code).toBe(1);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('npm run new with a SOURCE_DATE_EPOCH past the year 9999 names the variable', async () => {
    const folder = join(temp, 'epoch');
    const { code, stderr } = await command(['scripts/new.ts', '--dir', folder], {
      SOURCE_DATE_EPOCH: '999999999999999',
    });
    expect(stderr).toBe(
      'SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970-01-01 such as 1774180800, at most 253402300799 (9999-12-31), got "999999999999999"\n',
    );
    expect(code).toBe(1);
    expect(existsSync(folder)).toBe(false);
  });

  it.each([
    [
      'SITE_URL',
      'ftp://example.org',
      'SITE_URL: expected an http(s) URL such as "https://example.org", got "ftp://example.org"',
    ],
    ['BASE_PATH', '/../', 'BASE_PATH: expected a path without "." or ".." folders, such as "/newsletter/", got "/../"'],
    [
      'BUILD_DATE',
      '2026-02-30T12:00:00Z',
      'BUILD_DATE: expected an ISO 8601 date-time such as 2026-03-22T12:00:00Z, got "2026-02-30T12:00:00Z"',
    ],
  ])('npm run check with a bad %s names the variable, not src/site.config.ts', async (name, value, line) => {
    const { code, stdout, stderr } = await command(['scripts/check.ts'], { [name]: value });
    expect(`${stdout}${stderr}`).toBe(`${line}\n`);
    expect(code).toBe(1);
  });

  it('npm run check reads an absolute EDITIONS_DIR, and shows a backslash in a file name as it is', async () => {
    const folder = join(temp, 'absolute-editions');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'a\\b.md'), '---\nedition: 1\ndate: 2026-13-01\n---\n\nAn intro.\n');
    const { code, stdout } = await command(['scripts/check.ts'], { EDITIONS_DIR: folder });
    const shown = join(relative(ROOT, folder), 'a\\b.md');
    expect(stdout.split('\n')[0]).toBe(`${shown}:3  date: expected a real calendar date, got "2026-13-01"`);
    expect(code).toBe(1);
  });

  it('an npm script under Node 20 says which Node is needed, in one line, before any .ts file runs', async () => {
    const old = join(temp, 'node-20.mjs');
    writeFileSync(
      old,
      "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.20.2' } });\n",
    );
    const { code, stdout, stderr } = await command(['--import', old, 'scripts/require-node.js']);
    expect(stderr).toBe(
      'node: this project needs Node 22.18 or later (24 recommended, as .nvmrc says), and this is Node 20.20.2; install it from https://nodejs.org/ or with `nvm install`\n',
    );
    expect(stdout).toBe('');
    expect(code).toBe(1);
    // On the Node that runs the tests it says nothing and lets the script run.
    expect(await command(['scripts/require-node.js'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
