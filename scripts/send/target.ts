/**
 * Which service an edition goes to: the `send` setting, or else the
 * `subscribe` provider when it is one of the four, with what each service
 * needs filled in from the settings (Mailchimp's audience from the form's
 * `id=`, listmonk's URL from `subscribe.url`). A setting that is missing is
 * one line naming it.
 */
import type { SendSettings } from '../../src/schemas/send.ts';
import { SEND_PROVIDERS } from '../../src/schemas/send.ts';
import type { SiteSettings } from '../../src/schemas/site.ts';
import { SendFailure } from './http.ts';

/** The `send` settings to use, or null when neither `send` nor a usable `subscribe` names a service. */
export function sendTarget(site: SiteSettings, file = 'src/site.config.ts'): SendSettings | null {
  const given = site.send ?? fromSubscribe(site, file);
  if (!given) return null;
  const missing = (setting: string, expected: string) =>
    new SendFailure(`${file}  send.${setting}: missing; ${expected}`);
  switch (given.provider) {
    case 'mailchimp': {
      const audience = given.audience ?? mailchimpAudience(site);
      if (!audience) throw missing('audience', 'expected the Mailchimp audience id, such as "5e6f7a8b9c"');
      if (!given.from)
        throw missing(
          'from',
          'expected the from name and address Mailchimp requires, such as { address: "news@example.org" }',
        );
      return { ...given, audience };
    }
    case 'listmonk': {
      const url = given.url ?? (site.subscribe?.provider === 'listmonk' ? site.subscribe.url : undefined);
      if (!url) throw missing('url', 'expected the listmonk URL, such as "https://lists.example.org"');
      return { ...given, url };
    }
    default:
      return given;
  }
}

/** The audience id in Mailchimp's embed-code action (`…/subscribe/post?u=…&id=<audience>`). */
function mailchimpAudience(site: SiteSettings): string | undefined {
  return site.subscribe?.provider === 'mailchimp'
    ? (new URL(site.subscribe.action).searchParams.get('id') ?? undefined)
    : undefined;
}

/** `send` as the `subscribe` setting implies it, for the providers that need nothing more. */
function fromSubscribe(site: SiteSettings, file: string): SendSettings | null {
  const provider = site.subscribe?.provider;
  if (!provider || !(SEND_PROVIDERS as readonly string[]).includes(provider)) return null;
  if (provider === 'listmonk')
    throw new SendFailure(
      `${file}  send.lists: missing; expected listmonk's numeric list ids, such as { provider: "listmonk", lists: [3] } (the form's UUIDs are not them)`,
    );
  return { provider } as SendSettings;
}
