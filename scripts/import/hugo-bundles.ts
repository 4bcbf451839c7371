/**
 * A Hugo page bundle (`content/posts/launch/index.md` beside `chart.png`)
 * links its files by their bare names (`![a chart](chart.png)`), which Hugo
 * serves beside the page. Here each becomes the path it had on the old site
 * (`/posts/launch/chart.png`), and the file is brought along from
 * `content/` with the edition's other files (`assets.ts`).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { shieldCode } from './code-spans.ts';
import { inside } from './site-root.ts';

/** A Markdown link or image, or an HTML `src`/`href`, to a relative path (no scheme, no `/`, no `#`). */
const RELATIVE = [
  /(!?\[[^\]]*\]\(\s*<?)((?![a-z][a-z0-9+.-]*:|[/#?])[^\s)>]+)/gi,
  /(\b(?:src|href)\s*=\s*["'])((?![a-z][a-z0-9+.-]*:|[/#?])[^"']+)/gi,
];

/** `body` with links to its bundle's files as paths from the site root; a post that is not a bundle is left as it is. */
export function bundleLinks(body: string, file: string, content: string): string {
  if (!/(^|[\\/])index\.[^./\\]+$/.test(file)) return body;
  const folder = dirname(resolve(file));
  const from = relative(resolve(content), folder).split(sep);
  if (from[0] === '..') return body;
  const shielded = shieldCode(body);
  let text = shielded.text;
  for (const pattern of RELATIVE)
    text = text.replace(pattern, (link: string, before: string, written: string) => {
      const path = written.replace(/[?#].*$/, '');
      let decoded: string;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        decoded = path;
      }
      const found = inside(folder, decoded);
      if (!found || !existsSync(found) || !statSync(found).isFile()) return link;
      return `${before}/${[...from, ...path.split('/')].filter((part) => part !== '.').join('/')}${written.slice(path.length)}`;
    });
  return shielded.restore(text);
}
