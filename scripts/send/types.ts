/** What `npm run send` hands a provider, and what a provider answers. */

/** The email as it goes to the service: the built files plus only the service's unsubscribe placeholder. */
export interface Outgoing {
  /** The edition number. */
  edition: number;
  /** What the service keeps to recognise this edition later (`newsletter-edition-12`). */
  marker: string;
  /** A name for the service's own lists of emails ("AI Platforms — Edition 12"). */
  name: string;
  subject: string;
  /** The preheader: the edition's description. */
  preview: string;
  html: string;
  text: string;
  /** The edition's date (ISO 8601), for services that show one. */
  date: string;
  /** The sender, when the settings give one. */
  from?: { name: string; address: string } | undefined;
}

/** An email the service already holds for an edition. */
export interface Found {
  /** The service's id for it. */
  id: string;
  /** `draft`: created and never sent (a run stopped half-way); `sent`: sent, sending or scheduled. */
  state: 'draft' | 'sent';
  /** The service's own word for its status ("about_to_send", "schedule"). */
  status: string;
}

/** One email service, in the steps every one of them offers. */
export interface Provider {
  /** Its name, for messages ("Buttondown"). */
  readonly service: string;
  /** The variable its key comes from, for messages. */
  readonly keyVariable: string;
  /** The email the service holds for this edition (by its marker), or null. */
  find(email: Outgoing): Promise<Found | null>;
  /** Creates a draft and returns its id; with `contentApart`, the draft has no content yet. */
  create(email: Outgoing): Promise<string>;
  /** True when the content is set by its own request after `create` (Mailchimp). */
  readonly contentApart: boolean;
  /** Puts the email's subject and content into an existing draft. */
  update(id: string, email: Outgoing): Promise<void>;
  /** Sends the draft to the list. */
  send(id: string, email: Outgoing): Promise<void>;
}
