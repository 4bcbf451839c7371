/**
 * Who is quoted: every forum profile linked in a section must be a commenter
 * on, or the submitter of, a thread that section links (the intro, which
 * sums up the edition, may quote anyone in any of its threads). Otherwise a
 * warning names the section, the person and the threads, which catches a
 * quote attributed to the wrong thread or a misspelt name. A thread whose
 * comments were not all read makes the check partial, and says so, instead
 * of warning falsely.
 */
import { problem, type Problem } from '../../src/diagnostics/problem.ts';
import { FORUMS } from '../../src/rules/forums.ts';
import type { BodySection, ProfileLink } from './body-links.ts';
import { apiThread, type ThreadResult } from './forum-apis.ts';

/** How a section is named in a line: `section #flash-moe`, or `intro`. */
export function sectionField(section: BodySection): string {
  return section.id === null ? 'intro' : `section #${section.id}`;
}

/** True when a forum's user names compare without case (Lobsters, Reddit); Hacker News names are exact. */
function sameName(forum: string, a: string, b: string): boolean {
  return forum === FORUMS.hn.name ? a === b : a.toLowerCase() === b.toLowerCase();
}

function isIn(result: ThreadResult, profile: ProfileLink): boolean {
  if (!result.ok) return false;
  const { submitter, commenters } = result.report;
  const names = [...(submitter ? [submitter] : []), ...commenters.keys()];
  return names.some((name) => sameName(profile.forum, name, profile.name));
}

/** The warnings for profiles that no linked thread explains, section by section. */
export function quoteProblems(
  file: string,
  sections: readonly BodySection[],
  results: ReadonlyMap<string, ThreadResult>,
  urls: ReadonlyMap<string, string>,
): Problem[] {
  const everyThread = [...new Set(sections.flatMap((s) => s.threads))];
  const problems: Problem[] = [];
  for (const section of sections) {
    const seen = new Set<string>();
    for (const profile of section.profiles) {
      const id = `${profile.forum} ${profile.name}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const keys = (section.id === null ? everyThread : section.threads).filter((key) => {
        const thread = apiThread(key);
        return thread && FORUMS[thread.forum].name === profile.forum;
      });
      const who = `${JSON.stringify(profile.name)} (${profile.forum})`;
      const warn = (message: string) =>
        problems.push(problem(file, profile.line, sectionField(section), message, 'warning'));
      if (keys.length === 0) {
        if (section.id !== null)
          warn(
            `${who} is quoted, but this section links no ${profile.forum} thread; link the thread the quote is from`,
          );
        continue;
      }
      const read = keys.map((key) => results.get(key)).filter((r): r is ThreadResult => r !== undefined);
      // A thread that could not be read has its own line; nothing can be said about who is in it.
      if (read.length < keys.length || read.some((r) => !r.ok)) continue;
      if (read.some((r) => isIn(r, profile))) continue;
      const partial = keys.flatMap((key) => {
        const r = results.get(key);
        return r?.ok && r.report.partial ? [`${urls.get(key) ?? key}: ${r.report.partial}`] : [];
      });
      const list = keys.map((key) => urls.get(key) ?? key).join(', ');
      if (partial.length) {
        warn(
          `${who} is not among the comments read from ${list}, but not every comment was read (${partial.join('; ')}); the check was partial`,
        );
        continue;
      }
      const where =
        section.id === null
          ? `any ${profile.forum} thread of this edition (${list})`
          : keys.length === 1
            ? `the thread this section links (${list})`
            : `any of the threads this section links (${list})`;
      warn(`${who} neither commented on nor submitted ${where}; check the name, and which thread the quote is from`);
    }
  }
  return problems;
}
