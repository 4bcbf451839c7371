/**
 * listmonk (API reference: listmonk.app/docs/apis/campaigns/, in
 * github.com/knadh/listmonk docs/docs/content/apis/campaigns.md).
 * `Authorization: token <api user>:<token>`; the API is under the
 * instance's root URL (`send.url`, else `subscribe.url`).
 *
 * - `GET /api/campaigns?tags=<marker>&per_page=all` lists campaigns
 *   (`{ data: { results } }`); the edition is the one tagged with our marker.
 * - `POST /api/campaigns` with `name`, `subject`, `lists` (numeric ids),
 *   `type: "regular"`, `content_type: "html"`, `body`, `altbody`, `tags`
 *   creates it as a `draft` (`{ data }`); `PUT /api/campaigns/{id}` updates it.
 * - `PUT /api/campaigns/{id}/status` with `status: "running"` sends it.
 *
 * Every campaign carries listmonk's `{{ UnsubscribeURL }}`. Bodies are Go
 * templates, so the email's own `{{` is written `{{ "{{" }}`.
 */
import { idOf } from '../http.ts';
import type { Found, Outgoing, Provider } from '../types.ts';
import type { ProviderModule } from './module.ts';

interface Campaign {
  id: number;
  status: string;
  tags?: string[] | null;
}

export const listmonk: ProviderModule<'listmonk'> = {
  service: 'listmonk',
  keyVariables: ['LISTMONK_USERNAME', 'LISTMONK_API_TOKEN'],
  urlVariable: 'LISTMONK_API_URL',
  unsubscribe: { placeholder: '{{ UnsubscribeURL }}' },
  escape: (text) => text.replaceAll('{{', '{{ "{{" }}'),
  base: (settings, env) => `${(env['LISTMONK_API_URL'] ?? settings.url!).replace(/\/$/, '')}/api`,
  auth: (env) => ({ authorization: `token ${env['LISTMONK_USERNAME']}:${env['LISTMONK_API_TOKEN']}` }),
  connect(settings, client): Provider {
    const body = (email: Outgoing) => ({
      name: email.name,
      subject: email.subject,
      lists: settings.lists,
      type: 'regular',
      content_type: 'html',
      body: email.html,
      altbody: email.text,
      messenger: 'email',
      tags: [email.marker],
      ...(email.from ? { from_email: `${email.from.name} <${email.from.address}>` } : {}),
      ...(settings.templateId ? { template_id: settings.templateId } : {}),
    });
    return {
      service: 'listmonk',
      keyVariable: 'LISTMONK_API_TOKEN',
      contentApart: false,
      async find(email): Promise<Found | null> {
        const list = await client.request<{ data?: { results?: Campaign[] } }>({
          step: `looking for edition ${email.edition}`,
          method: 'GET',
          path: `/campaigns?tags=${encodeURIComponent(email.marker)}&per_page=all`,
        });
        const hit = (list?.data?.results ?? []).find((c) => c.tags?.includes(email.marker));
        if (!hit) return null;
        return { id: String(hit.id), state: hit.status === 'draft' ? 'draft' : 'sent', status: hit.status };
      },
      async create(email) {
        const step = 'creating the campaign';
        const answer = await client.request<{ data?: Campaign }>({
          step,
          method: 'POST',
          path: '/campaigns',
          body: body(email),
        });
        return idOf(answer?.data, 'listmonk', step);
      },
      async update(id, email) {
        await client.request({
          step: 'updating the draft',
          method: 'PUT',
          path: `/campaigns/${id}`,
          body: body(email),
        });
      },
      async send(id) {
        await client.request({
          step: 'sending',
          method: 'PUT',
          path: `/campaigns/${id}/status`,
          body: { status: 'running' },
        });
      },
    };
  },
};
