import type { Options } from 'rehype-sanitize';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS } from '../lib/html-rules.ts';

/** Tags Markdown itself produces (CommonMark plus GFM tables and strikethrough). */
const MARKDOWN_TAGS = [
  'p',
  'a',
  'em',
  'strong',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'img',
  'br',
  'del',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const headingIds = Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [h, ['id']]));

/**
 * The last line of defence for raw HTML: after `raw-html.ts` has escaped
 * every tag off the allow-list, this keeps only allowed tags and attributes
 * and only safe URL schemes, whatever slipped through.
 */
export const sanitizeSchema: Options = {
  tagNames: [...new Set([...MARKDOWN_TAGS, ...ALLOWED_TAGS])],
  attributes: {
    ...ALLOWED_ATTRIBUTES,
    ...headingIds,
    code: [['className', /^language-[\w-]+$/]],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
  },
  protocols: { href: ['http', 'https', 'mailto'], src: ['https'] },
  clobber: [],
  strip: ['script', 'style'],
};
