/**
 * The table of per-edition outputs (`src/site/edition-outputs.ts`): a new
 * output is one row and one renderer, the types refuse half of one, and the
 * URL builder, the renderers, the writer and the sitemap take it from the
 * table. Shown with a toy output, `toy.txt`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticEdition } from '../../bench/generate.ts';
import { compileEdition } from '../../src/loader/compile-edition.ts';
import { cachedText, editionArtifactFiles, editionInput } from '../../src/render/artifact-cache.ts';
import { ARTIFACT_RENDERERS, prepareEditionArtifacts, type Renderers } from '../../src/render/artifacts.ts';
import { handOverEditionFiles, writeEditionFiles } from '../../src/render/edition-files.ts';
import type { Edition } from '../../src/schemas/edition-model.ts';
import {
  ARTIFACT_NAMES,
  artifactNames,
  EDITION_OUTPUTS,
  sitemapFiles,
  type ArtifactName,
  type ArtifactNameOf,
  type EditionOutputTable,
} from '../../src/site/edition-outputs.ts';
import { getSite } from '../../src/site/settings.ts';
import { createPaths } from '../../src/site/urls.ts';
import { SETTINGS } from '../support/compile.ts';

const root = mkdtempSync(join(tmpdir(), 'edition-outputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
process.env['NEWSLETTER_CACHE_DIR'] = join(root, 'cache');

/** The one row of the toy output. */
const TOY = {
  ...EDITION_OUTPUTS,
  'toy.txt': { file: 'toy.txt', contentType: 'text/plain; charset=utf-8', cache: 'artifacts', inSitemap: false },
} as const satisfies EditionOutputTable;

/** Its one renderer. */
const toyText = (edition: Edition) =>
  cachedText('toy.txt', editionInput(edition, getSite()), () => `Edition ${edition.number}, in one line.\n`, root);

const TOY_RENDERERS = { ...ARTIFACT_RENDERERS, 'toy.txt': toyText } satisfies Renderers<ArtifactNameOf<typeof TOY>>;

// @ts-expect-error A row without its renderer does not type-check.
export const withoutRenderer: Renderers<ArtifactNameOf<typeof TOY>> = { ...ARTIFACT_RENDERERS };
// @ts-expect-error Nor does a renderer without its row.
export const withoutRow: Renderers<ArtifactName> = { ...ARTIFACT_RENDERERS, 'toy.txt': toyText };

describe('the table of per-edition outputs', () => {
  it('lists the page, the social image and the two emails, with the artifacts in the renderers’ order', () => {
    expect(Object.keys(EDITION_OUTPUTS)).toEqual(['page', 'social.png', 'email.html', 'email.txt']);
    expect(ARTIFACT_NAMES).toEqual(Object.keys(ARTIFACT_RENDERERS));
    expect(createPaths('/newsletter/').editionOutput(7, 'page')).toBe('/newsletter/editions/7/');
    expect(createPaths('/').editionOutput(7, 'email.txt')).toBe('/editions/7/email.txt');
    expect([...sitemapFiles()]).toEqual(['index.html']);
  });

  it('takes a new output from one row and one renderer: its URL, its file in every edition folder, not the sitemap', async () => {
    expect(artifactNames(TOY)).toEqual(['social.png', 'email.html', 'email.txt', 'toy.txt']);
    expect(createPaths('/newsletter/').editionFile(7, TOY['toy.txt'])).toBe('/newsletter/editions/7/toy.txt');
    expect([...sitemapFiles(TOY)]).toEqual(['index.html']);

    const edition = compileEdition('e7.md', new TextEncoder().encode(syntheticEdition(7)), SETTINGS).edition!;
    expect(await prepareEditionArtifacts(edition, TOY_RENDERERS)).toEqual([]);
    const out = join(root, 'out');
    handOverEditionFiles({
      root,
      planned: [{ edition, files: editionArtifactFiles(edition, root, artifactNames(TOY)) }],
      made: Promise.resolve([]),
      make: () => Promise.reject(new Error('every file is in the cache')),
    });
    expect(await writeEditionFiles(out)).toEqual({ written: 1, problems: [] });
    expect(readFileSync(join(out, 'editions/7/toy.txt'), 'utf8')).toBe('Edition 7, in one line.\n');
    for (const name of ARTIFACT_NAMES)
      expect(existsSync(join(out, 'editions/7', EDITION_OUTPUTS[name].file))).toBe(true);
  });
});
