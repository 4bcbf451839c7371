import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { stringsFor } from '../i18n/index.ts';
import { fieldPath, problem, sortProblems, type Problem } from '../diagnostics/problem.ts';
import { toZonedIso, isDateOnly } from '../rules/dates.ts';
import { zodProblems } from '../diagnostics/from-zod.ts';
import { isDiscussionText, threadKey } from '../rules/forums.ts';
import { vfileProblems } from '../diagnostics/from-vfile.ts';
import { renderBody } from '../markdown/pipeline.ts';
import type { ThreadFigures } from '../markdown/util/file-data.ts';
import { splitSections, threadKeysIn } from '../markdown/util/split-sections.ts';
import { discussionSchema } from '../schemas/discussion.ts';
import { FRONT_MATTER_KEYS, frontMatterSchema, type FrontMatter } from '../schemas/edition.ts';
import type { Edition, Thread } from '../schemas/edition-model.ts';
import { sectionSchema } from '../schemas/section.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { readEdition, type EditionSource } from './read-edition.ts';
import { topicUsesOf, type TopicUse } from './topic-uses.ts';

/** What compiling one file gives: the edition when it has no errors, and every problem found. */
export interface CompileResult {
  edition: Edition | null;
  problems: Problem[];
  /** Line of `edition:` in the file, for problems found across files. */
  numberLine?: number | undefined;
  /** Line of `date:` in the file, for problems found across files. */
  dateLine?: number | undefined;
  /**
   * The `edition:` number as written, when it is a whole number (0 or more),
   * even if the edition failed: the rules across files count it as present.
   */
  claimedNumber?: number | undefined;
  /** The topic slugs the front matter names, valid or not; absent when the front matter could not be read. */
  topicUses?: TopicUse[] | undefined;
}

/**
 * The settings compiling depends on; part of the render cache key. `base`
 * (default `/`) is the base path root-relative links in a body are published under.
 */
export type CompileSettings = Pick<SiteSettings, 'timeZone' | 'lang'> & Partial<Pick<SiteSettings, 'base'>>;

const DESCRIPTION_LENGTH = 200;
const EXCERPT_LENGTH = 240;

function knownKeys(path: readonly PropertyKey[]): readonly string[] {
  if (path[0] === 'discussions') return Object.keys(discussionSchema.shape);
  if (path[0] === 'sections') return Object.keys(sectionSchema.shape);
  return FRONT_MATTER_KEYS;
}

/** A heading's permalink (`rehype-heading-anchors.ts`): its "#" and screen-reader label are no part of the text. */
const isPermalink = (node: ElementContent) =>
  node.type === 'element' &&
  node.tagName === 'a' &&
  Array.isArray(node.properties['className']) &&
  node.properties['className'].includes('anchor');

/** The text of a node as a reader sees it, permalinks left out. */
function readText(node: ElementContent): string {
  if (isPermalink(node)) return '';
  if (node.type === 'element') return node.children.map(readText).join(node.tagName === 'div' ? ' ' : '');
  return toString(node);
}

