/**
 * The edition format's rules for URLs in the body: which schemes a link or
 * an image may use, and which forum URLs are malformed threads. Shared by
 * Markdown links and the raw HTML allow-list.
 */
import { classifyUrl } from './forums.ts';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The URL's scheme in lower case (`https`), or null for a relative URL. */
export function schemeOf(url: string): string | null {
  // Browsers ignore tabs, newlines and leading spaces in a scheme; so must we.
  const match = SCHEME.exec(url.replace(/[\t\n\r]/g, '').trimStart());
  return match ? match[1]!.toLowerCase() : null;
}

/** Why a link's URL breaks the rules, or null when it is fine. */
export function linkUrlProblem(url: string): string | null {
  const scheme = schemeOf(url);
  if (scheme !== null && !['https', 'http', 'mailto'].includes(scheme)) {
    return `expected an https:, http:, mailto: or relative URL, got ${JSON.stringify(url)}`;
  }
  const kind = classifyUrl(url);
  if (kind.kind === 'bad-thread') {
    return `expected a ${kind.forum.name} thread URL like ${kind.forum.example}, got ${JSON.stringify(url)}`;
  }
  return null;
}

/** Why an image's URL breaks the rules, or null when it is fine. */
export function imageUrlProblem(url: string): string | null {
  const scheme = schemeOf(url);
  if (scheme !== null && scheme !== 'https')
    return `expected an https: or relative image URL, got ${JSON.stringify(url.slice(0, 60))}`;
  return null;
}
