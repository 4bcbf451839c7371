/**
 * Mailchimp (Marketing API 3.0 reference: mailchimp.com/developer/marketing/api/campaigns/).
 * HTTP Basic auth, any user name and the key as password; the API host is
 * `https://<dc>.api.mailchimp.com/3.0`, `<dc>` the end of the key (`…-us21`).
 *
 * - `GET /campaigns?list_id=…&count=…&offset=…` lists campaigns
 *   (`{ campaigns, total_items }`); the edition is the one whose
 *   `settings.title` (the campaign's internal name) ends with our marker.
 * - `POST /campaigns` with `type: "regular"`, `recipients.list_id` and
 *   `settings` (subject_line, preview_text, title, from_name, reply_to)
 *   creates it, in status `save`.
 * - `PUT /campaigns/{id}/content` with `html` and `plain_text` sets the content.
 * - `POST /campaigns/{id}/actions/send` sends it (204).
 *
 * Mailchimp refuses to send a campaign without its `*|UNSUB|*` merge tag.
 */
import { SendFailure, idOf } from '../http.ts';
import type { Found, Outgoing, Provider } from '../types.ts';
import type { ProviderModule } from './module.ts';

interface Campaign {
  id: string;
  status: string;
  settings?: { title?: string };
}
interface CampaignPage {
  campaigns: Campaign[];
  total_items?: number;
}

const PAGE = 1000;
const MAX_PAGES = 50;

export const mailchimp: ProviderModule<'mailchimp'> = {
  service: 'Mailchimp',
  keyVariables: ['MAILCHIMP_API_KEY'],
  urlVariable: 'MAILCHIMP_API_URL',
  unsubscribe: { placeholder: '*|UNSUB|*' },
  escape: (text) => text,
  base(_settings, env) {
    const override = env['MAILCHIMP_API_URL'];
    if (override) return `${override.replace(/\/$/, '')}/3.0`;
    const dc = /-([a-z]+\d+)$/.exec(env['MAILCHIMP_API_KEY'] ?? '')?.[1];
    if (!dc)
      throw new SendFailure(
        'MAILCHIMP_API_KEY: expected a key that ends with its data centre, such as "…-us21" (or set MAILCHIMP_API_URL)',
      );
    return `https://${dc}.api.mailchimp.com/3.0`;
  },
  auth: (env) => ({
    authorization: `Basic ${Buffer.from(`newsletter:${env['MAILCHIMP_API_KEY']}`).toString('base64')}`,
  }),
  connect(settings, client): Provider {
    const audience = settings.audience!;
    const title = (email: Outgoing) => `${email.name} [${email.marker}]`;
    return {
      service: 'Mailchimp',
      keyVariable: 'MAILCHIMP_API_KEY',
      contentApart: true,
      async find(email): Promise<Found | null> {
        for (let page = 0; page < MAX_PAGES; page++) {
          const list = await client.request<CampaignPage>({
            step: `looking for edition ${email.edition}`,
            method: 'GET',
            path: `/campaigns?list_id=${encodeURIComponent(audience)}&count=${PAGE}&offset=${page * PAGE}&fields=campaigns.id,campaigns.status,campaigns.settings.title,total_items`,
          });
          const campaigns = list?.campaigns ?? [];
          const hit = campaigns.find((c) => c.settings?.title?.endsWith(`[${email.marker}]`));
          if (hit) return { id: hit.id, state: hit.status === 'save' ? 'draft' : 'sent', status: hit.status };
          if (campaigns.length < PAGE || (page + 1) * PAGE >= (list?.total_items ?? 0)) return null;
        }
        return null;
      },
      async create(email) {
        const step = 'creating the campaign';
        const created = await client.request<Campaign>({
          step,
          method: 'POST',
          path: '/campaigns',
          body: {
            type: 'regular',
            recipients: {
              list_id: audience,
              ...(settings.segment ? { segment_opts: { saved_segment_id: settings.segment } } : {}),
            },
            settings: {
              subject_line: email.subject,
              preview_text: email.preview,
              title: title(email),
              from_name: email.from?.name,
              reply_to: email.from?.address,
            },
          },
        });
        return idOf(created, 'Mailchimp', step);
      },
      async update(id, email) {
        await client.request({
          step: 'setting the content',
          method: 'PUT',
          path: `/campaigns/${id}/content`,
          body: { html: email.html, plain_text: email.text },
        });
      },
      async send(id) {
        await client.request({ step: 'sending', method: 'POST', path: `/campaigns/${id}/actions/send` });
      },
    };
  },
};
