/** The providers `npm run send` knows, by the name the settings use. */
import type { SendProvider } from '../../../src/schemas/send.ts';
import { buttondown } from './buttondown.ts';
import { kit } from './kit.ts';
import { listmonk } from './listmonk.ts';
import { mailchimp } from './mailchimp.ts';
import type { ProviderModule } from './module.ts';

export const PROVIDERS: { [P in SendProvider]: ProviderModule<P> } = { buttondown, kit, mailchimp, listmonk };
