/**
 * The importer's only door into `src/`: every import from it goes through
 * this one file, so the importer's needs are listed in one place and a module
 * that moves changes only these lines.
 */

/** Dates as the edition format has them: checking one, and writing an instant in the site's time zone. */
export { toZonedIso, dateProblem, isDateOnly } from '../../src/rules/dates.ts';
/** Problem lines (`file:line  field: message`), worded and ordered as everywhere else. */
export { problem, sortProblems, hasErrors, showValue, type Problem } from '../../src/diagnostics/problem.ts';
/** YAML syntax errors as problem lines, the common mistakes in plain words. */
export { yamlProblems } from '../../src/diagnostics/from-yaml.ts';
/** The checker's own summary line ("0 errors, 1 warning in 3 editions"). */
export { formatProblem, summaryLine } from '../../src/diagnostics/format.ts';
/** The site's validated settings (time zone, language), or a clean exit naming the bad setting. */
export { getSiteOrExit } from '../../src/site/settings.ts';
/** What `npm run check` runs: every edition of a folder and the topics file beside it. */
export { loadContent } from '../../src/loader/load-content.ts';
/** The default editions folder, and the edition files of a folder as the site lists them. */
export { EDITIONS_DIR, listEditionFiles } from '../../src/loader/load-editions.ts';
export { editionsDirFrom, publicDirFrom } from '../../src/site/environment.ts';
/** The topics file beside an editions folder, and its entries. */
export { loadTopicsWithin, topicsFileFor } from '../../src/loader/load-topics.ts';
/** Reads an edition file's front matter (to find numbers already in use). */
export { readEdition } from '../../src/loader/read-edition.ts';
/** The site's Markdown pipeline and its split into sections: section ids exactly as the site gives them. */
export { renderBody } from '../../src/markdown/pipeline.ts';
/** Splits a rendered body into its intro and `##` sections. */
export { splitSections } from '../../src/markdown/util/split-sections.ts';
/** The site's URL builder, for links the importer writes into bodies. */
export { createPaths } from '../../src/site/urls.ts';
/** The limits an edition is held to (nesting depth, YAML aliases), which imported records meet too. */
export { MAX_DEPTH, MAX_YAML_ALIASES } from '../../src/rules/limits.ts';
