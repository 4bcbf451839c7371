import { describe, expect, it } from 'vitest';
import { CLIP_BYTES, emailFindings } from '../../scripts/send/checks.ts';

/** The findings for an email whose body is `body`, as it goes out unchanged. */
function findings(body: string, extra: Partial<Parameters<typeof emailFindings>[0]> = {}) {
  const html = `<!doctype html><html><body>${body}</body></html>`;
  return emailFindings({
    subject: 'Edition 1',
    built: html,
    html,
    text: 'text',
    placeholder: null,
    service: 'Mailchimp',
    ...extra,
  });
}

describe('the checks before an email is handed to a service', () => {
  it('passes absolute http(s) links, the other schemes the format allows, and https images with alt (empty for decoration)', () => {
    expect(
      findings(
        '<a href="https://example.org/a">a</a> <a href="http://example.org/b">b</a> <a href="mailto:x@example.org">m</a> ' +
          '<a href="tel:+15551234">t</a> <img src="https://example.org/c.png" alt="A chart"> <img src="https://example.org/d.png" alt="">',
      ),
    ).toEqual([]);
  });

  it('refuses relative links and images, images that are not https:, and images without alt', () => {
    expect(
      findings(
        '<a href="/editions/2/">x</a><img src="/chart.png" alt="c"><img src="http://example.org/e.png" alt="e"><img src="https://example.org/f.png">',
      ).map((f) => `${f.severity}: ${f.message}`),
    ).toEqual([
      'error: link "/editions/2/" is not absolute; an inbox has no page to resolve it against',
      'error: image "/chart.png" is not absolute; an inbox has no page to resolve it against',
      'error: image "http://example.org/e.png" is not https:; inboxes block or warn about other images',
      'error: image "https://example.org/f.png" has no alt attribute; give it one (alt="" marks decoration)',
    ]);
  });

  it("refuses an email above Gmail's clipping size, and passes one just under it", () => {
    const wrapper = Buffer.byteLength('<!doctype html><html><body></body></html>');
    expect(findings('x'.repeat(CLIP_BYTES - wrapper))).toEqual([]);
    expect(findings('x'.repeat(CLIP_BYTES - wrapper + 1)).map((f) => f.message)).toEqual([
      'the HTML is 102.0 KB; Gmail clips emails above 102.0 KB, so shorten the edition',
    ]);
  });

  it('refuses an empty subject and warns above 90 characters', () => {
    expect(findings('', { subject: '  ' })).toEqual([{ severity: 'error', message: 'the subject is empty' }]);
    expect(findings('', { subject: 'é'.repeat(91) })).toEqual([
      { severity: 'warning', message: 'the subject is 91 characters; inboxes cut it near 90' },
    ]);
    expect(findings('', { subject: 'é'.repeat(90) })).toEqual([]);
  });

  it("refuses an email without the service's unsubscribe placeholder in both parts", () => {
    const html = '<p><a href="*|UNSUB|*">Unsubscribe</a></p>';
    expect(findings('', { html, text: 'Unsubscribe: *|UNSUB|*', placeholder: '*|UNSUB|*' })).toEqual([]);
    expect(findings('', { html, text: 'no link', placeholder: '*|UNSUB|*' }).map((f) => f.message)).toEqual([
      'Mailchimp requires its unsubscribe placeholder *|UNSUB|* in both parts; it is missing',
    ]);
  });
});
