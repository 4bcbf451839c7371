/**
 * An edition's files besides its page — its social image, HTML and text
 * email — in a production build. The content loader starts making them as
 * soon as the editions are loaded (`startEditionFiles`): only the ones the
 * artifact cache lacks, in child processes while Astro bundles and renders
 * pages. At the end of the build the edition-files integration writes them
 * all into the output from the cache (`writeEditionFiles`), so Astro never
 * walks 3,000 routes for them. `npm run dev` serves them from endpoints.
 *
 * The loader and the integration run in one process but in two module
 * graphs (Astro loads the content config apart from the astro config), so
 * the work in progress is handed over on `globalThis`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEntry } from '../cache/entries.ts';
import type { Problem } from '../diagnostics/problem.ts';
import { errorMessage } from '../processes/child-protocol.ts';
import type { Edition } from '../schemas/edition-model.ts';
import { artifactProblem, prepareAllArtifacts } from './artifact-processes.ts';
import {
  editionArtifactFiles,
  editionEmailHtml,
  editionEmailText,
  editionSocialImage,
  type ArtifactFile,
} from './artifacts.ts';

const HANDOFF = Symbol.for('newsletter.edition-files');

interface Handoff {
  planned: { edition: Edition; files: ArtifactFile[] }[];
  made: Promise<Problem[]>;
}

const slot = globalThis as { [HANDOFF]?: Handoff };

/**
 * Starts making the files of `editions` that the artifact cache does not
 * hold (in child processes when there are many); returns at once.
 */
export function startEditionFiles(editions: readonly Edition[], root = process.cwd()): void {
  const planned = editions.map((edition) => ({ edition, files: editionArtifactFiles(edition, root) }));
  const missing = planned.filter((p) => p.files.some((f) => !existsSync(f.entry))).map((p) => p.edition);
  const made = prepareAllArtifacts(missing).catch((error: unknown) => [
    artifactProblem(missing[0]?.file ?? '.', 'artifacts', `could not be made: ${errorMessage(error)}`),
  ]);
  slot[HANDOFF] = { planned, made };
}

const MAKE = {
  'social.png': editionSocialImage,
  'email.html': async (edition: Edition) => Buffer.from(await editionEmailHtml(edition)),
  'email.txt': async (edition: Edition) => Buffer.from(await editionEmailText(edition)),
} as const;

/**
 * Waits for the files `startEditionFiles` started, then writes every planned
 * edition's files to `<out>/editions/<n>/`. An entry the cache cannot give
 * back (damaged, or a cache that cannot be written) is made again here.
 * Returns how many editions were written, or the problems that stop the build.
 */
export async function writeEditionFiles(out: string): Promise<{ written: number; problems: Problem[] }> {
  const handoff = slot[HANDOFF];
  delete slot[HANDOFF];
  if (!handoff) return { written: 0, problems: [] };
  const failed = await handoff.made;
  if (failed.length) return { written: 0, problems: failed };
  const problems: Problem[] = [];
  for (const { edition, files } of handoff.planned) {
    const folder = join(out, 'editions', String(edition.number));
    mkdirSync(folder, { recursive: true });
    for (const { name, entry } of files) {
      try {
        writeFileSync(join(folder, name), readEntry(entry) ?? (await MAKE[name](edition)));
      } catch (error) {
        problems.push(artifactProblem(edition.file, name, `could not be made: ${errorMessage(error)}`));
      }
    }
  }
  return { written: handoff.planned.length, problems };
}
