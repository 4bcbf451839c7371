/**
 * The importer's only door into `src/`. The src folder is being reorganised,
 * so every import from it goes through this one file: when a module moves,
 * only these lines change.
 */
export { toZonedIso, dateProblem, isDateOnly } from '../../src/lib/dates.ts';
export { formatProblem, sortProblems, hasErrors, type Problem } from '../../src/lib/errors.ts';
export { summaryLine } from '../../src/lib/report.ts';
export { getSiteOrExit } from '../../src/lib/site.ts';
export { loadContent } from '../../src/loader/load-content.ts';
export { EDITIONS_DIR, listEditionFiles } from '../../src/loader/load-editions.ts';
export { loadTopics, topicsFileFor } from '../../src/loader/load-topics.ts';
export { readEdition } from '../../src/loader/read-edition.ts';
export { renderBody } from '../../src/markdown/pipeline.ts';
export { splitSections } from '../../src/markdown/split-sections.ts';
