/**
 * Edition numbers: from a header, else from the title or file name
 * (`Issue #300`, `issue-300.md`), else by date after the highest number
 * taken. Two sources with one number are both held back, with a line each.
 */
import { dateFromStem } from './dates.ts';
import { problem, type SourceEdition } from './types.ts';
import type { Problem } from './project.ts';
import { editionFileNames } from './write.ts';

/** A source edition with its date in the edition format. */
export interface DatedEdition extends SourceEdition {
  /** `2024-01-05` or `2024-01-05T10:30:00-05:00`. */
  isoDate: string;
}

/** A dated edition with its number and where the number came from. */
export interface NumberedEdition extends DatedEdition {
  edition: number;
  numberFrom: 'header' | 'title' | 'file name' | 'date order';
}

const IN_TITLE = /(?:\b(?:issue|edition|no\.|number|nr\.?|vol\.?)\s*#?\s*|#)(\d{1,6})\b/i;
/** A number that ends the title ("This Week In Rust 1", "Weekly 12."). */
const AT_END = /(?:^|[\s#])(\d{1,6})[\s.!)]*$/;
const IN_NAME = /(?:^|[-_ ])(?:issue|edition|no|number|nr|vol)[-_ ]?(\d{1,6})(?:$|[-_ ])/i;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The number a title names: after `#`, `No.`, `Issue`, `Edition` (and the
 * like) or one of `names` (the newsletter's own name), or at its very end
 * ("Issue #300", "Edition 12", "No. 5", "This Week In Rust 1"). "Llama 3 is
 * out" names none.
 */
export function numberInTitle(title: string | undefined, names: readonly string[] = []): number | undefined {
  const text = title ?? '';
  const named = names
    .filter((name) => name.trim())
    .map((name) => new RegExp(`${escape(name.trim())}\\s*#?\\s*(\\d{1,6})\\b`, 'i').exec(text))
    .find(Boolean);
  const m = IN_TITLE.exec(text) ?? named ?? AT_END.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The number a file name names (`issue-300`, `2024-01-05-edition-12`, `300`), ignoring a leading date. */
export function numberInName(stem: string | undefined): number | undefined {
  const rest = (stem ?? '').slice(dateFromStem(stem)?.length ?? 0).replace(/^[-_]/, '');
  const m = IN_NAME.exec(rest) ?? /^(\d{1,6})$/.exec(rest);
  return m ? Number(m[1]) : undefined;
}

/** Where a source edition is, for a problem line about its number. */
const where = (e: SourceEdition) => (e.line ? `${e.file}:${e.line}` : e.file);

/**
 * Numbers every edition, and names its file (`editionFileNames`, where a
 * number the importer gives plays no part). `existing` holds the numbers
 * already used in the out folder (and by which file); an edition claiming
 * one of those, or sharing its number with another source, is left out with
 * a problem line, unless that file is this very edition, imported before.
 * `written(name)` is the out folder's file of that name, if there is one:
 * an edition numbered by date whose file is there, as an edition, was
 * imported before, and is left out without taking a number.
 */
export function numberEditions(
  editions: readonly DatedEdition[],
  existing: ReadonlyMap<number, string>,
  written: (name: string) => string | undefined,
  names: readonly string[] = [],
): {
  numbered: NumberedEdition[];
  fileNames: Map<NumberedEdition, string>;
  problems: Problem[];
  again: { file: string; reason: string }[];
} {
  const problems: Problem[] = [];
  const again: { file: string; reason: string }[] = [];
  const given: NumberedEdition[] = [];
  const rest: DatedEdition[] = [];
  for (const e of editions) {
    const fromTitle = numberInTitle(e.title, names);
    const fromName = fromTitle === undefined ? numberInName(e.stem) : undefined;
    const n = e.number ?? fromTitle ?? fromName;
    if (n === undefined) rest.push(e);
    else
      given.push({
        ...e,
        edition: n,
        numberFrom: e.number !== undefined ? 'header' : fromTitle !== undefined ? 'title' : 'file name',
      });
  }
  const byDate: NumberedEdition[] = [...rest]
    .sort((a, b) => Date.parse(a.isoDate) - Date.parse(b.isoDate) || where(a).localeCompare(where(b)))
    .map((e) => ({ ...e, edition: 0, numberFrom: 'date order' }));
  // Names first: one numbered by date holds no number, so it tells whether an earlier run wrote the edition.
  const fileNames = editionFileNames([...given.sort((a, b) => a.edition - b.edition), ...byDate]);
  const byNumber = Map.groupBy(given, (e) => e.edition);
  const kept: NumberedEdition[] = [];
  for (const [n, group] of byNumber) {
    for (const e of group) {
      const line = e.lines.edition ?? e.line;
      if (group.length > 1) {
        const others = group.filter((o) => o !== e).map(where);
        problems.push(
          problem(e.file, line, 'edition', `${n} is also the number of ${others.join(', ')}; none of them is imported`),
        );
      } else if (existing.has(n) && written(fileNames.get(e)!) === existing.get(n)) {
        again.push({ file: where(e), reason: `already imported as ${existing.get(n)}` });
      } else if (existing.has(n)) {
        problems.push(problem(e.file, line, 'edition', `${n} is already used by ${existing.get(n)}; not imported`));
      } else {
        kept.push(e);
      }
    }
  }
  let next = Math.max(0, ...existing.keys(), ...given.map((e) => e.edition)) + 1;
  const editionFiles = new Set(existing.values());
  for (const e of byDate) {
    // A file of that name that is not an edition is someone's own: the write reports the clash.
    const before = written(fileNames.get(e)!);
    if (before && editionFiles.has(before)) {
      again.push({ file: where(e), reason: `already imported as ${before}` });
      continue;
    }
    e.edition = next++;
    kept.push(e);
  }
  const inOrder = datesInOrder(kept.sort((a, b) => a.edition - b.edition));
  return { numbered: inOrder.kept, fileNames, problems: [...problems, ...inOrder.problems], again };
}

/**
 * Holds back an edition dated before the edition numbered just below it,
 * naming both numbers and where each came from, so the author can tell a
 * number the importer guessed from one the archive gave.
 */
function datesInOrder(sorted: readonly NumberedEdition[]): { kept: NumberedEdition[]; problems: Problem[] } {
  const kept: NumberedEdition[] = [];
  const problems: Problem[] = [];
  for (const e of sorted) {
    const before = kept.at(-1);
    if (before && Date.parse(e.isoDate) < Date.parse(before.isoDate)) {
      problems.push(
        problem(
          e.file,
          e.lines.edition ?? e.lines.date ?? e.line,
          'edition',
          `${e.edition} (number from ${e.numberFrom}) is dated ${e.isoDate}, before edition ${before.edition} (number from ${before.numberFrom}, ${where(before)}) dated ${before.isoDate}; not imported: give it its number in a header, or correct its date`,
        ),
      );
    } else kept.push(e);
  }
  return { kept, problems };
}
