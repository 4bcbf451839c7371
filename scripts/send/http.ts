/**
 * The one way `npm run send` talks to an email service: JSON over HTTP with
 * a timeout, a bounded wait on 429, and every failure turned into one line
 * (`SendFailure`) that names the service and the step, never the key.
 */
import { oneLine } from '../../src/diagnostics/format.ts';
import { retryAfterMs } from '../lib/retry-after.ts';

/** A failure worth one line and exit 1; `message` is that line without the `send: ` prefix. */
export class SendFailure extends Error {
  override name = 'SendFailure';
  constructor(message: string) {
    super(message);
    this.stack = '';
  }
}

/** The longest wait a 429's `Retry-After` may ask for before the command gives up. */
export const MAX_RETRY_WAIT_S = 60;
/** How many times one request is tried when the service keeps answering 429. */
const ATTEMPTS = 3;

/** What a client needs: the service's name for messages, the API root, the auth headers, the variable holding the key. */
export interface ClientOptions {
  service: string;
  base: string;
  headers: Record<string, string>;
  keyVariable: string;
  timeoutMs: number;
}

/** One request: what it is for ("creating the email"), the method and the path under the API root. */
export interface Request {
  step: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  body?: unknown;
}

/** The service's own words from an error body, whatever shape it uses (`detail`, `message`, `errors`, `title`). */
function serviceMessage(text: string): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return oneLine(text.trim()).slice(0, 200);
  }
  const pick = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(pick).filter(Boolean).join('; ') || undefined;
    if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      return pick(o['detail']) ?? pick(o['message']) ?? pick(o['errors']) ?? pick(o['error']) ?? pick(o['title']);
    }
    return undefined;
  };
  return oneLine(pick(json) ?? text.trim()).slice(0, 200);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Why a request never got an answer: the cause's code (ECONNREFUSED, ENOTFOUND…) or its message. */
function unreachableReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return oneLine(cause?.code ?? cause?.message ?? (error as Error).message);
}

/** A JSON client for one service. */
export function createClient(options: ClientOptions) {
  const { service } = options;
  const fail = (step: string, what: string, advice = '') =>
    new SendFailure(`${service} ${what} while ${step}${advice ? `; ${advice}` : ''}`);

  async function once(req: Request): Promise<Response> {
    const url = `${options.base}${req.path}`;
    try {
      return await fetch(url, {
        method: req.method,
        headers: {
          accept: 'application/json',
          ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        throw fail(req.step, `did not answer within ${options.timeoutMs / 1000} s`);
      throw new SendFailure(
        `cannot reach ${service} at ${new URL(options.base).origin} (${unreachableReason(error)}) while ${req.step}`,
      );
    }
  }

  /** Sends the request and returns the parsed JSON body (undefined for an empty one), or throws a `SendFailure`. */
  async function request<T>(req: Request): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const response = await once(req);
      let text: string;
      try {
        text = await response.text();
      } catch {
        throw fail(req.step, `did not finish its answer within ${options.timeoutMs / 1000} s`);
      }
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (response.status === 429) {
        // Seconds to wait; 1 when the header is absent or unreadable.
        const wait = Math.ceil((retryAfterMs(response.headers.get('retry-after')) ?? 1000) / 1000);
        if (wait > MAX_RETRY_WAIT_S)
          throw fail(
            req.step,
            `is limiting requests (429) and asks to wait ${wait} s, more than ${MAX_RETRY_WAIT_S} s`,
            'try again later',
          );
        if (attempt >= ATTEMPTS)
          throw fail(req.step, `is still limiting requests (429) after ${ATTEMPTS} tries`, 'try again later');
        await sleep(wait * 1000);
        continue;
      }
      if (response.status === 401 || response.status === 403)
        throw fail(req.step, `rejected the key in ${options.keyVariable} (${status}: ${serviceMessage(text)})`);
      if (response.status >= 500) throw fail(req.step, `failed (${status})`, 'try again later');
      if (response.status >= 400) throw fail(req.step, `refused the request (${status}: ${serviceMessage(text)})`);
      if (text.trim() === '') return undefined as T;
      try {
        return JSON.parse(text) as T;
      } catch {
        throw fail(
          req.step,
          `answered ${status} with something that is not JSON (${serviceMessage(text).slice(0, 60)})`,
        );
      }
    }
  }

  return { service, request };
}

/** A client, as the providers take it. */
export type Client = ReturnType<typeof createClient>;

/** `SEND_TIMEOUT` (seconds, default 30) in milliseconds; a bad value is a `SendFailure`. */
export function timeoutFrom(env: Record<string, string | undefined>): number {
  const value = env['SEND_TIMEOUT'];
  if (value === undefined || value === '') return 30_000;
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0)
    throw new SendFailure(
      `SEND_TIMEOUT: expected a number of seconds such as 30, got ${JSON.stringify(oneLine(value))}`,
    );
  return Math.round(Number(value) * 1000);
}

/** The `id` of a created object, as a string; a `SendFailure` when the answer has none. */
export function idOf(value: unknown, service: string, step: string): string {
  const id = (value as { id?: unknown } | undefined)?.id;
  if (typeof id === 'string' || typeof id === 'number') return String(id);
  throw new SendFailure(`${service} answered without an id while ${step}`);
}
