import { slug } from 'github-slugger';
import type { Heading, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { RESERVED_IDS } from '../rules/page-ids.ts';
import { report } from './util/vfile-report.ts';
import { eachNode } from './util/walk.ts';

const EXPLICIT = /\s*\{#([^}]*)\}\s*$/;
/** Letters and digits of any script (`{#café}`, `{#要点}`, as a derived id may have), `-` and `_`. */
const VALID_ID = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}_-]*$/u;

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

/** `base`, or GitHub's `base-1`, `base-2`, … : the first one not taken. */
function withSuffix(base: string, taken: ReadonlyMap<string, unknown>): string {
  if (!taken.has(base)) return base;
  let n = 1;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/**
 * Gives every heading its anchor id before anything needs it. An explicit
 * `{#id}` is the author's promise to readers' links: it is never changed, and
 * two explicit ids that collide are an error. Otherwise the id is the
 * GitHub-style slug of the heading's text, with GitHub's `-1`, `-2`, …
 * suffix when that slug is already taken (by an explicit id, an earlier
 * heading or the page itself); a `##` story whose id had to be suffixed is
 * warned about, since readers share those links. The ids are left on
 * `file.data.headingIds` for the raw-HTML rule.
 */
export default function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    const headings: { heading: Heading; explicit: string | undefined }[] = [];
    eachNode(tree, (heading) => {
      if (heading.type !== 'heading') return;
      const explicit = takeExplicitId(heading);
      // `## {#id}` or a bare `##`: a story with no title to show, in the contents or anywhere.
      if (toString(heading).trim() === '') {
        const which = heading.depth === 2 ? "this story's title" : 'its text';
        const id = explicit === undefined ? '' : ` (an id alone, {#${explicit}}, is not shown)`;
        report(
          file,
          heading,
          'heading',
          `the heading has no text${id}; write ${which} after the "${'#'.repeat(heading.depth)}"`,
        );
        return;
      }
      headings.push({ heading, explicit });
    });
    // The page's own ids, then explicit ids, are taken before any slug is made.
    const taken = new Map<string, number | undefined>(RESERVED_IDS.map((id) => [id, undefined]));
    const explicitOk = new Set<Heading>();
    for (const { heading, explicit } of headings) {
      if (explicit === undefined) continue;
      if (!VALID_ID.test(explicit)) {
        report(
          file,
          heading,
          'heading',
          `{#${explicit}} is not a valid id; expected letters, digits, "-" and "_", starting with a letter or digit`,
        );
        continue;
      }
      if (taken.has(explicit)) {
        const other = taken.get(explicit);
        const why =
          other === undefined ? 'is used by the page itself' : `is already used by the heading on line ${other}`;
        report(file, heading, 'heading', `id "${explicit}" ${why}; choose another explicit {#id}`);
        continue;
      }
      taken.set(explicit, heading.position?.start.line);
      explicitOk.add(heading);
      setId(heading, explicit);
    }
    let levelOne = 0;
    let firstLevelOne: Heading | undefined;
    for (const { heading, explicit } of headings) {
      if (heading.depth === 1 && levelOne++ === 0) firstLevelOne = heading;
      if (explicit !== undefined) continue;
      const text = toString(heading).trim();
      const base = slug(text);
      if (!base) {
        report(
          file,
          heading,
          'heading',
          `no id can be made from ${JSON.stringify(text)}; end the heading with an explicit {#id}`,
        );
        continue;
      }
      const id = withSuffix(base, taken);
      taken.set(id, heading.position?.start.line);
      setId(heading, id);
      if (id !== base && heading.depth === 2) {
        report(
          file,
          heading,
          'heading',
          `id "${base}" is taken, so this story's link is #${id}; give it an explicit {#id} that readers' links can rely on`,
          'warning',
        );
      }
    }
    if (firstLevelOne) {
      const count = levelOne === 1 ? 'a "#" heading' : `${levelOne} "#" headings`;
      report(
        file,
        firstLevelOne,
        'heading',
        `${count} in the body (first here); the page title is the only level-1 heading, so start stories with "##"`,
        'warning',
      );
    }
    file.data.headingIds = new Set(taken.keys());
  };
}

function setId(heading: Heading, id: string): void {
  heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
}
