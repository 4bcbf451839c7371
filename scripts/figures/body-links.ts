/**
 * What an edition's body links, by section: the discussion threads, the
 * commenters' profiles, and each paragraph's text with the threads it links.
 * Read from the Markdown tree with the same parser and heading ids the site
 * uses, so a section here is a section on the page.
 */
import type { Link, Nodes, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkGfmSubset from '../../src/markdown/remark-gfm-subset.ts';
import remarkHeadingIds from '../../src/markdown/remark-heading-ids.ts';
import { classifyUrl, threadKey } from '../../src/rules/forums.ts';

/** A forum profile linked in the body. */
export interface ProfileLink {
  name: string;
  /** The forum's name, "Hacker News". */
  forum: string;
  url: string;
  line: number;
}

/** A paragraph's text and the threads it links, in link order. */
export interface ProseParagraph {
  text: string;
  /** The paragraph as written, for finding a figure's line. */
  source: string;
  line: number;
  threads: string[];
}

/** The intro (`id` null) or one `##` story. */
export interface BodySection {
  id: string | null;
  title: string;
  line: number;
  /** Keys of the threads linked, in order of first link. */
  threads: string[];
  profiles: ProfileLink[];
  paragraphs: ProseParagraph[];
}

/** A thread linked in the body: its key, the URL as first written, and that link's line. */
export interface LinkedThread {
  key: string;
  url: string;
  line: number;
}

const parser = unified().use(remarkParse).use(remarkGfmSubset).use(remarkHeadingIds).freeze();

/** The URL of a link or of a reference to a definition. */
function hrefOf(node: Nodes, definitions: ReadonlyMap<string, string>): string | null {
  if (node.type === 'link') return (node as Link).url;
  if (node.type === 'linkReference') return definitions.get(node.identifier.toLowerCase()) ?? null;
  return null;
}

/** Every link under a node, in document order, with its line. */
function linksIn(node: Nodes, definitions: ReadonlyMap<string, string>): { href: string; line: number }[] {
  const out: { href: string; line: number }[] = [];
  const walk = (n: Nodes) => {
    const href = hrefOf(n, definitions);
    if (href !== null) out.push({ href, line: n.position?.start.line ?? 0 });
    if ('children' in n) (n.children as Nodes[]).forEach(walk);
  };
  walk(node);
  return out;
}

/** Every paragraph under a node (in quotes and lists too). */
function paragraphsIn(node: Nodes): Paragraph[] {
  if (node.type === 'paragraph') return [node];
  return 'children' in node ? (node.children as Nodes[]).flatMap(paragraphsIn) : [];
}

/**
 * The body's sections with what each links. `listed` are the keys of the
 * `discussions:` entries, so a listed thread on another site counts as a
 * thread link, as it does on the page.
 */
export function bodySections(
  body: string,
  listed: ReadonlySet<string> = new Set(),
): {
  sections: BodySection[];
  linked: LinkedThread[];
} {
  const file = new VFile({ value: body });
  const tree = parser.runSync(parser.parse(file), file) as Root;
  const definitions = new Map<string, string>();
  for (const node of tree.children)
    if (node.type === 'definition') definitions.set(node.identifier.toLowerCase(), node.url);
  const threadOf = (href: string): string | null => {
    const kind = classifyUrl(href);
    if (kind.kind === 'thread') return kind.key;
    const key = threadKey(href);
    return listed.has(key) ? key : null;
  };
  const linked = new Map<string, LinkedThread>();
  const sections: BodySection[] = [{ id: null, title: 'intro', line: 1, threads: [], profiles: [], paragraphs: [] }];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      const id = (node.data?.hProperties as { id?: string } | undefined)?.id ?? '';
      sections.push({
        id,
        title: toString(node),
        line: node.position?.start.line ?? 0,
        threads: [],
        profiles: [],
        paragraphs: [],
      });
      // A link in the heading itself belongs to its section, like one below it.
    }
    const section = sections.at(-1)!;
    for (const link of linksIn(node, definitions)) {
      const kind = classifyUrl(link.href);
      if (kind.kind === 'profile')
        section.profiles.push({ name: kind.name, forum: kind.forum, url: link.href, line: link.line });
      const key = threadOf(link.href);
      if (key === null) continue;
      if (!section.threads.includes(key)) section.threads.push(key);
      if (!linked.has(key)) linked.set(key, { key, url: link.href, line: link.line });
    }
    for (const paragraph of paragraphsIn(node)) {
      const start = paragraph.position?.start.offset ?? 0;
      const end = paragraph.position?.end.offset ?? start;
      const threads = [...new Set(linksIn(paragraph, definitions).flatMap((l) => threadOf(l.href) ?? []))];
      section.paragraphs.push({
        text: toString(paragraph),
        source: body.slice(start, end),
        line: paragraph.position?.start.line ?? 0,
        threads,
      });
    }
  }
  return { sections, linked: [...linked.values()] };
}
