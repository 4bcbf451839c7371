import { describe, expect, it } from 'vitest';
import { validateSite } from '../../src/site/settings.ts';
import { sendTarget } from '../../scripts/send/target.ts';

const BASE = {
  name: 'AI Platforms',
  description: 'A dated digest.',
  site: 'https://news.example.org',
  base: '/',
  lang: 'en',
  timeZone: 'America/New_York',
  publisher: 'AI Platforms',
};
const MAILCHIMP_ACTION = 'https://example.us21.list-manage.com/subscribe/post?u=1a2b3c4d&id=5e6f7a';

/** The settings' one-line problems, or the target when they are valid. */
function target(extra: Record<string, unknown>) {
  try {
    return sendTarget(validateSite({ ...BASE, ...extra }));
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the send setting', () => {
  it('names the setting and what it expects', () => {
    expect(target({ send: { provider: 'mailgun' } })).toBe(
      'src/site.config.ts  send.provider: expected one of "buttondown", "kit", "mailchimp", "listmonk", got "mailgun"',
    );
    expect(target({ send: { provider: 'listmonk' } })).toBe(
      "src/site.config.ts  send.lists: missing; expected listmonk's numeric list ids, such as [3]",
    );
    expect(target({ send: { provider: 'kit', since: 0 } })).toBe(
      'src/site.config.ts  send.since: expected a positive edition number, got 0',
    );
    expect(target({ send: { provider: 'buttondown', from: { address: 'news' } } })).toBe(
      'src/site.config.ts  send.from.address: expected an email address such as "news@example.org", got "news"',
    );
  });

  it('falls back to the subscribe provider, filling in what the form already says', () => {
    expect(target({ subscribe: { provider: 'buttondown', username: 'ai-platforms' } })).toEqual({
      provider: 'buttondown',
    });
    expect(
      target({
        subscribe: { provider: 'mailchimp', action: MAILCHIMP_ACTION },
        send: { provider: 'mailchimp', from: { address: 'news@example.org' } },
      }),
    ).toEqual({ provider: 'mailchimp', audience: '5e6f7a', from: { address: 'news@example.org' } });
    expect(
      target({
        subscribe: {
          provider: 'listmonk',
          url: 'https://lists.example.org',
          lists: ['0b2e2a4c-1f3d-4c5b-9a8e-7d6c5b4a3f21'],
        },
        send: { provider: 'listmonk', lists: [3] },
      }),
    ).toEqual({ provider: 'listmonk', lists: [3], url: 'https://lists.example.org' });
  });

  it("asks for what the form cannot give: Mailchimp's sender, listmonk's numeric lists", () => {
    expect(target({ subscribe: { provider: 'mailchimp', action: MAILCHIMP_ACTION } })).toBe(
      'src/site.config.ts  send.from: missing; expected the from name and address Mailchimp requires, such as { address: "news@example.org" }',
    );
    expect(
      target({
        subscribe: {
          provider: 'listmonk',
          url: 'https://lists.example.org',
          lists: ['0b2e2a4c-1f3d-4c5b-9a8e-7d6c5b4a3f21'],
        },
      }),
    ).toBe(
      'src/site.config.ts  send.lists: missing; expected listmonk\'s numeric list ids, such as { provider: "listmonk", lists: [3] } (the form\'s UUIDs are not them)',
    );
  });

  it('is absent without send and without a subscribe provider among the four', () => {
    expect(target({})).toBeNull();
    expect(
      target({ subscribe: { provider: 'generic', service: 'Lists', action: 'https://lists.example.org/join' } }),
    ).toBeNull();
  });
});
