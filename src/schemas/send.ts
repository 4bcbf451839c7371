/**
 * The `send` setting: which email service `npm run send` hands each edition
 * to, and what that service needs beyond an API key (which only ever comes
 * from the environment). Absent: the `subscribe` provider is used when it is
 * one of the four (`scripts/send/target.ts`).
 */
import { z } from 'astro/zod';

/** The services `npm run send` can deliver through. */
export const SEND_PROVIDERS = ['buttondown', 'kit', 'mailchimp', 'listmonk'] as const;
/** One of them. */
export type SendProvider = (typeof SEND_PROVIDERS)[number];

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

const ids = (what: string, example: string) =>
  z
    .array(
      z.int({ error: `expected a whole number, such as ${example}` }).positive({ error: 'expected a positive id' }),
      {
        error: `expected ${what}, such as [${example}]`,
      },
    )
    .min(1, { error: `expected at least one id, such as [${example}]` });

/** Settings every provider shares. */
const common = {
  /** The first edition number CI sends; without it the CI job sends nothing (an imported archive is never mailed). */
  since: z
    .int({ error: 'expected an edition number' })
    .positive({ error: 'expected a positive edition number' })
    .optional(),
  /** Who the email is from. Default: the service's own sender settings; `--test` uses noreply@ the site's host. */
  from: z
    .strictObject({
      /** The sender's name. Default: the newsletter's name. */
      name: z.string({ error: 'expected a name' }).trim().min(1, { error: 'expected a non-empty name' }).optional(),
      /** The sender's (and reply-to) address, one the service has verified. */
      address: z.string({ error: 'expected an email address' }).regex(EMAIL, {
        error: 'expected an email address such as "news@example.org"',
      }),
    })
    .optional(),
};

const buttondown = z.strictObject({ provider: z.literal('buttondown'), ...common });

const kit = z.strictObject({
  provider: z.literal('kit'),
  ...common,
  /** Kit segment ids to send to. Default: every subscriber. */
  segments: ids('Kit segment ids', '1234').optional(),
  /** The Kit email template id. Default: the account's default template. */
  templateId: z.int({ error: 'expected a Kit email template id' }).positive().optional(),
});

const mailchimp = z.strictObject({
  provider: z.literal('mailchimp'),
  ...common,
  /** The audience (list) id. Default: the `id=` of the `subscribe.action` URL. */
  audience: z
    .string({ error: 'expected a Mailchimp audience id such as "5e6f7a8b9c"' })
    .regex(/^\w+$/, { error: 'expected a Mailchimp audience id such as "5e6f7a8b9c"' })
    .optional(),
  /** A saved segment of that audience to send to. Default: the whole audience. */
  segment: z.int({ error: 'expected a saved segment id' }).positive().optional(),
});

const listmonk = z.strictObject({
  provider: z.literal('listmonk'),
  ...common,
  /** The instance's API origin. Default: `subscribe.url`. */
  url: z
    .string({ error: 'expected the listmonk URL, such as "https://lists.example.org"' })
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
      error: 'expected an http(s) URL such as "https://lists.example.org"',
    })
    .optional(),
  /** listmonk's numeric list ids (Lists page), not the form's UUIDs. */
  lists: ids("listmonk's numeric list ids", '3'),
  /** The campaign template id; one whose body is only `{{ template "content" . }}` keeps the email as built. */
  templateId: z.int({ error: 'expected a listmonk template id' }).positive().optional(),
});

/** The `send` setting: one email service, by name. */
export const sendSchema = z.discriminatedUnion('provider', [buttondown, kit, mailchimp, listmonk], {
  error: (issue) => {
    const code: string = issue.code;
    if (code === 'invalid_type')
      return 'expected a provider and its settings, such as { provider: "buttondown", since: 1 }';
    if (code === 'invalid_union') return `expected one of ${SEND_PROVIDERS.map((p) => `"${p}"`).join(', ')}`;
    return undefined;
  },
});

/** The `send` setting after validation. */
export type SendSettings = z.output<typeof sendSchema>;
