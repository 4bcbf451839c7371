import { describe, expect, it, vi } from 'vitest';
import { syntheticEdition } from '../../bench/generate.ts';
import { formatProblem } from '../../src/diagnostics/format.ts';
import { compileEdition } from '../../src/loader/compile-edition.ts';
import { prepareEditionArtifacts } from '../../src/render/artifacts.ts';
import { SETTINGS } from '../support/compile.ts';

vi.mock('../../src/render/email.ts', async (original) => ({
  ...(await original<typeof import('../../src/render/email.ts')>()),
  emailText: () => {
    throw new Error('no text for this edition');
  },
}));

describe("an edition's generated files", () => {
  it('names the edition and the file that could not be made; the others are still made', async () => {
    const edition = compileEdition('e1.md', new TextEncoder().encode(syntheticEdition(1)), SETTINGS).edition!;
    const problems = await prepareEditionArtifacts({ ...edition, headline: `Run ${process.pid}-${Date.now()}` });
    expect(problems.map(formatProblem)).toEqual([
      'e1.md  email.txt: could not be made: no text for this edition; this is a bug in the site generator, please report it',
    ]);
  });
});
