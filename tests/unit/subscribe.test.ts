// The subscribe setting: its error lines, each provider's form, the form-action policy, and SITE_CONFIG.
import { describe, expect, it } from 'vitest';
import { subscribeSchema } from '../../src/schemas/subscribe.ts';
import { contentSecurityPolicy, headersFile } from '../../src/site/security.ts';
import { validateSite } from '../../src/site/settings.ts';
import { formActionDirective, subscribeForm } from '../../src/site/subscribe.ts';
import { subscribeFooterText } from '../../src/render/subscribe-email.ts';
import { sayFor } from '../../src/i18n/say.ts';
import settings from '../../src/site.config.ts';

const MAILCHIMP = 'https://example.us21.list-manage.com/subscribe/post?u=1a2b3c4d&id=5e6f7a';
const UUIDS = ['0b2e2a4c-1f3d-4c5b-9a8e-7d6c5b4a3f21', '5f4e3d2c-1b0a-4987-8654-3210fedcba98'];

/** The settings with a `subscribe` setting, validated. */
const parse = (subscribe: unknown) => subscribeSchema.parse(subscribe);
/** The error lines for a `subscribe` setting, as `npm run build` prints them. */
function problems(subscribe: unknown): string {
  try {
    validateSite({ ...settings, subscribe });
    return 'no problem';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the subscribe setting', () => {
  it('is optional: without it the settings are valid and there is no form', () => {
    expect(validateSite(settings).subscribe).toBeUndefined();
  });

  it('names the providers it knows when given another', () => {
    expect(problems({ provider: 'mailgun', username: 'x' })).toBe(
      'src/site.config.ts  subscribe.provider: expected one of "buttondown", "kit", "mailchimp", "listmonk", "generic", got "mailgun"',
    );
    expect(problems({ username: 'x' })).toBe(
      'src/site.config.ts  subscribe.provider: missing; expected one of "buttondown", "kit", "mailchimp", "listmonk", "generic"',
    );
    expect(problems('buttondown')).toBe(
      'src/site.config.ts  subscribe: expected a provider and its settings, such as { provider: "buttondown", username: "ai-platforms" }, got "buttondown"',
    );
  });

  it('says what is missing, what is malformed and what is unknown', () => {
    expect(problems({ provider: 'buttondown' })).toBe(
      'src/site.config.ts  subscribe.username: missing; expected your Buttondown username, such as "ai-platforms"',
    );
    expect(problems({ provider: 'buttondown', username: 'ai platforms', user: 'x' })).toBe(
      [
        'src/site.config.ts  subscribe.username: expected a Buttondown username (letters, digits, "-", "_"), such as "ai-platforms", got "ai platforms"',
        'src/site.config.ts  subscribe.user: unknown key',
      ].join('\n'),
    );
    expect(problems({ provider: 'kit', formId: 'abc' })).toBe(
      'src/site.config.ts  subscribe.formId: expected the number of your Kit form, such as "1234567", got "abc"',
    );
    expect(problems({ provider: 'listmonk', url: 'https://lists.example.org', lists: [] })).toBe(
      'src/site.config.ts  subscribe.lists: expected at least one list UUID, got a list',
    );
  });

  it('takes only https action URLs', () => {
    expect(problems({ provider: 'generic', service: 'Lists', action: 'http://lists.example.org/join' })).toBe(
      'src/site.config.ts  subscribe.action: expected an https URL such as "https://lists.example.org/subscribe", got "http://lists.example.org/join"',
    );
    expect(problems({ provider: 'mailchimp', action: MAILCHIMP.replace('https:', 'http:') })).toBe(
      `src/site.config.ts  subscribe.action: expected an https URL such as "https://example.us21.list-manage.com/subscribe/post?u=1a2b3c&id=4d5e6f", got "http://example.us21.list-manage.com/subscribe/post?u=1a2b..."`,
    );
    expect(problems({ provider: 'listmonk', url: 'lists.example.org', lists: UUIDS })).toBe(
      'src/site.config.ts  subscribe.url: expected an https URL such as "https://lists.example.org", got "lists.example.org"',
    );
  });

  it('wants Mailchimp’s own action URL, and no query in a GET action', () => {
    expect(problems({ provider: 'mailchimp', action: 'https://example.com/subscribe' })).toContain(
      `subscribe.action: expected the form action URL from Mailchimp's embed code`,
    );
    expect(
      problems({
        provider: 'generic',
        service: 'Lists',
        action: 'https://lists.example.org/join?list=1',
        method: 'get',
      }),
    ).toBe(
      `src/site.config.ts  subscribe.action: expected no query in a "get" form's action (a browser drops it): move it into hidden, got "https://lists.example.org/join?list=1"`,
    );
  });
});

