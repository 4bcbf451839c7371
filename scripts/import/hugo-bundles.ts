/**
 * A Hugo page bundle (`content/posts/launch/index.md` beside `chart.png`)
 * links its files by their bare names (`![a chart](chart.png)`), which Hugo
 * serves beside the page. Here each becomes the path it had on the old site
 * (`/posts/launch/chart.png`), and the file is brought along from
 * `content/` with the edition's other files (`assets.ts`).
 */
import { dirname, resolve } from 'node:path';
import { relativeFileLinks } from './relative-files.ts';

/** `body` with links to its bundle's files as paths from the site root; a post that is not a bundle is left as it is. */
export function bundleLinks(body: string, file: string, content: string): string {
  if (!/(^|[\\/])index\.[^./\\]+$/.test(file)) return body;
  if (!resolve(dirname(file)).startsWith(resolve(content))) return body;
  return relativeFileLinks(body, file, content, true).body;
}
