/**
 * Files an edition uses from its old site (`/img/posts/chart.png`), copied
 * into `public/` under the same path, so the page shows them. Only paths
 * inside the old site are read; a file is never overwritten, and a dry run
 * copies nothing. One that cannot be found is a warning naming it.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { shieldCode } from './code-spans.ts';
import { inside } from './site-root.ts';
import { problem, type Problem } from './project.ts';

/** Site-relative links to files (not pages): Markdown images and links, and HTML `src`/`href`. */
const LINKS = [/(!?\[[^\]]*\]\(\s*<?)(\/[^\s)>]+)/g, /(\b(?:src|href)\s*=\s*["'])(\/[^"']+)/gi];
const FILE = /\.(?:png|jpe?g|gif|webp|avif|svg|ico|pdf|mp3|mp4|webm|ogg|m4a|csv|zip|txt)$/i;

/** What copying an edition's files did. */
export interface AssetResult {
  body: string;
  copied: string[];
  problems: Problem[];
}

/**
 * Copies the files `body` uses from `from` (the old site's folder of static
 * files) into `publicDir`, and points the links at `urlOf(path)` (the site's
 * URL for a file in `public/`, from the site root; the build adds the base path).
 */
export function copyAssets(
  body: string,
  where: { file: string; line?: number | undefined },
  from: string,
  publicDir: string,
  options: { dryRun: boolean; urlOf: (path: string) => string },
): AssetResult {
  const result: AssetResult = { body, copied: [], problems: [] };
  const shielded = shieldCode(body);
  const warn = (message: string) => result.problems.push(problem(where.file, where.line, 'asset', message, 'warning'));
  const take = (_: string, before: string, url: string) => {
    const path = url.replace(/[?#].*$/, '');
    if (path.startsWith('//') || !FILE.test(path)) return `${before}${url}`;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      decoded = path;
    }
    const source = inside(from, `.${decoded}`);
    const target = inside(publicDir, `.${decoded}`);
    if (!source || !target) {
      warn(`${path} leads outside the site; not copied`);
      return `${before}${url}`;
    }
    if (!existsSync(source) || !statSync(source).isFile()) {
      warn(`${path} is not in ${from}; the edition links to a file that was not brought along`);
      return `${before}${url}`;
    }
    if (existsSync(target)) {
      if (!readFileSync(target).equals(readFileSync(source)))
        warn(`${path}: a different file is already in ${publicDir}; not overwritten`);
    } else if (!options.dryRun) {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target, 1); // COPYFILE_EXCL: never replaces a file
      result.copied.push(join(publicDir, decoded));
    } else result.copied.push(join(publicDir, decoded));
    return `${before}${options.urlOf(path) + url.slice(path.length)}`;
  };
  let text = shielded.text;
  for (const pattern of LINKS) text = text.replace(pattern, take);
  result.body = shielded.restore(text);
  return result;
}
