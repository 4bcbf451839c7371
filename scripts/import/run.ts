/**
 * The importer from end to end: read the source in its format, date and
 * number every edition, write the files (or, with --dry-run, a temporary
 * copy of the out folder), run the same checks as `npm run check`, report.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { slug as githubSlug } from 'github-slugger';
import { dateFromStem, parseSourceDate } from './dates.ts';
import { detectFormat } from './detect.ts';
import { readFrontMatter } from './front-matter.ts';
import { readGhost } from './ghost.ts';
import { readMarkdown } from './markdown.ts';
import { shiftHeadings, tidyBody } from './normalise.ts';
import { numberEditions, type DatedEdition } from './numbering.ts';
import { readPelican } from './pelican.ts';
import * as project from './project.ts';
import { createPaths, toZonedIso } from './project.ts';
import { readSubstack } from './substack.ts';
import { summaryLines } from './summary.ts';
import { problem, type Format, type ReadResult } from './types.ts';
import { editionText, sectionIds, writeNew } from './write.ts';
import { copyAssets } from './assets.ts';
import { footnotesAsText } from './footnotes.ts';
import { scriptProblem } from './post-body.ts';
import { withoutScripts } from './script-embeds.ts';
import { pointOldLinks } from './edition-links.ts';
import { problemLines } from './quiet.ts';

/** What the command line asked for. */
export interface ImportOptions {
  source: string;
  from: Format | 'auto';
  out: string;
  dryRun: boolean;
  /** A line per file written, and every warning. */
  verbose?: boolean;
  /** Where files the editions use are copied (default `public`). */
  publicDir?: string;
}

const READERS: Record<Format, (source: string) => ReadResult> = {
  pelican: readPelican,
  'front-matter': readFrontMatter,
  markdown: readMarkdown,
  substack: readSubstack,
  ghost: readGhost,
};

/** Numbers already used in the out folder, by file, so imported editions never take them. */
function existingNumbers(out: string): Map<number, string> {
  const numbers = new Map<number, string>();
  if (!existsSync(out)) return numbers;
  for (const name of project.listEditionFiles(out)) {
    const data = project.readEdition(name, readFileSync(join(out, name))).source?.data as
      { edition?: unknown } | undefined;
    if (Number.isInteger(data?.edition)) numbers.set(data!.edition as number, `${out}/${name}`);
  }
  return numbers;
}

