/**
 * Files a post links by a path relative to itself (`![a chart](img/chart.png)`,
 * `[the slides](../talks/slides.pdf)`), which would break on the edition's
 * page at `/editions/<n>/`: each becomes its path from the root of the
 * folder being imported (`/img/chart.png`), so it is brought along with the
 * edition's other files (`assets.ts`, which warns about one that is not
 * there). One that leads outside that folder is a warning, and kept as it is.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { shieldCode } from './code-spans.ts';
import { inside } from './site-root.ts';
import { problem, type Problem } from './project.ts';

/** A Markdown link or image, or an HTML `src`/`href`, to a relative path (no scheme, no `/`, no `#`, no `?`). */
const RELATIVE = [
  /(!?\[[^\]]*\]\(\s*<?)((?![a-z][a-z0-9+.-]*:|[/#?])[^\s)>]+)/gi,
  /(\b(?:src|href)\s*=\s*["'])((?![a-z][a-z0-9+.-]*:|[/#?])[^"']+)/gi,
];
/** What counts as a file, not a page (as `assets.ts` has it). */
const FILE = /\.(?:png|jpe?g|gif|webp|avif|svg|ico|pdf|mp3|mp4|webm|ogg|m4a|csv|zip|txt)$/i;

/**
 * `body`'s relative links to files, as paths from `root`. `existing`: only
 * those whose file is there (a Hugo bundle's, where other links are pages).
 */
export function relativeFileLinks(
  body: string,
  file: string,
  root: string,
  existing = false,
): { body: string; problems: Problem[] } {
  const problems: Problem[] = [];
  const folder = dirname(resolve(file));
  const shielded = shieldCode(body);
  let text = shielded.text;
  for (const pattern of RELATIVE)
    text = text.replace(pattern, (link: string, before: string, written: string) => {
      const path = written.replace(/[?#].*$/, '');
      if (!FILE.test(path)) return link;
      let decoded: string;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        decoded = path;
      }
      const found = inside(resolve(root), relative(resolve(root), join(folder, decoded)));
      if (!found) {
        problems.push(problem(file, undefined, 'asset', `${path} leads outside ${root}; not brought along`, 'warning'));
        return link;
      }
      if (existing && !(existsSync(found) && statSync(found).isFile())) return link;
      const from = relative(resolve(root), found).split(sep).map(encodeURIComponent).join('/');
      return `${before}/${from}${written.slice(path.length)}`;
    });
  return { body: shielded.restore(text), problems };
}
