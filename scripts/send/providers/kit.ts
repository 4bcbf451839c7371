/**
 * Kit, formerly ConvertKit (API v4 reference: developers.kit.com/api-reference/broadcasts).
 * `X-Kit-Api-Key: <key>`.
 *
 * - `GET /v4/broadcasts?per_page=…&after=<cursor>` lists broadcasts
 *   (`{ broadcasts, pagination: { has_next_page, end_cursor } }`); the
 *   edition is the one whose `description` (internal, never shown to
 *   readers) is our marker.
 * - `POST /v4/broadcasts` with `content`, `description`, `public`,
 *   `published_at`, `subject` and `send_at: null` saves a draft
 *   (`{ broadcast }`).
 * - `PUT /v4/broadcasts/{id}` updates it; with a `send_at` timestamp it
 *   schedules it, and a time already past sends it now.
 *
 * Kit's email templates carry the unsubscribe link, and Kit writes the text part.
 * Its content is Liquid: the email's own `{{` and `{%` are wrapped in `{% raw %}`.
 */
import { idOf } from '../http.ts';
import type { Found, Outgoing, Provider } from '../types.ts';
import type { ProviderModule } from './module.ts';

interface Broadcast {
  id: number;
  description?: string | null;
  send_at?: string | null;
  status?: string;
}
interface BroadcastPage {
  broadcasts: Broadcast[];
  pagination?: { has_next_page?: boolean; end_cursor?: string | null };
}

const MAX_PAGES = 100;

export const kit: ProviderModule<'kit'> = {
  service: 'Kit',
  keyVariables: ['KIT_API_KEY'],
  urlVariable: 'KIT_API_URL',
  unsubscribe: null,
  escape: (text) => text.replace(/\{[{%]/g, (m) => `{% raw %}${m}{% endraw %}`),
  base: (_settings, env) => `${(env['KIT_API_URL'] ?? 'https://api.kit.com').replace(/\/$/, '')}/v4`,
  auth: (env) => ({ 'x-kit-api-key': env['KIT_API_KEY'] ?? '' }),
  connect(settings, client): Provider {
    const body = (email: Outgoing, sendAt: string | null) => ({
      subject: email.subject,
      content: email.html,
      description: email.marker,
      preview_text: email.preview,
      public: false,
      published_at: email.date,
      send_at: sendAt,
      ...(email.from ? { email_address: email.from.address } : {}),
      ...(settings.templateId ? { email_template_id: settings.templateId } : {}),
      ...(settings.segments ? { subscriber_filter: [{ all: [{ type: 'segment', ids: settings.segments }] }] } : {}),
    });
    const broadcastOf = (answer: { broadcast?: Broadcast } | undefined) => answer?.broadcast;
    return {
      service: 'Kit',
      keyVariable: 'KIT_API_KEY',
      contentApart: false,
      async find(email): Promise<Found | null> {
        let after = '';
        for (let page = 0; page < MAX_PAGES; page++) {
          const list = await client.request<BroadcastPage>({
            step: `looking for edition ${email.edition}`,
            method: 'GET',
            path: `/broadcasts?per_page=500${after ? `&after=${encodeURIComponent(after)}` : ''}`,
          });
          const hit = (list?.broadcasts ?? []).find((b) => b.description === email.marker);
          if (hit) {
            const draft = !hit.send_at && (hit.status === undefined || hit.status === 'draft');
            return {
              id: String(hit.id),
              state: draft ? 'draft' : 'sent',
              status: hit.status ?? (draft ? 'draft' : 'scheduled'),
            };
          }
          const next = list?.pagination;
          if (!next?.has_next_page || !next.end_cursor) return null;
          after = next.end_cursor;
        }
        return null;
      },
      async create(email) {
        const step = 'creating the broadcast';
        const answer = await client.request<{ broadcast?: Broadcast }>({
          step,
          method: 'POST',
          path: '/broadcasts',
          body: body(email, null),
        });
        return idOf(broadcastOf(answer), 'Kit', step);
      },
      async update(id, email) {
        await client.request({
          step: 'updating the draft',
          method: 'PUT',
          path: `/broadcasts/${id}`,
          body: body(email, null),
        });
      },
      async send(id, email) {
        const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
        await client.request({ step: 'sending', method: 'PUT', path: `/broadcasts/${id}`, body: body(email, now) });
      },
    };
  },
};