/** Runs an import and prints its report; returns the exit code. */
export async function runImport(options: ImportOptions): Promise<number> {
  const site = project.getSiteOrExit();
  const verbose = options.verbose ?? false;
  const out = (isAbsolute(options.out) ? relative(process.cwd(), options.out) : options.out).replace(/\/+$/, '') || '.';
  let format = options.from;
  if (format === 'auto') {
    const found = detectFormat(options.source);
    if (!found.format) throw new Error(found.reason);
    format = found.format;
    console.log(`Reading ${options.source} as ${format} (detected: ${found.reason}; --from to choose another)`);
  } else {
    if (!existsSync(options.source)) throw new Error(`${options.source}: no such file or folder`);
    console.log(`Reading ${options.source} as ${format}`);
  }
  const read = READERS[format](options.source);
  const problems = [...read.problems];
  const skipped = [...read.skipped];

  const dated: DatedEdition[] = [];
  for (const e of read.editions) {
    let raw = e.date ?? dateFromStem(e.stem);
    // A post in Jekyll's `_drafts/` has no date yet: dated, as Jekyll shows drafts, by its file's last change.
    if (raw === undefined && e.draft && /(^|[\\/])_drafts[\\/]/.test(e.file)) {
      raw = statSync(e.file).mtime.toISOString();
      problems.push(
        problem(
          e.file,
          e.lines.date ?? e.line,
          'date',
          `a draft without a date is dated ${toZonedIso(raw, site.timeZone).slice(0, 10)}, when its file last changed, as Jekyll dates drafts; set its date before it is published`,
          'warning',
        ),
      );
    }
    const parsed =
      raw === undefined
        ? {
            error: e.line
              ? 'missing; expected the date the post was published'
              : 'missing; expected a date header, or a file name starting with YYYY-MM-DD',
          }
        : parseSourceDate(raw, site.timeZone, read.timeZone);
    if ('error' in parsed) problems.push(problem(e.file, e.lines.date ?? e.line, 'date', parsed.error));
    else dated.push({ ...e, isoDate: parsed.date });
  }
  const inOut = (name: string) => (existsSync(join(out, name)) ? `${out}/${name}` : undefined);
  const numbered = numberEditions(dated, existingNumbers(out), inOut, [site.name, ...(read.names ?? [])]);
  problems.push(...numbered.problems);
  skipped.push(...numbered.again);
  for (const e of numbered.numbered) {
    const cleaned = withoutScripts(e.body);
    const warning = scriptProblem(e, cleaned);
    if (warning) problems.push(warning);
    e.body = cleaned.body;
  }
  // Links to the site's own pages and files are written from the site root, never with today's base path:
  // the build puts whatever base path it is built for in front (docs/edition-format.md).
  const urls = createPaths('/');
  const links = pointOldLinks(numbered.numbered, urls, read.oldSite);
  const publicDir = options.publicDir ?? 'public';

  const topicsFile = project.topicsFileFor(out);
  const topicSlugs = new Set(Object.keys((await project.loadTopicsWithin(process.cwd(), topicsFile)).topics));
  const unmatchedTags = new Map<string, number>();
  const temp = options.dryRun ? mkdtempSync(join(tmpdir(), 'newsletter-import-')) : undefined;
  try {
    const target = temp ? join(temp, 'editions') : out;
    if (temp && existsSync(out)) cpSync(out, target, { recursive: true });
    if (temp && existsSync(topicsFile)) cpSync(topicsFile, join(temp, 'topics.yaml'));
    mkdirSync(target, { recursive: true });

    const written: string[] = [];
    const copied: string[] = [];
    let drafts = 0;
    try {
      for (const e of numbered.numbered) {
        let body = tidyBody(footnotesAsText(shiftHeadings(links.bodies.get(e) ?? e.body)).body);
        if (read.assets) {
          const assets = copyAssets(body, e, read.assets, publicDir, {
            dryRun: options.dryRun,
            urlOf: urls.asset,
            hosts: read.oldSite?.hosts,
            prefix: read.oldSite?.prefix,
            also: read.bundles,
          });
          body = assets.body;
          problems.push(...assets.problems);
          for (const file of assets.copied) if (!copied.includes(file)) copied.push(file);
        }
        const topics = [...new Set(e.tags.map((t) => githubSlug(t)).filter((t) => topicSlugs.has(t)))];
        for (const tag of e.tags)
          if (!topicSlugs.has(githubSlug(tag))) unmatchedTags.set(tag, (unmatchedTags.get(tag) ?? 0) + 1);
        const ids = topics.length ? sectionIds(body, site.lang) : [];
        if (topics.length && !ids.length) {
          problems.push(
            problem(
              e.file,
              e.line,
              'tags',
              `no "##" section to put topics ${topics.join(', ')} on; add them under sections.<id>.topics by hand`,
              'warning',
            ),
          );
        }
        const name = numbered.fileNames.get(e)!;
        const from = e.line ? `${e.file}:${e.line}` : e.file;
        if (!writeNew(join(target, name), editionText(e, body, topics, ids))) {
          skipped.push({ file: from, reason: `${out}/${name} already exists; not overwritten` });
          continue;
        }
        written.push(`${out}/${name}`);
        if (e.draft) drafts++;
        if (options.verbose)
          console.log(
            `${temp ? 'would write' : 'wrote'} ${out}/${name}  edition ${e.edition} (number from ${e.numberFrom}), from ${from}`,
          );
      }
    } catch (error) {
      if (!temp)
        console.error(
          `import: stopped after writing ${written.length} of ${numbered.numbered.length} editions (each listed above is complete)`,
        );
      throw error;
    }

    const importProblems = project.sortProblems(problems);
    if (importProblems.length) console.log('\nProblems in the source (a file with an error was not imported):');
    for (const line of problemLines(importProblems, verbose, project.formatProblem)) console.log(line);

    console.log(`\nChecking ${out} (the same checks as npm run check)${temp ? ', as it would be' : ''}:`);
    const checked = await project.loadContent({
      root: temp ?? process.cwd(),
      dir: temp ? 'editions' : out,
      settings: { timeZone: site.timeZone, lang: site.lang },
      cache: !temp,
    });
    // A dry run checks a copy in a temporary folder; its lines name the out folder, as a real run's would.
    const rename = (file: string) =>
      !temp ? file : file === 'topics.yaml' ? topicsFile : file.replace(/^editions(?=\/|$)/, out);
    const renameIn = (message: string) =>
      !temp
        ? message
        : message
            .replace(/(^|[\s(])editions\//g, `$1${out}/`)
            .split(temp)
            .join('.');
    const checkProblems = checked.problems.map((p) => ({ ...p, file: rename(p.file), message: renameIn(p.message) }));
    for (const line of problemLines(checkProblems, verbose, project.formatProblem)) console.log(line);
    console.log(project.summaryLine(checkProblems, checked.files));

    const summary = { out, dryRun: options.dryRun, verbose, written, drafts, skipped, importProblems, checkProblems };
    const more = { checkedFiles: checked.files, unmatchedTags, topicsFile, unusedKeys: read.unusedKeys ?? new Map() };
    for (const line of summaryLines({ ...summary, ...more, linksRewritten: links.rewritten, copied, publicDir }))
      console.log(line);
    return project.hasErrors(importProblems) || project.hasErrors(checkProblems) ? 1 : 0;
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}
