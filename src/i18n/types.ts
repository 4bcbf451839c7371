/**
 * The shape of a language's strings table. Every language file (`en.ts`,
 * `de.ts`, …) satisfies it, so a missing or misspelt key is a type error.
 * Values are templates: `{name}`-style placeholders are filled by
 * `fill` (`format.ts`); counted phrases are `Plural`s, chosen with
 * `Intl.PluralRules`.
 */

/** A phrase per CLDR plural category ("1 point" / "2 points"); `other` is required, the rest as the language needs. */
export type Plural = { readonly other: string } & Partial<
  Readonly<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>
>;

/** Every string the site shows a reader or writes into a file, in one language. */
export interface Strings {
  /** Text direction of the language: `rtl` for Arabic, else `ltr`. */
  readonly dir: 'ltr' | 'rtl';
  /** The skip link, first thing on every page. */
  readonly skipLink: string;
  /** Accessible name of the header navigation. */
  readonly siteNav: string;
  /** Header navigation and page title of the archive. */
  readonly archive: string;
  /** Header navigation and page title of the topics index. */
  readonly topics: string;
  /** Header navigation, page title and button of search. */
  readonly search: string;
  /** Footer line; `{name}`, `{publisher}`. */
  readonly footer: string;
  /** Footer line when the publisher is the newsletter itself; `{name}`. */
  readonly footerIndependent: string;
  /** Footer link to the archive. */
  readonly everyEdition: string;
  /** `<title>` of a page that is not an edition; `{page}`, `{name}`. */
  readonly pageTitle: string;
  /** Title of an edition without a headline; `{name}`, `{n}`. */
  readonly editionTitle: string;
  /** A date with its time: "March 22, 2026, 12:14 PM"; `{date}`, `{time}`. */
  readonly dateTime: string;
  /** "Edition 12" alone; `{n}`. */
  readonly editionNumber: string;
  /** "Edition 12, March 22, 2026"; `{n}`, `{date}`. */
  readonly dateline: string;
  /** Heading of the intro. */
  readonly inThisEdition: string;
  /** Accessible name of the table of contents; `{n}`. */
  readonly storiesIn: string;
  /** Home page link to the latest edition; `{n}`. */
  readonly readEdition: string;
  /** Home page heading above earlier editions. */
  readonly recentEditions: string;
  /** Home page link to the archive. */
  readonly allEditions: string;
  /** Shown when nothing is published. */
  readonly noEditions: string;
  /** Accessible name of the previous/next navigation. */
  readonly moreEditions: string;
  /** Label of the link to the older edition. */
  readonly previousEdition: string;
  /** Label of the link to the newer edition. */
  readonly nextEdition: string;
  /** Banner on a draft in `npm run dev`. */
  readonly draft: string;
  /** Banner on a scheduled edition in `npm run dev`. */
  readonly scheduled: string;
  /** Banner's second sentence; `{command}` becomes `npm run dev` in code. */
  readonly devOnly: string;
  /** Heading of a story's thread list, in pages, feeds and emails. */
  readonly discussion: string;
  /** Accessible name of a story's thread list; `{title}`. */
  readonly discussionsOf: string;
  /** When figures were taken; `{date}`. */
  readonly asOf: string;
  /** A thread's points. */
  readonly points: Plural;
  /** A thread's comments. */
  readonly comments: Plural;
  /** Label of a discussion link without figures; `{forum}`. */
  readonly forumDiscussion: string;
  /** Screen-reader name of a heading's permalink; `{title}`. */
  readonly sectionLink: string;
  /** Accessible name of a story's topic list; `{title}`. */
  readonly topicsOf: string;
  /** Before the link to the previous section on a topic. */
  readonly previously: string;
  /** That link; `{n}`, `{title}`. */
  readonly previousOnTopic: string;
  /** Screen-reader note on a topic; `{title}` of its first edition. */
  readonly followedSince: string;
  /** Subtitle of the topics index. */
  readonly topicsTagline: string;
  /** Meta description of the topics index; `{name}`. */
  readonly topicsDescription: string;
  /** Shown when no topic exists. */
  readonly noTopics: string;
  /** How many sections a topic has. */
  readonly topicSections: Plural;
  /** A topic's line on the index; `{sections}`, `{n}`, `{date}`. */
  readonly topicLast: string;
  /** Default description of a topic page; `{topic}`, `{n}` editions, `{name}`. */
  readonly topicFollowed: Plural;
  /** Meta description of the archive; `{name}`. */
  readonly archiveDescription: string;
  /** Meta description of search; `{name}`. */
  readonly searchDescription: string;
  /** Label of the search field. */
  readonly searchLabel: string;
  /** Heading of the list shown without results. */
  readonly browseAll: string;
  /** Shown without JavaScript. */
  readonly searchNeedsScript: string;
  /** Status while searching. */
  readonly searching: string;
  /** Status with results; `{n}`, `{query}`. */
  readonly searchMatches: Plural;
  /** Status without results; `{query}`. */
  readonly searchNone: string;
  /** Title and heading of a redirect page, at an edition's old address. */
  readonly moved: string;
  /** Before the link on a redirect page to where the edition is now. */
  readonly movedTo: string;
  /** Accessible name of the archive's jump list of years. */
  readonly years: string;
  /** Title of the 404 page. */
  readonly notFound: string;
  /** Meta description of the 404 page. */
  readonly notFoundDescription: string;
  /** Text of the 404 page. */
  readonly notFoundText: string;
  /** 404 link to the home page. */
  readonly latestEdition: string;
  /** 404 link to the archive. */
  readonly everyEditionByYear: string;
  /** Email link to the web page, under the title. */
  readonly readOnWeb: string;
  /** Email footer link to the web page. */
  readonly readThisOnWeb: string;
  /** Email footer link to the archive. */
  readonly everyEditionLink: string;
  /** Heading of the plain-text email's numbered links. */
  readonly links: string;
  /** Plain-text email footer; `{url}`. */
  readonly everyEditionAt: string;
  /** Unsubscribe link of an email sent through a service that needs one (`npm run send`). */
  readonly unsubscribe: string;
  /** The same in the plain-text email; `{url}` is the service's unsubscribe placeholder. */
  readonly unsubscribeAt: string;
  /** Plain-text stand-in for a video; `{n}` its link number. */
  readonly video: string;
  /** Plain-text stand-in for an audio; `{n}` its link number. */
  readonly audio: string;
  /** Heading of the subscribe box. */
  readonly subscribeHeading: string;
  /** The subscribe box: one line above the sign-up form. */
  readonly subscribeByEmail: string;
  /** Label of the sign-up form's email field. */
  readonly subscribeEmailLabel: string;
  /** Label of the sign-up form's optional name field (listmonk with `askName`). */
  readonly subscribeNameLabel: string;
  /** The sign-up form's submit button. */
  readonly subscribeButton: string;
  /** Under the sign-up form, where the address goes; `{service}`. */
  readonly subscribeDestination: string;
  /** Start of the feed line; also the name of its region. */
  readonly feedsLead: string;
  /** The RSS feed, as link text. */
  readonly feedRss: string;
  /** The Atom feed, as link text. */
  readonly feedAtom: string;
  /** The JSON feed, as link text. */
  readonly feedJson: string;
  /** End of the feed line, after the feed links. */
  readonly feedsExplain: string;
  /** The HTML email footer's question before the subscribe link. */
  readonly emailForwarded: string;
  /** The HTML email footer's subscribe link text. */
  readonly emailSubscribe: string;
  /** The plain-text email's subscribe line, before the URL. */
  readonly emailSubscribeText: string;
  /** Social image: "Edition 12 · March 22, 2026"; `{n}`, `{date}`. */
  readonly socialDateline: string;
  /** Social image: stories beyond the fourth. */
  readonly andMore: Plural;
  /** Social image of the site (not an edition), under the name. */
  readonly socialTagline: string;
  /** `npm run new`: comment on `title`. */
  readonly newTitle: string;
  /** `npm run new`: comment on `description`. */
  readonly newDescription: string;
  /** `npm run new`: the intro placeholder. */
  readonly newIntro: string;
  /** `npm run new`: the first story's heading. */
  readonly newHeadline: string;
  /** `npm run new`: the HTML comment in the first story (several lines). */
  readonly newStoryNote: string;
  /** `npm run new`: the first story's placeholder text. */
  readonly newStoryText: string;
  /** Joins two figures in prose ("5 and 18 points"), for `npm run figures`' check of figures in the text. */
  readonly figuresAnd: string;
  /** `npm run new -- --thread`: the text of a story's link to its thread. */
  readonly newDiscussionLink: string;
  /** `npm run new -- --thread`: before the thread's most active commenters, in a story's HTML comment. */
  readonly newCommenters: string;
}
