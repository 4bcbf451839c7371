/**
 * A polite JSON client for the forums' public APIs: a few requests at a time,
 * a timeout on each, a bounded retry with backoff on 429 and 5xx that follows
 * `Retry-After`, and a `User-Agent` that names the project. Never throws: every
 * failure is a short reason a person can read ("unreachable (ECONNREFUSED)").
 */
import { readFileSync } from 'node:fs';
import { retryAfterMs } from '../lib/retry-after.ts';

/** How politely to ask. */
export interface PoliteOptions {
  /** Requests in flight at once, across every thread. */
  concurrency: number;
  /** Milliseconds before one request is given up. */
  timeoutMs: number;
  /** Further tries after a 429 or 5xx answer. */
  retries: number;
  /** The first backoff in milliseconds, doubled on each retry, when the answer names no `Retry-After`. */
  backoffMs: number;
  /** The longest `Retry-After` waited for, in milliseconds; a longer one ends the tries. */
  maxWaitMs: number;
}

export const POLITE: PoliteOptions = {
  concurrency: 4,
  timeoutMs: 10_000,
  retries: 3,
  backoffMs: 1_000,
  maxWaitMs: 30_000,
};

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

/** Who is asking: the project, its version and what for. */
export const USER_AGENT = `${pkg.name}/${pkg.version} (newsletter discussion figures; node)`;

/** A JSON answer, or why there is none. */
export type Fetched = { ok: true; json: unknown } | { ok: false; reason: string; status?: number };

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Why a request failed before any answer, from fetch's error. */
function networkReason(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; name?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.cause?.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  return `unreachable (${e.cause?.code ?? e.cause?.message ?? e.message ?? 'network error'})`;
}

/** A JSON client shared by every request of one command, so the concurrency bound holds across threads. */
export class PoliteClient {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** Requests sent so far, retries included. */
  sent = 0;

  private readonly options: PoliteOptions;

  constructor(options: PoliteOptions = POLITE) {
    this.options = options;
  }

  /** GETs a URL and parses its JSON answer. */
  async getJson(url: string): Promise<Fetched> {
    for (let attempt = 0; ; attempt++) {
      const answer = await this.once(url);
      if (!('retryable' in answer)) return answer;
      const wait = answer.retryAfter ?? this.options.backoffMs * 2 ** attempt;
      if (attempt >= this.options.retries)
        return { ok: false, status: answer.status, reason: `HTTP ${answer.status} after ${attempt + 1} tries` };
      if (wait > this.options.maxWaitMs)
        return {
          ok: false,
          status: answer.status,
          reason: `HTTP ${answer.status}, asked to wait ${Math.ceil(wait / 1000)} s (more than ${this.options.maxWaitMs / 1000} s)`,
        };
      await sleep(wait);
    }
  }

  private async once(url: string): Promise<Fetched | { retryable: true; status: number; retryAfter: number | null }> {
    await this.slot();
    try {
      this.sent++;
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' },
          signal: AbortSignal.timeout(this.options.timeoutMs),
          redirect: 'follow',
        });
      } catch (error) {
        return { ok: false, reason: networkReason(error, this.options.timeoutMs) };
      }
      if (response.status === 429 || response.status >= 500) {
        await response.body?.cancel();
        return {
          retryable: true,
          status: response.status,
          retryAfter: retryAfterMs(response.headers.get('retry-after')),
        };
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        return { ok: false, reason: networkReason(error, this.options.timeoutMs) };
      }
      if (response.status === 404) return { ok: false, status: 404, reason: 'not found (HTTP 404)' };
      if (!response.ok) return { ok: false, status: response.status, reason: `HTTP ${response.status}` };
      try {
        return { ok: true, json: JSON.parse(text) };
      } catch {
        return { ok: false, status: response.status, reason: 'the answer is not JSON' };
      }
    } finally {
      this.release();
    }
  }

  private async slot(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((resume) => this.waiting.push(resume));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
