/**
 * Every English string `npm run dev` shows about content problems (the
 * problems page of an edition and the banner on every page), in one object
 * so they can be translated with the rest of the UI.
 */

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The words of the dev-only problems page and banner. */
export const DEV_STRINGS = {
  /** The problems page's title and heading. */
  editionTitle: (number: number) => `Edition ${number} has problems`,
  /** The line under the heading: how many problems, and what to do. */
  editionSummary: (count: number) =>
    `This edition has ${plural(count, 'problem', 'problems')}; fix ${count === 1 ? 'it' : 'them'} and save: this page reloads.`,
  /** The problems page's meta description. */
  editionDescription: 'Problems found in this edition by npm run dev.',
  /** Says where the page comes from: it never exists in a build. */
  editionNote: 'This page exists only in npm run dev: npm run build stops on these problems.',
  /** The banner's label for screen readers. */
  bannerLabel: 'Content problems',
  /** The banner's first line. */
  bannerSummary: (count: number, files: number) =>
    `${plural(count, 'problem', 'problems')} in ${plural(files, 'file', 'files')} that no edition page shows; npm run build stops on ${count === 1 ? 'it' : 'them'}. Fix ${count === 1 ? 'it' : 'them'} and save: this page reloads.`,
  /** The label before each problem line. */
  severity: { error: 'Error', warning: 'Warning' },
} as const;
