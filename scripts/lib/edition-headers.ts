/**
 * The editions of a folder as `npm run new` and `npm run figures` need them:
 * each file's number, date and draft flag from its front matter, even for a
 * file that does not pass the check yet (every number in use counts).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listEditionFiles } from '../../src/loader/load-editions.ts';
import { readEdition } from '../../src/loader/read-edition.ts';

/** One edition file's front-matter basics. */
export interface EditionHeader {
  /** Path from the project root, as problem lines name it. */
  file: string;
  /** Absolute path. */
  path: string;
  number: number;
  /** The `date` as written (a string; null when missing or not a string). */
  date: string | null;
  draft: boolean;
}

/** Every edition file of `dir` (relative to `root`) whose front matter gives a whole `edition:` number. Throws on a folder that cannot be read. */
export function editionHeaders(root: string, dir: string): EditionHeader[] {
  const folder = resolve(root, dir);
  return listEditionFiles(folder, root).flatMap((name) => {
    const path = join(folder, name);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return [];
    }
    const data = readEdition(name, bytes).source?.data as
      { edition?: unknown; date?: unknown; draft?: unknown } | undefined;
    if (!Number.isInteger(data?.edition)) return [];
    const date =
      typeof data!.date === 'string' ? data!.date : data!.date instanceof Date ? data!.date.toISOString() : null;
    return [{ file: join(dir, name), path, number: data!.edition as number, date, draft: data!.draft === true }];
  });
}
