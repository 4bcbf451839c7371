/**
 * What a converter (Liquid, Hugo shortcodes) could not convert and left out.
 * Each tag left out leaves a mark in its place; at the end, a link or image
 * whose address held one (`[my post]({% post_url missing %})`,
 * `[x]({{< ref "missing.md" >}})`, `[x]({{ site.baseurl }}{% link a.md %})`)
 * is replaced by its text, so no `[my post]()` points nowhere, and is
 * reported on its own; every other mark is taken away.
 */

/** A tag left out, as written, and its line in the body. */
export interface LeftOutTag {
  text: string;
  line: number;
}

/** A link whose address was a tag left out: its text is kept, without the link. */
export interface UnlinkedLink {
  text: string;
  tag: string;
  line: number;
}

/** What converting one body left out: tags outside links (counted, the first named), and links unlinked. */
export interface LeftOut {
  count: number;
  first?: LeftOutTag | undefined;
  links: UnlinkedLink[];
}

/** Private-use characters no archive writes (as `code-spans.ts`'s), around the tag's index. */
const MARK = /\uE002(\d+)\uE003/g;
const LINK = /!?\[([^[\]\n]*)\]\(([^()\n]*)\)/g;
const DEFINITION = /^ {0,3}\[([^[\]\n]+)\]:[ \t]*(\S*)[^\n]*\n?/gm;
const REFERENCE = /!?\[([^[\]\n]*)\]\[([^[\]\n]*)\]/g;

/** The first tag whose mark `text` holds. */
const markIn = (text: string) => /\uE002(\d+)\uE003/.exec(text)?.[1];

/** Collects the tags a converter leaves out; `leave` gives the mark to put in a tag's place. */
export function leftOutTags() {
  const tags: LeftOutTag[] = [];
  return {
    leave(text: string, line: number): string {
      tags.push({ text: text.replace(/\s+/g, ' ').slice(0, 80), line });
      return `\uE002${tags.length - 1}\uE003`;
    },
    /** The converted body without marks, links to a tag left out as their text, and what was left out. */
    finish(body: string): { body: string; leftOut: LeftOut } {
      const inLinks = new Set<number>();
      const links: UnlinkedLink[] = [];
      const unlink = (text: string, mark: string) => {
        const tag = tags[Number(mark)]!;
        inLinks.add(Number(mark));
        links.push({ text: text.replace(MARK, ''), tag: tag.text, line: tag.line });
        return text.replace(MARK, '');
      };
      if (!tags.length) return { body, leftOut: { count: 0, links } };
      const labels = new Map<string, string>();
      let text = body.replace(DEFINITION, (line: string, label: string, url: string) => {
        const mark = markIn(url);
        if (mark === undefined) return line;
        labels.set(label.toLowerCase(), mark);
        return '';
      });
      text = text.replace(LINK, (link: string, inner: string, url: string) => {
        const mark = markIn(url);
        return mark === undefined ? link : unlink(inner, mark);
      });
      if (labels.size)
        text = text.replace(REFERENCE, (link: string, inner: string, label: string) => {
          const mark = labels.get((label || inner).toLowerCase());
          return mark === undefined ? link : unlink(inner, mark);
        });
      const rest = tags.filter((_, i) => !inLinks.has(i));
      return { body: text.replace(MARK, ''), leftOut: { count: rest.length, first: rest[0], links } };
    },
  };
}
