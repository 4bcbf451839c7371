/**
 * The one change the importer makes to a body: many tools write stories as
 * `#` headings, while an edition keeps `#` for its title and starts stories
 * with `##`. Works on lines, so everything else stays byte for byte as the
 * author wrote it; lines inside ``` or ~~~ fences are never touched.
 */

const ATX = /^( {0,3})(#{1,6})(?=[ \t]|$)/;
/** An ATX heading inside a block quote (`> # Quote of the week`), which moves down with the others. */
const QUOTED_ATX = /^((?: {0,3}>[ \t]?)+)( {0,3})(#{1,5})(?=[ \t]|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^[ \t>]*(`{3,}|~{3,})(.*)$/;
const NOT_PARAGRAPH =
  /^ {0,3}([-*+] |\d{1,9}[.)] |>|<|\||#{1,6}([ \t]|$)|(\*[ \t]*){3,}$|(-[ \t]*){3,}$|(_[ \t]*){3,}$)/;

/** A line's part in the document, as far as headings are concerned. */
type Kind =
  | { type: 'code' }
  | { type: 'blank' }
  | { type: 'text' }
  | { type: 'atx'; level: number }
  | { type: 'setext'; level: number; from: number };

/** Classifies every line: inside a fence (or a fence line), blank, ATX heading, setext underline, or other text. */
function scan(lines: readonly string[]): Kind[] {
  const kinds: Kind[] = [];
  let fence: { char: string; length: number } | undefined;
  let paragraphStart = -1;
  lines.forEach((line, i) => {
    const f = FENCE.exec(line);
    if (fence) {
      const closes = f && f[1]![0] === fence.char && f[1]!.length >= fence.length && !f[2]!.trim();
      if (closes) fence = undefined;
      kinds.push({ type: 'code' });
      return;
    }
    if (f && !(f[1]![0] === '`' && f[2]!.includes('`'))) {
      fence = { char: f[1]![0]!, length: f[1]!.length };
      paragraphStart = -1;
      kinds.push({ type: 'code' });
      return;
    }
    if (!line.trim()) {
      paragraphStart = -1;
      kinds.push({ type: 'blank' });
      return;
    }
    const atx = ATX.exec(line);
    if (atx) {
      paragraphStart = -1;
      kinds.push({ type: 'atx', level: atx[2]!.length });
      return;
    }
    const underline = SETEXT.exec(line);
    if (underline && paragraphStart !== -1) {
      kinds.push({ type: 'setext', level: underline[1]![0] === '=' ? 1 : 2, from: paragraphStart });
      paragraphStart = -1;
      return;
    }
    if (paragraphStart === -1 && !NOT_PARAGRAPH.test(line) && !/^( {4}|\t)/.test(line)) paragraphStart = i;
    kinds.push({ type: 'text' });
  });
  return kinds;
}

/** The text of a heading line or of a setext heading's paragraph. */
function headingText(lines: readonly string[], kind: Kind, index: number): string {
  if (kind.type === 'setext') return lines.slice(kind.from, index).join(' ').replace(/\s+/g, ' ').trim();
  return lines[index]!.replace(ATX, '')
    .replace(/[ \t]+#+[ \t]*$/, '')
    .replace(/^[ \t]*#+[ \t]*$/, '')
    .trim();
}

/**
 * Takes the first level-1 heading out of a body and returns its text. With
 * `leadingOnly`, only a heading that comes before any other text counts
 * (a title line at the top of a file that also has a header).
 */
export function takeTitle(body: string, leadingOnly: boolean): { title?: string; body: string } {
  const lines = body.split('\n');
  const kinds = scan(lines);
  const first = kinds.findIndex((k) => k.type !== 'blank');
  const index = kinds.findIndex((k) => (k.type === 'atx' || k.type === 'setext') && k.level === 1);
  if (index === -1) return { body };
  const kind = kinds[index]!;
  const from = kind.type === 'setext' ? kind.from : index;
  if (leadingOnly && from !== first) return { body };
  return {
    title: headingText(lines, kind, index),
    body: [...lines.slice(0, from), ...lines.slice(index + 1)].join('\n'),
  };
}

/** True when the body has a level-1 heading outside code fences. */
export function usesLevelOne(body: string): boolean {
  return scan(body.split('\n')).some((k) => (k.type === 'atx' || k.type === 'setext') && k.level === 1);
}

/**
 * When the body uses `#` for its sections, moves every heading one level
 * down (`#` → `##`, …, never past `######`); a setext `===` heading becomes a
 * `---` one, and a setext `---` heading an ATX `###`; a `#` heading inside a
 * block quote moves down too (`> # Title` → `> ## Title`). A body whose
 * stories start with `##` (its first heading) keeps them, and only its stray
 * `#` headings (`# Rust Jobs` among `##` stories) become `##`. Otherwise the
 * body is returned unchanged.
 */
export function shiftHeadings(body: string): string {
  const lines = body.split('\n');
  const kinds = scan(lines);
  const headings = kinds.filter((k) => k.type === 'atx' || k.type === 'setext');
  if (!headings.some((k) => k.level === 1)) return body;
  // Stories at "##" with a stray "#": only the level-1 headings move, to "##".
  const strayOnly = headings[0]!.level !== 1;
  const out: string[] = [];
  lines.forEach((line, i) => {
    const kind = kinds[i]!;
    if (strayOnly && (kind.type === 'atx' || kind.type === 'setext') && kind.level !== 1) {
      out.push(line);
    } else if (kind.type === 'atx') {
      out.push(kind.level < 6 ? line.replace(ATX, (_, indent: string, marks: string) => `${indent}${marks}#`) : line);
    } else if (kind.type === 'setext' && kind.level === 1) {
      out.push(line.replace(/=/g, '-'));
    } else if (kind.type === 'setext') {
      out.splice(out.length - (i - kind.from), i - kind.from, `### ${headingText(lines, kind, i)}`);
    } else if (kind.type === 'text') {
      out.push(
        line.replace(QUOTED_ATX, (heading: string, quote: string, indent: string, marks: string) =>
          strayOnly && marks.length > 1 ? heading : `${quote}${indent}${marks}#`,
        ),
      );
    } else {
      out.push(line);
    }
  });
  return out.join('\n');
}

/** Trims blank lines at the start and end, and ends the body with one newline. */
export function tidyBody(body: string): string {
  return `${body.replace(/^(\s*\n)+/, '').replace(/\s+$/, '')}\n`;
}

/** Removes a leading level-1 heading that repeats the title (HTML bodies often start with one). */
export function dropRepeatedTitle(body: string, title: string | undefined): string {
  const taken = takeTitle(body, true);
  return title !== undefined && taken.title?.toLowerCase() === title.trim().toLowerCase() ? taken.body : body;
}
