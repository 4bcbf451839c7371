/**
 * The edition format's rules for raw HTML in the body, as data: what passes,
 * what becomes a link, what is shown as text, what is refused. The
 * allow-list starts from GitHub's (the default schema of
 * `hast-util-sanitize`), so what renders on GitHub renders here.
 */
import { defaultSchema } from 'hast-util-sanitize';

/** Tags GitHub renders, plus a few every Markdown host allows, plus video and audio. */
export const ALLOWED_TAGS: readonly string[] = [
  ...new Set([
    ...(defaultSchema.tagNames ?? []),
    'u',
    'small',
    'abbr',
    'mark',
    'cite',
    'figure',
    'figcaption',
    'video',
    'audio',
  ]),
];

/** Elements without content or end tag. */
export const VOID_TAGS: readonly string[] = ['br', 'img', 'hr', 'wbr', 'input', 'source', 'track', 'col', 'area'];

/** Elements whose end tag HTML lets an author leave out (`<p>`, `<li>`, …): never "unclosed". */
export const OPTIONAL_END_TAGS: readonly string[] = [
  'p',
  'li',
  'dt',
  'dd',
  'rt',
  'rp',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
];

/** Attributes (HTML names) kept on any allowed tag; every other attribute is dropped. */
const GLOBAL_ATTRIBUTES = [
  'title',
  'lang',
  'dir',
  'align',
  'valign',
  'width',
  'height',
  'colspan',
  'rowspan',
  'headers',
  'scope',
  'abbr',
  'span',
  'start',
  'reversed',
  'value',
  'datetime',
  'open',
  'cite',
  'alt',
  'summary',
  'border',
  'cellpadding',
  'cellspacing',
  'nowrap',
  'hreflang',
  'aria-label',
  'aria-describedby',
  'aria-labelledby',
];

/** Attributes (HTML names) kept on particular tags, besides the global ones. */
const TAG_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  img: ['src', 'loading'],
  video: ['src', 'poster', 'controls', 'loop', 'muted', 'playsinline', 'preload'],
  audio: ['src', 'controls', 'loop', 'preload'],
  source: ['src', 'srcset', 'type', 'media', 'sizes'],
  input: ['type', 'checked', 'disabled'],
};

/** Whether an attribute (HTML name, lower case) is kept on a tag. `id` is decided elsewhere. */
export function isAllowedAttribute(tag: string, attribute: string): boolean {
  return GLOBAL_ATTRIBUTES.includes(attribute) || (TAG_ATTRIBUTES[tag]?.includes(attribute) ?? false);
}

/** Every attribute name (HTML) that may survive, per tag, for the sanitizer. */
export function allowedAttributeNames(): Record<string, string[]> {
  return { '*': [...GLOBAL_ATTRIBUTES, 'id'], ...TAG_ATTRIBUTES };
}

/** Tags that can run script or take over the page: an error wherever they appear. */
export const SCRIPT_TAGS: readonly string[] = [
  'script',
  'style',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'base',
];

/**
 * Obsolete HTML for how text looks (`<center>`, `<font color>`, `<big>` …),
 * common in archives written for old email tools: the tag is dropped and its
 * content kept, since the site's style decides how text looks.
 */
export const PRESENTATIONAL_TAGS: readonly string[] = [
  'center',
  'font',
  'big',
  'basefont',
  'blink',
  'marquee',
  'nobr',
  'spacer',
];

/** Embeds that become a plain link to the embedded page (no third-party request from the site). */
export const EMBED_TAGS: readonly string[] = ['iframe'];

/** Attributes holding a URL, checked for `javascript:` and `data:` on any tag. */
export const URL_ATTRIBUTES: readonly string[] = [
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'background',
  'xlink:href',
  'srcset',
  'cite',
  'longdesc',
];

/** Attributes whose URL loads something into the page: images, video and audio sources. */
export const MEDIA_ATTRIBUTES: readonly string[] = ['src', 'poster', 'srcset'];
