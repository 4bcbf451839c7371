/**
 * The edition format's rules for raw HTML in the body, as data: what passes,
 * what is shown as text, what is refused.
 */

/** Tags that pass through (their attributes filtered by `src/markdown/sanitize.ts`). */
export const ALLOWED_TAGS = [
  'br',
  'small',
  'sub',
  'sup',
  'u',
  'kbd',
  'abbr',
  'mark',
  'details',
  'summary',
  'figure',
  'figcaption',
  'img',
  'a',
];

/** Attributes kept on allowed tags; every other attribute is dropped. */
export const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  abbr: ['title'],
  details: ['open'],
};

/** Tags that can run script or take over the page: an error wherever they appear. */
export const SCRIPT_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'base',
];

/** Attributes holding a URL, checked for `javascript:` and `data:` on any tag. */
export const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'background', 'xlink:href', 'srcset'];