describe('provider → form', () => {
  it('Buttondown: the embed-subscribe URL of the username, field email', () => {
    expect(subscribeForm(parse({ provider: 'buttondown', username: 'ai-platforms' }))).toEqual({
      service: 'Buttondown',
      action: 'https://buttondown.com/api/emails/embed-subscribe/ai-platforms',
      method: 'post',
      emailField: 'email',
      hidden: [['embed', '1']],
    });
  });

  it('Kit: the form’s subscriptions URL, field email_address (a number or a string id)', () => {
    const expected = {
      service: 'Kit',
      action: 'https://app.kit.com/forms/1234567/subscriptions',
      method: 'post',
      emailField: 'email_address',
      hidden: [],
    };
    expect(subscribeForm(parse({ provider: 'kit', formId: 1234567 }))).toEqual(expected);
    expect(subscribeForm(parse({ provider: 'kit', formId: '1234567' }))).toEqual(expected);
  });

  it('Mailchimp: the embed code’s action, field EMAIL and its bot trap b_<u>_<id>', () => {
    expect(subscribeForm(parse({ provider: 'mailchimp', action: MAILCHIMP }))).toEqual({
      service: 'Mailchimp',
      action: MAILCHIMP,
      method: 'post',
      emailField: 'EMAIL',
      hidden: [],
      trapField: 'b_1a2b3c4d_5e6f7a',
    });
    const pasted = MAILCHIMP.replace('&', '&amp;');
    expect(subscribeForm(parse({ provider: 'mailchimp', action: ` ${pasted}` })).action).toBe(MAILCHIMP);
  });

  it('listmonk: <url>/subscription/form, email, optional name, an empty nonce and l per list', () => {
    const form = subscribeForm(parse({ provider: 'listmonk', url: 'https://example.org/lists', lists: UUIDS }));
    expect(form).toEqual({
      service: 'listmonk',
      action: 'https://example.org/lists/subscription/form',
      method: 'post',
      emailField: 'email',
      nameField: undefined,
      hidden: [
        ['nonce', ''],
        ['l', UUIDS[0]],
        ['l', UUIDS[1]],
      ],
    });
    const named = parse({ provider: 'listmonk', url: 'https://example.org/', lists: UUIDS, askName: true });
    expect(subscribeForm(named)).toMatchObject({ action: 'https://example.org/subscription/form', nameField: 'name' });
  });

  it('generic: the given action, method, email field and hidden fields', () => {
    const settings = parse({
      provider: 'generic',
      service: 'Example Lists',
      action: 'https://lists.example.org/join',
      method: 'get',
      emailField: 'address',
      hidden: { list: 'weekly', source: 'site' },
    });
    expect(subscribeForm(settings)).toEqual({
      service: 'Example Lists',
      action: 'https://lists.example.org/join',
      method: 'get',
      emailField: 'address',
      hidden: [
        ['list', 'weekly'],
        ['source', 'site'],
      ],
    });
    expect(subscribeForm(parse({ provider: 'generic', service: 'X', action: 'https://x.example/' }))).toMatchObject({
      method: 'post',
      emailField: 'email',
      hidden: [],
    });
  });
});

describe('form-action in the Content-Security-Policy', () => {
  const cases: [string, unknown, string][] = [
    ['buttondown', { provider: 'buttondown', username: 'ai-platforms' }, 'https://buttondown.com'],
    ['kit', { provider: 'kit', formId: '1234567' }, 'https://app.kit.com'],
    ['mailchimp', { provider: 'mailchimp', action: MAILCHIMP }, 'https://example.us21.list-manage.com'],
    [
      'listmonk',
      { provider: 'listmonk', url: 'https://lists.example.org:8443/x', lists: UUIDS },
      'https://lists.example.org:8443',
    ],
    ['generic', { provider: 'generic', service: 'X', action: 'https://x.example/a/b?c=d' }, 'https://x.example'],
  ];

  it.each(cases)('%s: allows the site and exactly the provider’s origin', (_, subscribe, origin) => {
    expect(formActionDirective(parse(subscribe))).toBe(`form-action 'self' ${origin}`);
    const policy = contentSecurityPolicy(parse(subscribe));
    expect(policy.split('; ').filter((d) => d.startsWith('form-action'))).toEqual([`form-action 'self' ${origin}`]);
    expect(policy.replace(` ${origin}`, '')).toBe(contentSecurityPolicy(undefined));
  });

  it('allows the site alone without a subscribe setting, in the meta policy and in _headers', () => {
    expect(formActionDirective()).toBe("form-action 'self'");
    expect(contentSecurityPolicy()).toMatch(/; form-action 'self'$/);
    expect(headersFile()).toContain("form-action 'self'; frame-ancestors 'none'");
  });
});

describe('the email footer', () => {
  it('sends a forwarded email’s reader to the home page’s subscribe box', () => {
    expect(subscribeFooterText(sayFor('en'))).toBe(
      'Forwarded this email? Subscribe: https://ai-platforms.example.org/#subscribe',
    );
    expect(subscribeFooterText(sayFor('de'))).toBe(
      'Wurde Ihnen diese E-Mail weitergeleitet? Abonnieren: https://ai-platforms.example.org/#subscribe',
    );
  });
});
