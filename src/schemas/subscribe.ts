/**
 * The `subscribe` setting: which email service takes sign-ups, in the few
 * values a newsletter owner knows (a username, a form id, the action URL of
 * an embed code). `src/site/subscribe.ts` turns it into a form. Absent: the
 * site shows feed links only.
 */
import { z } from 'astro/zod';

const PROVIDERS = ['buttondown', 'kit', 'mailchimp', 'listmonk', 'generic'] as const;

function isHttps(value: string): boolean {
  return URL.canParse(value) && new URL(value).protocol === 'https:';
}

/** An https URL; `example` shows the expected shape in the message. */
const httpsUrl = (example: string) =>
  z
    .string({ error: `expected an https URL such as "${example}"` })
    .refine(isHttps, { error: `expected an https URL such as "${example}"` });

/** Mailchimp's embed code: `https://<account>.<dc>.list-manage.com/subscribe/post?u=…&id=…`. */
function isMailchimpAction(value: string): boolean {
  if (!isHttps(value)) return false;
  const url = new URL(value);
  return (
    /\.list-manage\.com$/.test(url.hostname) &&
    url.pathname === '/subscribe/post' &&
    /^\w+$/.test(url.searchParams.get('u') ?? '') &&
    /^\w+$/.test(url.searchParams.get('id') ?? '')
  );
}

const MAILCHIMP_EXAMPLE = 'https://example.us21.list-manage.com/subscribe/post?u=1a2b3c&id=4d5e6f';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELD_NAME = /^[\w.[\]-]+$/;

const buttondown = z.strictObject({
  provider: z.literal('buttondown'),
  /** The newsletter's Buttondown username: the end of `https://buttondown.com/<username>`. */
  username: z
    .string({ error: 'expected your Buttondown username, such as "ai-platforms"' })
    .regex(/^[\w-]+$/, { error: 'expected a Buttondown username (letters, digits, "-", "_"), such as "ai-platforms"' }),
});

const kit = z.strictObject({
  provider: z.literal('kit'),
  /** The Kit (ConvertKit) form's number, from its embed code or `https://app.kit.com/forms/<formId>/…`. */
  formId: z
    .union([z.string(), z.number()], { error: 'expected the number of your Kit form, such as "1234567"' })
    .transform(String)
    .refine((v) => /^\d+$/.test(v), { error: 'expected the number of your Kit form, such as "1234567"' }),
});

const mailchimp = z.strictObject({
  provider: z.literal('mailchimp'),
  /** The `action` of the `<form>` in Mailchimp's embed code. */
  action: z
    .string({ error: `expected the form action URL from Mailchimp's embed code, such as "${MAILCHIMP_EXAMPLE}"` })
    .trim()
    // Copied from the embed code's HTML, the URL may still say `&amp;`.
    .transform((v) => v.replaceAll('&amp;', '&'))
    .refine(isHttps, { error: `expected an https URL such as "${MAILCHIMP_EXAMPLE}"`, abort: true })
    .refine(isMailchimpAction, {
      error: `expected the form action URL from Mailchimp's embed code, such as "${MAILCHIMP_EXAMPLE}"`,
    }),
});

const listmonk = z.strictObject({
  provider: z.literal('listmonk'),
  /** The listmonk instance's root URL (its "Root URL" setting). */
  url: httpsUrl('https://lists.example.org'),
  /** The UUIDs of the public lists a reader joins. */
  lists: z
    .array(z.string().regex(UUID, { error: 'expected a list UUID from listmonk' }), {
      error: 'expected the UUIDs of your public lists, such as ["0b2e…-…"]',
    })
    .min(1, { error: 'expected at least one list UUID' }),
  /** Also ask for a name (optional to fill in). Default false. */
  askName: z.boolean({ error: 'expected true or false' }).default(false),
});

const generic = z
  .strictObject({
    provider: z.literal('generic'),
    /** The service's name, shown to readers: "Your address goes to <service>". */
    service: z
      .string({ error: 'expected the name of your email service, shown to readers' })
      .trim()
      .min(1, { error: 'expected a non-empty name' }),
    /** Where the form is sent. */
    action: httpsUrl('https://lists.example.org/subscribe'),
    /** `post` (default) or `get`. */
    method: z.enum(['post', 'get'], { error: 'expected "post" or "get"' }).default('post'),
    /** The name of the email field. Default `email`. */
    emailField: z
      .string({ error: 'expected a field name such as "email"' })
      .regex(FIELD_NAME, { error: 'expected a field name such as "email"' })
      .default('email'),
    /** Extra hidden fields sent with every sign-up, name → value. */
    hidden: z
      .record(z.string().regex(FIELD_NAME, { error: 'expected a field name' }), z.string({ error: 'expected text' }))
      .default({}),
  })
  .superRefine((v, ctx) => {
    // A browser drops the query of a GET form's action and sends the fields instead.
    if (v.method === 'get' && new URL(v.action).search !== '')
      ctx.addIssue({
        code: 'custom',
        path: ['action'],
        input: v.action,
        message: 'expected no query in a "get" form\'s action (a browser drops it): move it into hidden',
      });
  });

/** The `subscribe` setting: one email service, by name. */
export const subscribeSchema = z.discriminatedUnion('provider', [buttondown, kit, mailchimp, listmonk, generic], {
  error: (issue) => {
    // Typed as a union issue, but a value that is not an object arrives here as `invalid_type`.
    const code: string = issue.code;
    if (code === 'invalid_type')
      return 'expected a provider and its settings, such as { provider: "buttondown", username: "ai-platforms" }';
    if (code === 'invalid_union') return `expected one of ${PROVIDERS.map((p) => `"${p}"`).join(', ')}`;
    return undefined;
  },
});

/** The `subscribe` setting after validation and defaults. */
export type SubscribeSettings = z.output<typeof subscribeSchema>;
/** One provider's settings. */
export type SubscribeProvider = SubscribeSettings['provider'];
