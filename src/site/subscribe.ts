/**
 * From the `subscribe` setting to a plain HTML sign-up form (no script, no
 * request before it is sent) and to the one origin the Content-Security-Policy
 * must let that form post to. Reads no settings when loaded: the security
 * policy imports it. What each provider expects, from its embed code (looked
 * up November 2026; no provider documents these forms as an API, so a
 * change on their side shows up as a failed sign-up, not a failed build):
 *
 * - Buttondown: `<form action="https://buttondown.com/api/emails/embed-subscribe/<username>" method="post">`,
 *   field `email`, hidden `embed=1`. Buttondown's docs ("Building your
 *   subscriber base", github.com/buttondown/docs) send owners to the
 *   "Embedding & Sharing" page for the code; a published copy of it:
 *   gist.github.com/jeremycherfas/33aa3d3596f3553786b53148541bc586 (from
 *   when the domain was buttondown.email).
 * - Kit (ConvertKit): `<form action="https://app.kit.com/forms/<id>/subscriptions" method="post">`,
 *   field `email_address`. Kit's HTML embed as published in
 *   gist.github.com/nathanbarry/57c8731f384906212e03fecfb05157e3 and
 *   gist.github.com/josephrexme/af468d52b694c19ba811bf7f88fc8d6b (on the
 *   older app.convertkit.com host; app.kit.com is the current one).
 * - Mailchimp: the embed code's own `action` (`https://<account>.<dc>.list-manage.com/subscribe/post?u=…&id=…`),
 *   field `EMAIL`, and the bot trap: a text field `b_<u>_<id>` that must
 *   arrive empty; the embed code says "real people should not fill this in
 *   … do not remove this or risk form bot signups" (copies of the embed
 *   code: pastebin.com/RnGYWZSC, pastebin.com/TWD9TdBR). Mailchimp hides it
 *   with an inline style, which our policy forbids, so it sits in a
 *   `hidden` element (still sent, never shown or announced).
 * - listmonk: `<form method="post" action="<root>/subscription/form">`, fields
 *   `email`, `name`, a hidden `nonce` left empty (its bot trap) and one `l`
 *   per list UUID: the form listmonk's own Forms page generates
 *   (frontend/src/views/Forms.vue in github.com/knadh/listmonk), which uses
 *   checked checkboxes where we use hidden fields.
 */
import type { SubscribeSettings } from '../schemas/subscribe.ts';
import type { SiteSettings } from '../schemas/site.ts';

/** A sign-up form, ready to render: where it goes and what it sends. */
export interface SubscribeForm {
  /** Who receives the address, named to readers ("Buttondown"). */
  service: string;
  /** The absolute https URL the form is sent to. */
  action: string;
  /** How the form is sent. */
  method: 'post' | 'get';
  /** The name of the email field. */
  emailField: string;
  /** The name of an optional name field, when the provider takes one and the owner asked for it. */
  nameField?: string | undefined;
  /** Hidden fields sent as they are, in order (a name may repeat: listmonk's `l`). */
  hidden: readonly (readonly [name: string, value: string])[];
  /** A text field people never see and bots fill in; the provider drops sign-ups where it is not empty. */
  trapField?: string | undefined;
}

/** The form for a provider's settings. */
export function subscribeForm(settings: SubscribeSettings): SubscribeForm {
  switch (settings.provider) {
    case 'buttondown':
      return {
        service: 'Buttondown',
        action: `https://buttondown.com/api/emails/embed-subscribe/${encodeURIComponent(settings.username)}`,
        method: 'post',
        emailField: 'email',
        hidden: [['embed', '1']],
      };
    case 'kit':
      return {
        service: 'Kit',
        action: `https://app.kit.com/forms/${settings.formId}/subscriptions`,
        method: 'post',
        emailField: 'email_address',
        hidden: [],
      };
    case 'mailchimp': {
      const url = new URL(settings.action);
      return {
        service: 'Mailchimp',
        action: url.href,
        method: 'post',
        emailField: 'EMAIL',
        hidden: [],
        trapField: `b_${url.searchParams.get('u')}_${url.searchParams.get('id')}`,
      };
    }
    case 'listmonk':
      return {
        service: 'listmonk',
        action: new URL('subscription/form', settings.url.endsWith('/') ? settings.url : `${settings.url}/`).href,
        method: 'post',
        emailField: 'email',
        nameField: settings.askName ? 'name' : undefined,
        hidden: [['nonce', ''], ...settings.lists.map((uuid) => ['l', uuid] as const)],
      };
    case 'generic':
      return {
        service: settings.service,
        action: new URL(settings.action).href,
        method: settings.method,
        emailField: settings.emailField,
        hidden: Object.entries(settings.hidden),
      };
  }
}

/** The site's sign-up form, or undefined when no `subscribe` setting is given. */
export function siteSubscribeForm(site: Pick<SiteSettings, 'subscribe'>): SubscribeForm | undefined {
  return site.subscribe && subscribeForm(site.subscribe);
}

/**
 * The `form-action` directive: the site itself, plus the one origin the
 * sign-up form posts to. Browsers apply it to the redirects after a submit
 * too; each provider above answers on its own origin.
 */
export function formActionDirective(subscribe?: SubscribeSettings): string {
  const origin = subscribe && new URL(subscribeForm(subscribe).action).origin;
  return origin ? `form-action 'self' ${origin}` : "form-action 'self'";
}
