/**
 * `npm run dev` over an editions folder holding what once hung it and grew
 * it to 1.7 GB: links round a loop (to themselves, to each other, to the
 * folder and the one above it), a named pipe and a link to /dev/zero. Made
 * at test time, never committed. The server starts, serves the editions and
 * names each skipped entry, and a save is still seen.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT, ROOT } from '../build/sites.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';

const site = `tests/.output/dev-hostile-fs-${process.pid}`;
const editions = `${site}/editions`;
let server: DevServer | undefined;

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/site'), join(ROOT, site), { recursive: true });
  const folder = join(ROOT, editions);
  symlinkSync('self.md', join(folder, 'self.md'));
  symlinkSync('b.md', join(folder, 'a.md'));
  symlinkSync('a.md', join(folder, 'b.md'));
  symlinkSync('.', join(folder, 'here'));
  symlinkSync('..', join(folder, 'up'));
  execFileSync('mkfifo', [join(folder, 'pipe.md')]);
  symlinkSync('/dev/zero', join(folder, 'zero.md'));
  server = await startDevServer({ EDITIONS_DIR: editions, BUILD_DATE: '2026-06-01T00:00:00Z' }, 60_000);
});

afterAll(async () => {
  await server?.close();
  rmSync(join(ROOT, site), { recursive: true, force: true });
});

/** The text of a page, fetched with a bounded wait. */
async function text(path: string): Promise<string> {
  const response = await fetch(`${server!.origin}${path}`, { signal: AbortSignal.timeout(30_000) });
  return response.text();
}

describe('npm run dev over symlink loops, a named pipe and /dev/zero', () => {
  it('serves the editions and names every skipped entry', async () => {
    expect(await text('/editions/1/')).toContain('<h1');
    for (const line of [
      `${editions}/self.md  symlink: warning: points to nothing (or to itself); skipped`,
      `${editions}/a.md  symlink: warning: points to nothing (or to itself); skipped`,
      `${editions}/here  symlink: warning: points back to a folder that contains it; skipped`,
      `${editions}/up  symlink: warning: points back to a folder that contains it; skipped`,
      `${editions}/pipe.md  file: warning: a named pipe (FIFO), not a file; skipped`,
    ])
      expect(server!.output()).toContain(line);
  });

  it('still sees a save', async () => {
    const file = join(ROOT, editions, '2026-01-01-edition-3.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('\n---\n', '\ntitle: Saved past the loops\n---\n'));
    const deadline = Date.now() + 20_000;
    while (!(await text('/editions/3/')).includes('Saved past the loops') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await text('/editions/3/')).toContain('Saved past the loops');
  });
});
