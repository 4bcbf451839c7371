/**
 * Local stand-ins for the four email services' APIs, written from their
 * published references (not from `scripts/send/`): each checks the auth
 * header, the path and the fields the reference marks required, keeps the
 * emails it was given, and answers in the documented shapes. A fault can be
 * injected for the next matching request: a status, a body that is not JSON,
 * or no answer at all.
 *
 * - Buttondown: docs.buttondown.com, github.com/buttondown/openapi (`/v1/emails`,
 *   `Authorization: Token …`, `status` defaults to `about_to_send`, errors `{ detail }`).
 * - Kit: developers.kit.com/api-reference/broadcasts (`/v4/broadcasts`,
 *   `X-Kit-Api-Key`, `{ broadcast }`, errors `{ errors: [...] }`).
 * - Mailchimp: mailchimp.com/developer/marketing/api/campaigns/ (`/3.0/campaigns`,
 *   Basic auth with the key as password, errors as problem+json `{ title, detail }`).
 * - listmonk: listmonk.app/docs/apis/campaigns/ (`/api/campaigns`,
 *   `Authorization: token user:token`, `{ data }`, errors `{ message }`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One email the service holds, in our words: enough for tests to assert on. */
export interface Held {
  id: string;
  subject: string;
  html: string;
  text?: string;
  sent: boolean;
  fields: Record<string, unknown>;
}

/** A fault for the next request matching `method` and `path`. */
export interface Fault {
  method: string;
  path: RegExp;
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Never answer. */
  hang?: boolean;
}

interface Answer {
  status: number;
  json?: unknown;
}

type Handler = (req: { method: string; url: URL; body: Record<string, unknown> }, held: Held[]) => Answer;

/** A running stand-in. */
export interface FakeService {
  url: string;
  held: Held[];
  requests: { method: string; path: string }[];
  fault(f: Fault): void;
  close(): Promise<void>;
}

async function start(authorised: (req: IncomingMessage) => boolean, denied: Answer, handle: Handler) {
  const held: Held[] = [];
  const requests: { method: string; path: string }[] = [];
  const faults: Fault[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    requests.push({ method, path: url.pathname });
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    };
    const i = faults.findIndex((f) => f.method === method && f.path.test(url.pathname));
    if (i !== -1) {
      const [f] = faults.splice(i, 1);
      if (f!.hang) return void hanging.add(res);
      return send(f!.status ?? 500, f!.body ?? '{}', f!.headers);
    }
    if (!authorised(req)) return send(denied.status, JSON.stringify(denied.json));
    let body: Record<string, unknown> = {};
    if (chunks.length) {
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return send(400, JSON.stringify({ message: 'the body is not JSON' }));
      }
    }
    const answer = handle({ method, url, body }, held);
    if (answer.json === undefined) {
      res.writeHead(answer.status);
      return void res.end();
    }
    send(answer.status, JSON.stringify(answer.json));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    held,
    requests,
    fault: (f: Fault) => void faults.push(f),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  } satisfies FakeService;
}

const missing = (body: Record<string, unknown>, fields: string[]) => fields.filter((f) => body[f] === undefined);
const notFound = (json: unknown): Answer => ({ status: 404, json });

/** Buttondown's `/v1/emails`. */
export function buttondown(key: string): Promise<FakeService> {
  let next = 1;
  const email = (h: Held) => ({
    id: h.id,
    subject: h.subject,
    body: h.html,
    status: h.fields['status'],
    metadata: h.fields['metadata'] ?? {},
    creation_date: '2026-01-04T14:00:00Z',
  });
  return start(
    (req) => req.headers.authorization === `Token ${key}`,
    { status: 401, json: { code: 'invalid_token', detail: 'Invalid token.' } },
    ({ method, url, body }, held) => {
      const id = /^\/v1\/emails\/([^/]+)$/.exec(url.pathname)?.[1];
      if (method === 'GET' && url.pathname === '/v1/emails')
        return { status: 200, json: { results: held.map(email), next: null, previous: null, count: held.length } };
      if (method === 'POST' && url.pathname === '/v1/emails') {
        if (typeof body['subject'] !== 'string') return { status: 422, json: { detail: 'subject: Field required' } };
        const status = (body['status'] as string | undefined) ?? 'about_to_send';
        const h: Held = {
          id: `0000000${next++}-bd`,
          subject: body['subject'],
          html: String(body['body'] ?? ''),
          sent: status !== 'draft',
          fields: { ...body, status },
        };
        held.push(h);
        return { status: 201, json: email(h) };
      }
      if (method === 'PATCH' && id) {
        const h = held.find((e) => e.id === id);
        if (!h) return notFound({ detail: 'Not found.' });
        Object.assign(h.fields, body);
        if (typeof body['subject'] === 'string') h.subject = body['subject'];
        if (typeof body['body'] === 'string') h.html = body['body'];
        if (body['status'] === 'about_to_send') h.sent = true;
        return { status: 200, json: email(h) };
      }
      return notFound({ detail: 'Not found.' });
    },
  );
}