/** The start of some content as plain text, cut at a word: default description, section excerpt. */
function summarize(nodes: ElementContent[], length = DESCRIPTION_LENGTH): string {
  const text = nodes.map(readText).join(' ').replace(/\s+/g, ' ').trim();
  if (text.length <= length) return text;
  const cut = text.slice(0, length - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** True when a node shows the reader something: text, or an image or media anywhere inside it. */
function hasContent(node: ElementContent): boolean {
  if (toString(node).trim()) return true;
  return (
    node.type === 'element' && (['img', 'video', 'audio'].includes(node.tagName) || node.children.some(hasContent))
  );
}

/** The first line any part of a node was written on. */
function firstLine(node: ElementContent | undefined): number | undefined {
  if (!node) return undefined;
  if (node.position) return node.position.start.line;
  return node.type === 'element' ? firstLine(node.children[0]) : undefined;
}

/** Rules that need both the front matter and the rendered body. */
function crossCheck(
  file: string,
  fm: FrontMatter,
  source: EditionSource,
  ids: string[],
  linked: Set<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const id of Object.keys(fm.sections)) {
    if (ids.includes(id)) continue;
    problems.push(
      problem(
        file,
        source.locate(['sections', id], { key: true }),
        fieldPath(['sections', id]),
        `no section has this id (ids: ${ids.join(', ') || 'none; start a section with a "##" heading'})`,
      ),
    );
  }
  fm.discussions.forEach((d, i) => {
    if (linked.has(threadKey(d.url))) return;
    problems.push(
      problem(
        file,
        source.locate(['discussions', i, 'url']),
        fieldPath(['discussions', i, 'url']),
        `${JSON.stringify(d.url)} is not linked in the body; expected a link to this thread where the text mentions it`,
      ),
    );
  });
  return problems;
}

/** What the Markdown pipeline is handed for an edition's body (`src/markdown/util/file-data.ts`). */
const bodyData = (settings: CompileSettings, figures: ReadonlyMap<string, ThreadFigures>) => ({
  figures,
  base: settings.base ?? '/',
  lang: settings.lang,
  sectionLinkLabel: stringsFor(settings.lang).sectionLink,
});

/**
 * Compiles one edition file into the edition model: reads it, validates the
 * front matter, renders the body and checks the rules that join the two.
 * Pure: the same path, bytes and settings always give the same result, so
 * the result can be cached by content hash and computed in any thread.
 */
export function compileEdition(file: string, bytes: Uint8Array, settings: CompileSettings): CompileResult {
  const read = readEdition(file, bytes);
  if (!read.source) {
    if (read.body === undefined) return { edition: null, problems: read.problems };
    // The front matter could not be read; the body's own problems are the author's to see in the same run.
    const { file: vfile } = renderBody(read.body, bodyData(settings, new Map()));
    return { edition: null, problems: sortProblems([...read.problems, ...vfileProblems(vfile, file)]) };
  }
  const source = read.source;
  const parsed = frontMatterSchema.safeParse(source.data, { reportInput: true });
  const problems = [...read.problems];
  // A line the reader already has an error on (`title: 1e5`) is not reported again for the value it read.
  const erred = new Set(read.problems.filter((p) => p.severity === 'error').map((p) => p.line));
  if (!parsed.success)
    problems.push(...zodProblems(parsed.error, file, source.locate, knownKeys).filter((p) => !erred.has(p.line)));
  const fm = parsed.success ? parsed.data : undefined;

  const figures = new Map<string, ThreadFigures>(
    (fm?.discussions ?? []).map((d) => [threadKey(d.url), { points: d.points ?? null, comments: d.comments ?? null }]),
  );
  const { tree, file: vfile, refused } = renderBody(source.body, bodyData(settings, figures));
  problems.push(...vfileProblems(vfile, file));
  const { intro, sections } = splitSections(tree);
  if (!refused && !intro.some(hasContent)) {
    const firstHeading = sections[0] && firstLine(sections[0].nodes[0]);
    problems.push(
      problem(file, firstHeading, 'intro', 'missing; expected at least one paragraph before the first "##" heading'),
    );
  }
  const threads = vfile.data.threads ?? new Map();
  // A refused body has no sections to cross-check: its own problem says why.
  const joined: Problem[] = [];
  if (fm && !refused)
    joined.push(
      ...crossCheck(
        file,
        fm,
        source,
        sections.map((s) => s.id),
        // A link that lost part of its scheme is already an error on its line; the thread it meant is not missing too.
        new Set([...threads.keys(), ...(vfile.data.repairedLinks ?? []).map(threadKey)]),
      ),
    );
  const claimed = (source.data as { edition?: unknown } | null)?.edition;
  const result = {
    // Cause first: the front matter and the body in line order, then the rules that join the two.
    problems: [...sortProblems(problems), ...joined],
    numberLine: source.locate(['edition']),
    dateLine: source.locate(['date']),
    claimedNumber: Number.isSafeInteger(claimed) && (claimed as number) > 0 ? (claimed as number) : undefined,
    topicUses: topicUsesOf(source.data, source.locate),
  };
  if (!fm || result.problems.some((p) => p.severity === 'error')) return { ...result, edition: null };

  const date = toZonedIso(fm.date, settings.timeZone);
  const byKey = new Map(fm.discussions.map((d) => [threadKey(d.url), d]));
  const threadModels: Thread[] = [...threads].map(([key, { url, forum, text }]) => {
    const given = byKey.get(key);
    const asOf = given?.as_of ?? fm.date;
    return {
      key,
      url,
      text: isDiscussionText(text) ? null : text,
      forum,
      points: given?.points ?? null,
      comments: given?.comments ?? null,
      asOf: toZonedIso(asOf, settings.timeZone),
      asOfHasTime: !isDateOnly(asOf),
    };
  });
  const edition: Edition = {
    number: fm.edition,
    file,
    date,
    hasTime: !isDateOnly(fm.date),
    headline: fm.title ?? null,
    ...(fm.subject === undefined ? {} : { subject: fm.subject }),
    description: fm.description || summarize(intro),
    descriptionGiven: Boolean(fm.description),
    draft: fm.draft,
    introHtml: toHtml(intro),
    sections: sections.map((s) => ({
      id: s.id,
      title: s.title,
      excerpt: summarize(s.nodes.slice(1), EXCERPT_LENGTH),
      html: toHtml(s.nodes),
      threads: threadKeysIn(s.nodes),
      topics: fm.sections[s.id]?.topics ?? [],
    })),
    threads: threadModels,
    redirectFrom: fm.redirect_from,
  };
  return { ...result, edition };
}
