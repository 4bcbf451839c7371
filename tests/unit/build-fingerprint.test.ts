import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputsFingerprint } from '../../scripts/lib/build-fingerprint.ts';

let root: string;
let outside: string;
/** "now" is 2026-06-01; the edition under test is dated 2026-05-01, so it is due. */
const NOW = Date.parse('2026-06-01T00:00:00Z');
const fingerprint = (env: NodeJS.ProcessEnv = {}, now = NOW) =>
  inputsFingerprint(root, {
    editionsDir: 'content/editions',
    topicsFile: 'content/topics.yaml',
    env,
    scheduled: (date) => Date.parse(date) > now,
  });
const EARLIER = Date.parse('2026-04-01T00:00:00Z');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'fingerprint-'));
  outside = mkdtempSync(join(tmpdir(), 'settings-'));
  mkdirSync(join(root, 'content/editions'), { recursive: true });
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src/site.config.ts'), 'export default {};\n');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('the build fingerprint hashes what the build reads', () => {
  // Every shape the loader reads a date from: a scheduled edition must go live by the first build after it.
  it.each([
    ['a byte-order mark', '\uFEFF---\ndate: 2026-05-01\nedition: 1\n---\n\nIntro.\n'],
    ['a quoted key', '---\n"date": 2026-05-01\nedition: 1\n---\n\nIntro.\n'],
    ['CRLF line endings', '---\r\nedition: 1\r\ndate: "2026-05-01"\r\n---\r\n\r\nIntro.\r\n'],
    ['a flow mapping', '---\n{edition: 1, date: 2026-05-01}\n---\n\nIntro.\n'],
  ])('changes when "now" passes the date of an edition written with %s', (_, text) => {
    writeFileSync(join(root, 'content/editions/a.md'), text);
    expect(fingerprint({}, EARLIER)).not.toBe(fingerprint({}, NOW));
    expect(fingerprint({}, NOW)).toBe(fingerprint({}, NOW + 86_400_000));
  });

  it('reads a date again when its edition changes, though dates are remembered between builds', () => {
    const file = join(root, 'content/editions/a.md');
    writeFileSync(file, '---\nedition: 1\ndate: 2026-05-01\n---\n\nIntro.\n');
    expect(fingerprint({}, EARLIER)).not.toBe(fingerprint({}, NOW));
    // Moved to July: scheduled at NOW, due by August.
    writeFileSync(file, '---\nedition: 1\ndate: 2026-07-01\n---\n\nIntro.\n');
    expect(fingerprint({}, NOW)).not.toBe(fingerprint({}, Date.parse('2026-08-01T00:00:00Z')));
    expect(fingerprint({}, EARLIER)).toBe(fingerprint({}, NOW));
  });

  it('hashes an absolute SITE_CONFIG and the files it imports, wherever they are', () => {
    writeFileSync(join(outside, 'site.ts'), "import colours from './colours.ts';\nexport default { colours };\n");
    writeFileSync(join(outside, 'colours.ts'), "export default { light: '#000000' };\n");
    const env = { SITE_CONFIG: join(outside, 'site.ts') };
    const before = fingerprint(env);
    writeFileSync(join(outside, 'colours.ts'), "export default { light: '#ffffff' };\n");
    expect(fingerprint(env)).not.toBe(before);
  });

  it('hashes a settings module named from the root that imports a file', () => {
    mkdirSync(join(root, 'settings'));
    writeFileSync(join(root, 'settings/de.ts'), "import words from './words.ts';\nexport default { words };\n");
    writeFileSync(join(root, 'settings/words.ts'), "export default 'Hallo';\n");
    const env = { SITE_CONFIG: 'settings/de.ts' };
    const before = fingerprint(env);
    writeFileSync(join(root, 'settings/words.ts'), "export default 'Servus';\n");
    expect(fingerprint(env)).not.toBe(before);
  });

  it('opens no named pipe and follows no loop, in the editions or in the project', () => {
    writeFileSync(join(root, 'content/editions/a.md'), '---\nedition: 1\ndate: 2026-05-01\n---\n\nIntro.\n');
    execFileSync('mkfifo', [join(root, 'content/editions/pipe.md')]);
    execFileSync('mkfifo', [join(root, 'src/pipe.ts')]);
    symlinkSync('.', join(root, 'content/editions/here'));
    symlinkSync('..', join(root, 'src/up'));
    symlinkSync('/dev/zero', join(root, 'content/editions/zero.md'));
    symlinkSync('/dev/zero', join(root, 'src/zero.ts'));
    expect(fingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });
});
