/** What each provider file exports: how to reach the service, and what its emails need. */
import type { SendSettings } from '../../../src/schemas/send.ts';
import type { Client } from '../http.ts';
import type { Provider } from '../types.ts';

/** Environment variables, as the commands read them. */
export type Env = Record<string, string | undefined>;

/** A provider's settings, narrowed to the one provider. */
export type SettingsOf<P extends SendSettings['provider']> = Extract<SendSettings, { provider: P }>;

/** The unsubscribe link a service fills in per reader: its placeholder where a URL would go. */
export interface Unsubscribe {
  /** What stands for the reader's own unsubscribe URL (`*|UNSUB|*`). */
  placeholder: string;
}

/** One provider's file, as `scripts/send/providers/index.ts` lists it. */
export interface ProviderModule<P extends SendSettings['provider'] = SendSettings['provider']> {
  /** The service's name for messages. */
  service: string;
  /** The variables its credentials come from, all required. */
  keyVariables: readonly string[];
  /** The `<PROVIDER>_API_URL` variable that replaces its API origin. */
  urlVariable: string;
  /** The unsubscribe placeholder the service requires in every email, or null when it adds its own footer. */
  unsubscribe: Unsubscribe | null;
  /** Makes the service's template language leave the email's own text alone (a `{{` in a code sample). */
  escape: (text: string) => string;
  /** The API root (origin and version path) for these settings, or a problem line. */
  base(settings: SettingsOf<P>, env: Env): string;
  /** The request headers that carry the credentials. */
  auth(env: Env): Record<string, string>;
  /** The provider, talking through `client`. */
  connect(settings: SettingsOf<P>, client: Client): Provider;
}
