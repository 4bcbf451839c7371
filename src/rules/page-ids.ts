/**
 * The ids the site's own layouts put on a page. Edition content is shown on
 * the edition page, the home page and in feeds, so a heading in an edition
 * may never take one of these: the heading rule reads this list, and the
 * layouts and components take their ids from it, so the two cannot drift.
 */
export const PAGE_IDS = {
  /** The skip link's target (`BaseLayout`). */
  main: 'main-content',
  /** "In This Edition" above the intro (`EditionIntro`). */
  intro: 'in-this-edition',
  /** The table of contents (`TableOfContents`). */
  contents: 'edition-contents',
  /** "Recent editions" on the home page, under the latest intro. */
  recent: 'recent-editions',
  /** The "Subscribe" heading (`SubscribeBox`), which every subscribe link points at. */
  subscribe: 'subscribe',
} as const;

/** Every id a heading may not take. */
export const RESERVED_IDS: readonly string[] = Object.values(PAGE_IDS);