/** Kit's `/v4/broadcasts`. */
export function kit(key: string): Promise<FakeService> {
  let next = 101;
  const broadcast = (h: Held) => ({
    id: Number(h.id),
    publication_id: Number(h.id),
    created_at: '2026-01-04T14:00:00Z',
    subject: h.subject,
    preview_text: h.fields['preview_text'] ?? null,
    description: h.fields['description'] ?? null,
    content: h.html,
    public: h.fields['public'] ?? false,
    published_at: h.fields['published_at'] ?? null,
    send_at: h.fields['send_at'] ?? null,
    thumbnail_alt: null,
    thumbnail_url: null,
    email_address: h.fields['email_address'] ?? 'greetings@kit.dev',
    email_template: { id: 6, name: 'Text Only' },
    subscriber_filter: [{ all: [{ type: 'all_subscribers' }] }],
  });
  const invalid = (body: Record<string, unknown>) => {
    const absent = missing(body, ['content', 'description', 'public', 'published_at']);
    return absent.length ? { status: 422, json: { errors: absent.map((f) => `${f} can't be blank`) } } : null;
  };
  return start(
    (req) => req.headers['x-kit-api-key'] === key,
    { status: 401, json: { errors: ['The access token is invalid'] } },
    ({ method, url, body }, held) => {
      const id = /^\/v4\/broadcasts\/(\d+)$/.exec(url.pathname)?.[1];
      if (method === 'GET' && url.pathname === '/v4/broadcasts')
        return {
          status: 200,
          json: {
            broadcasts: held.map(broadcast),
            pagination: {
              has_previous_page: false,
              has_next_page: false,
              start_cursor: null,
              end_cursor: null,
              per_page: 500,
            },
          },
        };
      if (method === 'POST' && url.pathname === '/v4/broadcasts') {
        const bad = invalid(body);
        if (bad) return bad;
        const h: Held = {
          id: String(next++),
          subject: String(body['subject'] ?? ''),
          html: String(body['content']),
          sent: Boolean(body['send_at']),
          fields: body,
        };
        held.push(h);
        return { status: 201, json: { broadcast: broadcast(h) } };
      }
      if (method === 'PUT' && id) {
        const h = held.find((e) => e.id === id);
        if (!h) return notFound({ errors: ['Not Found'] });
        const bad = invalid(body);
        if (bad) return bad;
        h.fields = body;
        h.subject = String(body['subject'] ?? '');
        h.html = String(body['content']);
        h.sent = Boolean(body['send_at']);
        return { status: 200, json: { broadcast: broadcast(h) } };
      }
      return notFound({ errors: ['Not Found'] });
    },
  );
}

