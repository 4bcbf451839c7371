/**
 * `<script>` and `<style>` blocks, which the edition format refuses: an
 * importer leaves them out, with a warning, and turns a script embed with a
 * known source (a gist, a chart, a tweet's widget) into a link to what it
 * showed, as `<iframe>`s already are. The check itself stays as strict.
 */
import { shieldCode } from './code-spans.ts';

const BLOCK = /<(script|style)\b([^>]*)>[^]*?<\/\1\s*>|<script\b([^>]*)\/>/gi;

/** The page a known embed script shows, from its `src`. */
function embedTarget(src: string): string | undefined {
  const gist = /^(?:https?:)?\/\/gist\.github\.com\/([\w-]+\/[0-9a-f]+)\.js/i.exec(src);
  if (gist) return `https://gist.github.com/${gist[1]}`;
  const flourish = /^(?:https?:)?\/\/public\.flourish\.studio\/(visualisation|story)\/(\d+)/i.exec(src);
  if (flourish) return `https://public.flourish.studio/${flourish[1]}/${flourish[2]}/`;
  const datawrapper = /^(?:https?:)?\/\/datawrapper\.dwcdn\.net\/([\w]+)/i.exec(src);
  if (datawrapper) return `https://datawrapper.dwcdn.net/${datawrapper[1]}/`;
  return undefined;
}

/** Scripts whose work is done by the markup beside them (a tweet's blockquote holds its link): left out silently. */
const WIDGETS =
  /^(?:https?:)?\/\/(?:platform\.twitter\.com|platform\.x\.com|www\.instagram\.com|embed\.reddit\.com)\//i;

/** A body (Markdown with HTML, or HTML) without script and style blocks, and how many were left out. */
export function withoutScripts(body: string, html = false): { body: string; leftOut: number; first?: string } {
  const shielded = html ? { text: body, restore: (t: string) => t } : shieldCode(body);
  let leftOut = 0;
  let first: string | undefined;
  const text = shielded.text.replace(BLOCK, (block: string, tag: string | undefined, attrs = '', selfAttrs = '') => {
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(`${attrs}${selfAttrs}`)?.[1];
    const target = src && (tag ?? 'script').toLowerCase() === 'script' ? embedTarget(src) : undefined;
    if (target) return html ? `<p><a href="${target}">${target}</a></p>` : `<${target}>`;
    if (src && WIDGETS.test(src)) return '';
    leftOut++;
    first ??= block.replace(/\s+/g, ' ').slice(0, 60);
    return '';
  });
  return { body: shielded.restore(text), leftOut, ...(first ? { first } : {}) };
}
