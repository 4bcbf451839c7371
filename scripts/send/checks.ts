/**
 * What is checked before any request: the size Gmail clips at, links and
 * images that work in an inbox, a subject, and the service's unsubscribe
 * placeholder. Each problem is one line naming the edition; warnings do not
 * stop a send.
 */
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { LINK_SCHEMES, schemeOf } from '../../src/rules/link-rules.ts';

/** Gmail clips an HTML email above this many bytes ("[Message clipped]"). */
export const CLIP_BYTES = 102 * 1024;
/** Above this many characters, inboxes cut the subject. */
export const SUBJECT_WARN = 90;

/** One finding: an error stops the send. */
export interface Finding {
  severity: 'error' | 'warning';
  message: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const shown = (url: string) => JSON.stringify(url.length > 80 ? `${url.slice(0, 77)}...` : url);

/** Links and images of the built HTML that an inbox cannot follow or show. */
function urlFindings(html: string): Finding[] {
  const findings: Finding[] = [];
  const error = (message: string) => findings.push({ severity: 'error', message });
  visit(fromHtml(html), 'element', (node: Element) => {
    const href = node.tagName === 'a' ? node.properties['href'] : undefined;
    if (typeof href === 'string') {
      const scheme = schemeOf(href);
      if (scheme === null) error(`link ${shown(href)} is not absolute; an inbox has no page to resolve it against`);
      else if (!LINK_SCHEMES.includes(scheme))
        error(`link ${shown(href)} uses ${scheme}:, which the edition format does not allow`);
    }
    if (node.tagName === 'img') {
      const src = String(node.properties['src'] ?? '');
      const scheme = schemeOf(src);
      if (scheme === null) error(`image ${shown(src)} is not absolute; an inbox has no page to resolve it against`);
      else if (scheme !== 'https') error(`image ${shown(src)} is not https:; inboxes block or warn about other images`);
      if (node.properties['alt'] === undefined)
        error(`image ${shown(src)} has no alt attribute; give it one (alt="" marks decoration)`);
    }
  });
  return findings;
}

/** Every finding for an email as it will be sent (`html`), the edition's own HTML being `built`. */
export function emailFindings(email: {
  subject: string;
  built: string;
  html: string;
  text: string;
  placeholder: string | null;
  service: string;
}): Finding[] {
  const findings = urlFindings(email.built);
  const bytes = Buffer.byteLength(email.html);
  if (bytes > CLIP_BYTES)
    findings.push({
      severity: 'error',
      message: `the HTML is ${kb(bytes)}; Gmail clips emails above ${kb(CLIP_BYTES)}, so shorten the edition`,
    });
  const subject = email.subject.trim();
  if (subject === '') findings.push({ severity: 'error', message: 'the subject is empty' });
  else if ([...subject].length > SUBJECT_WARN)
    findings.push({
      severity: 'warning',
      message: `the subject is ${[...subject].length} characters; inboxes cut it near ${SUBJECT_WARN}`,
    });
  if (email.placeholder && !(email.html.includes(email.placeholder) && email.text.includes(email.placeholder)))
    findings.push({
      severity: 'error',
      message: `${email.service} requires its unsubscribe placeholder ${email.placeholder} in both parts; it is missing`,
    });
  return findings;
}
