/**
 * Figures in the prose: "228 points", "85 comments", "a 104-comment debate",
 * "5 and 18 points respectively" (in link order), in the site's language —
 * the words are the ones the site itself prints beside a discussion link
 * (`points` and `comments` in `src/i18n/<lang>.ts`). A figure belongs to the
 * threads its paragraph links; a paragraph that links none takes its
 * section's threads when their number fits. After a refresh, a figure that no
 * longer matches is a warning showing the text and the new figures. The
 * prose is never edited: the author decides.
 */
import { problem, type Problem } from '../../src/diagnostics/problem.ts';
import { sayFor } from '../../src/i18n/say.ts';
import type { Plural } from '../../src/i18n/types.ts';
import type { BodySection } from './body-links.ts';
import { sectionField } from './quotes.ts';

/** A figure written in the prose. */
export interface ProseFigure {
  kind: 'points' | 'comments';
  values: number[];
  /** The words as written: "228 points". */
  text: string;
}

const DIGIT = '\\p{Nd}';
const NUMBER = `${DIGIT}(?:[${DIGIT},.\\u00a0\\u202f\\u066c]*${DIGIT})?`;
const SPACE = '[\\s\\u00a0\\u202f]*';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One kind's forms as a regular expression: every plural form with `{n}`, and its compound ("104-comment"). */
function kindPattern(forms: Plural, and: string): string {
  const numbers = `(${NUMBER}(?:${SPACE}${escape(and)}${SPACE}${NUMBER})*)`;
  const templates = Object.values(forms).filter((f): f is string => typeof f === 'string' && f.includes('{n}'));
  const variants = new Set(templates.flatMap((t) => [t, t.replace('{n} ', '{n}-')]));
  const patterns = [...variants]
    .sort((a, b) => b.length - a.length)
    .map((t) => {
      const [before, after] = t.split('{n}').map((part) => escape(part!).replace(/ /g, SPACE));
      // A Latin word must end where the form ends ("points", not "pointsy"); scripts without spaces need no end.
      const end = /[A-Za-z\u00c0-\u024f]$/.test(t) ? '(?![\\p{L}])' : '';
      return `${before}${numbers}${after}${end}`;
    });
  return `(?<![\\p{L}\\p{N}])(?:${patterns.join('|')})`;
}

/** The digits of a written number as a number ("1,234" → 1234, Arabic-Indic digits too). */
function readNumber(text: string): number {
  const digits = [...text].flatMap((c) => {
    const code = c.charCodeAt(0);
    if (code >= 0x660 && code <= 0x669) return [String(code - 0x660)];
    if (code >= 0x6f0 && code <= 0x6f9) return [String(code - 0x6f0)];
    return /\d/.test(c) ? [c] : [];
  });
  return Number(digits.join(''));
}

const finders = new Map<string, (text: string) => ProseFigure[]>();

/** Finds the figures a paragraph's text gives, in the site's language. */
export function proseFigures(text: string, lang: string): ProseFigure[] {
  let find = finders.get(lang);
  if (!find) {
    const say = sayFor(lang);
    const and = say('figuresAnd');
    const kinds = (['points', 'comments'] as const).map((kind) => ({
      kind,
      re: new RegExp(kindPattern(say.strings[kind], and), 'gu'),
    }));
    const numberRe = new RegExp(NUMBER, 'gu');
    find = (t: string) =>
      kinds
        .flatMap(({ kind, re }) =>
          [...t.matchAll(re)].map((m) => {
            const group = m.slice(1).find((g) => g !== undefined) ?? '';
            return {
              at: m.index,
              figure: { kind, values: [...group.matchAll(numberRe)].map((n) => readNumber(n[0])), text: m[0] },
            };
          }),
        )
        .sort((a, b) => a.at - b.at)
        .map((f) => f.figure);
    finders.set(lang, find);
  }
  return find(text);
}

/** A thread's figures after the refresh. */
export interface CurrentFigures {
  url: string;
  points: number;
  comments: number;
}

const describe = (t: CurrentFigures) => `${t.points} points and ${t.comments} comments`;

/** The line within a paragraph where a figure's words stand (its first line when they were reformatted). */
function lineOf(paragraph: { source: string; line: number }, words: string): number {
  const at = paragraph.source.indexOf(words);
  return at < 0 ? paragraph.line : paragraph.line + (paragraph.source.slice(0, at).match(/\n/g)?.length ?? 0);
}

/** Warnings for figures in the prose that no longer match their threads' refreshed figures. */
export function proseFigureProblems(
  file: string,
  sections: readonly BodySection[],
  current: ReadonlyMap<string, CurrentFigures>,
  lang: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const section of sections) {
    for (const paragraph of section.paragraphs) {
      for (const figure of proseFigures(paragraph.text, lang)) {
        const n = figure.values.length;
        const own = paragraph.threads.length ? paragraph.threads : section.threads;
        // A pair "respectively" reads the threads in link order; one figure may be any of its paragraph's threads.
        if (n > 1 && own.length !== n) continue;
        if (n === 1 && paragraph.threads.length === 0 && own.length !== 1) continue;
        const threads = own.map((key) => current.get(key));
        if (threads.some((t) => t === undefined)) continue;
        const known = threads as CurrentFigures[];
        const field = sectionField(section);
        const line = lineOf(paragraph, figure.text);
        const where = (list: CurrentFigures[]) => list.map((t) => t.url).join(', ');
        if (n === 1) {
          if (known.some((t) => t[figure.kind] === figure.values[0])) continue;
          const now =
            known.length === 1
              ? `the thread now has ${describe(known[0]!)} (${where(known)})`
              : `its paragraph's threads now have ${known.map((t) => `${describe(t)} (${t.url})`).join('; ')}`;
          problems.push(
            problem(
              file,
              line,
              field,
              `${JSON.stringify(figure.text)} in the text, but ${now}; update the text if it should say so`,
              'warning',
            ),
          );
        } else if (known.some((t, i) => t[figure.kind] !== figure.values[i])) {
          const now = known.map((t) => t[figure.kind]).join(' and ');
          problems.push(
            problem(
              file,
              line,
              field,
              `${JSON.stringify(figure.text)} in the text, but the threads now have ${now} ${figure.kind} (${where(known)}); update the text if it should say so`,
              'warning',
            ),
          );
        }
      }
    }
  }
  return problems;
}
