/**
 * Every reader-facing English string of the subscribe box, the feed links
 * and the email footer's subscribe line, in one object so the per-language
 * strings table (`src/i18n/`) can take them over as they are.
 */

/** The subscribe feature's words; functions for the strings that name something. */
export const SUBSCRIBE_STRINGS = {
  /** Heading of the subscribe box. */
  heading: 'Subscribe',
  /** One line above the form. */
  byEmail: 'Get each new edition by email.',
  /** Label of the email field. */
  emailLabel: 'Email address',
  /** Label of the optional name field (listmonk with `askName`). */
  nameLabel: 'Name (optional)',
  /** The submit button. */
  submit: 'Subscribe',
  /** Where the address goes, under the form. */
  destination: (service: string) => `Your address goes to ${service}; unsubscribe any time.`,
  /** Start of the feed line; also the name of its region. */
  feedsLead: 'Follow with a feed reader',
  /** The feed formats, as link text. */
  feedNames: { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' },
  /** End of the feed line. */
  feedsExplain: 'a feed reader shows new editions as they come out.',
  /** The email footer's question before the subscribe link (HTML email). */
  emailForwarded: 'Forwarded this email?',
  /** The email footer's subscribe link text (HTML email). */
  emailSubscribe: 'Subscribe',
  /** The plain-text email's subscribe line, before the URL. */
  emailSubscribeText: 'Forwarded this email? Subscribe:',
} as const;