/** Mailchimp's `/3.0/campaigns`. */
export function mailchimp(key: string, audience: string): Promise<FakeService> {
  let next = 1;
  const problem = (status: number, title: string, detail: string): Answer => ({
    status,
    json: { type: 'https://mailchimp.com/developer/marketing/docs/errors/', title, status, detail, instance: 'fake' },
  });
  const campaign = (h: Held) => ({
    id: h.id,
    web_id: Number(h.id.replace(/\D/g, '')),
    type: 'regular',
    status: h.sent ? 'sent' : 'save',
    recipients: h.fields['recipients'],
    settings: h.fields['settings'],
  });
  return start(
    (req) => {
      const [scheme, value] = (req.headers.authorization ?? '').split(' ');
      return (
        scheme === 'Basic' &&
        Buffer.from(value ?? '', 'base64')
          .toString()
          .split(':')[1] === key
      );
    },
    problem(401, 'API Key Invalid', 'Your API key may be invalid, or you’ve attempted to access the wrong datacenter.'),
    ({ method, url, body }, held) => {
      const m = /^\/3\.0\/campaigns\/([^/]+)(\/content|\/actions\/send)?$/.exec(url.pathname);
      if (method === 'GET' && url.pathname === '/3.0/campaigns') {
        const list = held.filter(
          (h) => (h.fields['recipients'] as { list_id: string }).list_id === url.searchParams.get('list_id'),
        );
        return { status: 200, json: { campaigns: list.map(campaign), total_items: list.length } };
      }
      if (method === 'POST' && url.pathname === '/3.0/campaigns') {
        const recipients = body['recipients'] as { list_id?: string } | undefined;
        if (body['type'] !== 'regular') return problem(400, 'Invalid Resource', 'type: Schema describes enum');
        if (recipients?.list_id !== audience)
          return problem(400, 'Invalid Resource', 'The resource submitted could not be validated.');
        const settings = (body['settings'] ?? {}) as Record<string, unknown>;
        const h: Held = {
          id: `c${next++}a`,
          subject: String(settings['subject_line'] ?? ''),
          html: '',
          sent: false,
          fields: body,
        };
        held.push(h);
        return { status: 200, json: campaign(h) };
      }
      const h = m && held.find((e) => e.id === m[1]);
      if (!h) return problem(404, 'Resource Not Found', 'The requested resource could not be found.');
      if (method === 'PUT' && m![2] === '/content') {
        if (typeof body['html'] !== 'string') return problem(400, 'Invalid Resource', 'html: required');
        h.html = body['html'];
        h.text = String(body['plain_text'] ?? '');
        return { status: 200, json: { html: h.html, plain_text: h.text } };
      }
      if (method === 'POST' && m![2] === '/actions/send') {
        const settings = h.fields['settings'] as Record<string, unknown>;
        const ready =
          h.html.includes('*|UNSUB|*') && settings['subject_line'] && settings['from_name'] && settings['reply_to'];
        if (!ready) return problem(400, 'Bad Request', 'Your Campaign is not ready to send.');
        h.sent = true;
        return { status: 204 };
      }
      return problem(404, 'Resource Not Found', 'The requested resource could not be found.');
    },
  );
}

/** listmonk's `/api/campaigns`. */
export function listmonk(user: string, token: string): Promise<FakeService> {
  let next = 1;
  const data = (h: Held) => ({
    id: Number(h.id),
    uuid: `90c889cc-3728-4064-bbcb-5c1c4466330${h.id}`,
    name: h.fields['name'],
    subject: h.subject,
    lists: (h.fields['lists'] as number[]).map((id) => ({ id, name: `List ${id}` })),
    type: h.fields['type'],
    content_type: h.fields['content_type'],
    body: h.html,
    altbody: h.text ?? null,
    status: h.sent ? 'running' : 'draft',
    tags: h.fields['tags'] ?? [],
    template_id: 1,
    messenger: 'email',
  });
  const invalid = (body: Record<string, unknown>): Answer | null => {
    const absent = missing(body, ['name', 'subject', 'lists', 'type', 'content_type', 'body']);
    return absent.length ? { status: 400, json: { message: `invalid fields: ${absent.join(', ')}` } } : null;
  };
  return start(
    (req) => req.headers.authorization === `token ${user}:${token}`,
    { status: 403, json: { message: 'invalid API credentials' } },
    ({ method, url, body }, held) => {
      const m = /^\/api\/campaigns\/(\d+)(\/status)?$/.exec(url.pathname);
      if (method === 'GET' && url.pathname === '/api/campaigns') {
        const tags = url.searchParams.getAll('tags');
        const list = held.filter((h) => tags.every((t) => (h.fields['tags'] as string[] | undefined)?.includes(t)));
        return {
          status: 200,
          json: { data: { results: list.map(data), query: '', total: list.length, per_page: list.length, page: 1 } },
        };
      }
      if (method === 'POST' && url.pathname === '/api/campaigns') {
        const bad = invalid(body);
        if (bad) return bad;
        const h: Held = {
          id: String(next++),
          subject: String(body['subject']),
          html: String(body['body']),
          sent: false,
          fields: body,
        };
        if (typeof body['altbody'] === 'string') h.text = body['altbody'];
        held.push(h);
        return { status: 200, json: { data: data(h) } };
      }
      const h = m && held.find((e) => e.id === m[1]);
      if (!h) return { status: 404, json: { message: 'campaign not found' } };
      if (method === 'PUT' && m![2] === '/status') {
        if (body['status'] !== 'running') return { status: 400, json: { message: 'invalid status' } };
        if (h.sent) return { status: 400, json: { message: 'campaign is not a draft' } };
        h.sent = true;
        return { status: 200, json: { data: data(h) } };
      }
      if (method === 'PUT') {
        const bad = invalid(body);
        if (bad) return bad;
        h.fields = body;
        h.subject = String(body['subject']);
        h.html = String(body['body']);
        if (typeof body['altbody'] === 'string') h.text = body['altbody'];
        return { status: 200, json: { data: data(h) } };
      }
      return { status: 404, json: { message: 'not found' } };
    },
  );
}
