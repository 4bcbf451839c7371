import type { Options } from 'rehype-sanitize';
import { find, html } from 'property-information';
import { allowedAttributeNames, ALLOWED_TAGS } from '../../rules/html-rules.ts';
import { LINK_SCHEMES } from '../../rules/link-rules.ts';

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
];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const TABLE_TAGS = ['table', 'thead', 'tbody', 'tr', 'th', 'td'];

const toProperties = (names: readonly string[]) => names.map((name) => find(html, name).property);

/**
 * The last line of defence for raw HTML: after `raw-html.ts` has rewritten
 * every allowed tag with only allowed attributes and escaped every other
 * tag, this keeps only allowed tags, attributes and URL schemes, whatever
 * slipped through. Ids are kept as written: `raw-html.ts` keeps only free,
 * valid ones, so no `user-content-` prefix is needed.
 */
export const sanitizeSchema: Options = {
  tagNames: [...new Set([...MARKDOWN_TAGS, ...HEADINGS, ...TABLE_TAGS, ...ALLOWED_TAGS])],
  attributes: {
    ...Object.fromEntries(Object.entries(allowedAttributeNames()).map(([tag, names]) => [tag, toProperties(names)])),
    code: [['className', /^language-[\w-]+$/]],
  },
  protocols: {
    href: [...LINK_SCHEMES, 'ftp'],
    src: ['https'],
    poster: ['https'],
    cite: ['https', 'http'],
  },
  required: { input: { disabled: true, type: 'checkbox' } },
  ancestors: { tbody: ['table'], td: ['table'], th: ['table'], thead: ['table'], tfoot: ['table'], tr: ['table'] },
  clobber: [],
  strip: ['script', 'style'],
};
