/**
 * Buttondown (API reference: docs.buttondown.com/api-emails-create, the
 * OpenAPI spec in github.com/buttondown/openapi). `Authorization: Token <key>`.
 *
 * - `GET /v1/emails?page=N` lists emails (`{ results, next, count }`); the
 *   edition is the one whose `metadata.newsletter_edition` is our marker.
 * - `POST /v1/emails` with `subject`, `body`, `status: "draft"` and
 *   `metadata` creates it (201, the Email); `status` defaults to
 *   `about_to_send`, which would send at once, so it is always given.
 * - `PATCH /v1/emails/{id}` with `subject` and `body` updates the draft, and
 *   with `status: "about_to_send"` sends it.
 *
 * Buttondown adds its own unsubscribe footer, and writes the text part itself.
 */
import { idOf } from '../http.ts';
import type { Found, Provider } from '../types.ts';
import type { ProviderModule } from './module.ts';

interface Email {
  id: string;
  status: string;
  metadata?: Record<string, unknown> | null;
}
interface EmailPage {
  results: Email[];
  next?: string | null;
}

/** Pages of emails read at most while looking for an edition. */
const MAX_PAGES = 200;

export const buttondown: ProviderModule<'buttondown'> = {
  service: 'Buttondown',
  keyVariables: ['BUTTONDOWN_API_KEY'],
  urlVariable: 'BUTTONDOWN_API_URL',
  unsubscribe: null,
  escape: (text) => text,
  base: (_settings, env) => `${(env['BUTTONDOWN_API_URL'] ?? 'https://api.buttondown.com').replace(/\/$/, '')}/v1`,
  auth: (env) => ({ authorization: `Token ${env['BUTTONDOWN_API_KEY']}` }),
  connect(_settings, client): Provider {
    const content = (email: { subject: string; html: string }) => ({ subject: email.subject, body: email.html });
    return {
      service: 'Buttondown',
      keyVariable: 'BUTTONDOWN_API_KEY',
      contentApart: false,
      async find(email): Promise<Found | null> {
        for (let page = 1; page <= MAX_PAGES; page++) {
          const step = `looking for edition ${email.edition}`;
          const list = await client.request<EmailPage>({
            step,
            method: 'GET',
            path: `/emails?page=${page}&excluded_fields=body`,
          });
          const hit = (list?.results ?? []).find(
            (e) => e.metadata?.['newsletter_edition'] === email.marker && e.status !== 'deleted',
          );
          if (hit) return { id: String(hit.id), state: hit.status === 'draft' ? 'draft' : 'sent', status: hit.status };
          if (!list?.next) return null;
        }
        return null;
      },
      async create(email) {
        const step = 'creating the email';
        const created = await client.request<Email>({
          step,
          method: 'POST',
          path: '/emails',
          body: {
            ...content(email),
            status: 'draft',
            description: email.preview,
            metadata: { newsletter_edition: email.marker },
          },
        });
        return idOf(created, 'Buttondown', step);
      },
      async update(id, email) {
        await client.request({
          step: 'updating the draft',
          method: 'PATCH',
          path: `/emails/${id}`,
          body: content(email),
        });
      },
      async send(id) {
        await client.request({
          step: 'sending',
          method: 'PATCH',
          path: `/emails/${id}`,
          body: { status: 'about_to_send' },
        });
      },
    };
  },
};
