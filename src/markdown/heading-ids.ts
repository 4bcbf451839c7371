import { slug } from 'github-slugger';
import type { Heading, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from './report.ts';

/** Ids the page itself uses; a heading may not take them. */
export const RESERVED_IDS = ['main-content', 'in-this-edition', 'edition-contents'];

const EXPLICIT = /\s*\{#([^}]*)\}\s*$/;
const VALID_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Removes a trailing `{#id}` from a heading and returns the id written, if any. */
function takeExplicitId(heading: Heading): string | undefined {
  const last = heading.children.at(-1);
  if (last?.type !== 'text') return undefined;
  const match = EXPLICIT.exec(last.value);
  if (!match) return undefined;
  (last as Text).value = last.value.slice(0, match.index);
  if (!last.value) heading.children.pop();
  return match[1] ?? '';
}

/**
 * Gives every heading its anchor id before anything needs it: the explicit
 * `{#id}` when the heading ends with one, otherwise the GitHub-style slug of
 * its text. Two headings with one id are an error, never a silent `-1`.
 */
export default function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    const taken = new Map<string, number | undefined>(RESERVED_IDS.map((id) => [id, undefined]));
    visit(tree, 'heading', (heading) => {
      const explicit = takeExplicitId(heading);
      const text = toString(heading).trim();
      const line = heading.position?.start.line;
      if (heading.depth === 1) {
        report(
          file,
          heading,
          'heading',
          'a "#" heading in the body; the page title is the only level-1 heading, so start stories with "##"',
          'warning',
        );
      }
      if (explicit !== undefined && !VALID_ID.test(explicit)) {
        report(
          file,
          heading,
          'heading',
          `{#${explicit}} is not a valid id; expected letters, digits, "-" and "_", starting with a letter or digit`,
        );
        return;
      }
      const id = explicit ?? slug(text);
      if (!id) {
        report(
          file,
          heading,
          'heading',
          `no id can be made from ${JSON.stringify(text)}; end the heading with an explicit {#id}`,
        );
        return;
      }
      if (taken.has(id)) {
        const other = taken.get(id);
        const why =
          other === undefined ? 'is used by the page itself' : `is already used by the heading on line ${other}`;
        report(file, heading, 'heading', `id "${id}" ${why}; give one of them an explicit {#id}`);
        return;
      }
      taken.set(id, line);
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
    });
  };
}
