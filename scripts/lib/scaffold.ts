/** What `npm run new` writes: the next edition's file name and a valid draft to start from. */
import { slug } from 'github-slugger';
import { sayFor, type Say } from '../../src/i18n/say.ts';
import { RESERVED_IDS } from '../../src/rules/page-ids.ts';

/** The number after the highest one in use (1 for an empty folder). */
export function nextEditionNumber(numbers: readonly number[]): number {
  return numbers.reduce((max, n) => Math.max(max, n), 0) + 1;
}

/** `YYYY-MM-DD-edition-N.md`, the naming convention. */
export function editionFileName(date: string, number: number): string {
  return `${date.slice(0, 10)}-edition-${number}.md`;
}

/** Every new edition's first lines: number, date, draft, and the optional title and description as comments. */
function frontMatterHead(number: number, date: string, say: Say): string {
  return `---
edition: ${number}
date: ${date}
draft: true
# title: ${say('newTitle')}
# description: ${say('newDescription')}`;
}

/** A draft that passes `npm run check`: an intro placeholder and one section skeleton, in the site's language. */
export function editionTemplate(number: number, date: string, lang = 'en'): string {
  const say = sayFor(lang);
  return `${frontMatterHead(number, date, say)}
# discussions:
#   - url: https://news.ycombinator.com/item?id=123
#     points: 0
#     comments: 0
# sections:
#   first-story:
#     topics: [a-topic]
---

${say('newIntro')}

## ${say('newHeadline')} {#first-story}

<!--
${say('newStoryNote')}
-->
${say('newStoryText')}
`;
}

/** A thread a new edition starts a story from (`npm run new -- --thread <url>`). */
export interface ThreadStory {
  /** The thread's URL as given. */
  url: string;
  title: string;
  /** The article the thread discusses, or null for a text post. */
  article: string | null;
  points: number;
  comments: number;
  /** When the figures were read, ISO with offset. */
  asOf: string;
  /** The most active commenters, with their profile URLs. */
  commenters: readonly { name: string; url: string }[];
}

/** Text that reads as itself in Markdown: the characters that would start a link, emphasis, code or HTML are escaped. */
function markdownText(text: string): string {
  return text
    .replace(/[\\`*_<>[\]#{}|~]/g, '\\$&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A section id from a thread's title: its slug, shortened at a word, unique in the edition; `story-N` when the slug is no valid id. */
export function storyId(title: string, taken: ReadonlySet<string>, n: number): string {
  let id = slug(title).replace(/^[-_]+/, '');
  if (id.length > 48) id = id.slice(0, 48).replace(/-[^-]*$/, '');
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(id) || RESERVED_IDS.includes(id)) id = `story-${n}`;
  let unique = id;
  for (let i = 2; taken.has(unique); i++) unique = `${id}-${i}`;
  return unique;
}

/** A string as a YAML scalar that reads back as itself. */
const yamlString = (value: string) =>
  /^[\w:/?.=&%~+@-]+$/.test(value) && !value.endsWith(':') ? value : JSON.stringify(value);

/**
 * A draft with one story per thread: each heading from the thread's title
 * with an explicit `{#id}`, the linked article and a discussion link, the
 * figures in `discussions:` with `as_of`, and the thread's most active
 * commenters in an HTML comment to pick quotes from; in the site's language.
 */
export function threadEditionTemplate(
  number: number,
  date: string,
  threads: readonly ThreadStory[],
  lang = 'en',
): string {
  const say = sayFor(lang);
  const taken = new Set<string>();
  const discussions = threads.map((t) =>
    [
      `  - url: ${yamlString(t.url)}`,
      `    points: ${t.points}`,
      `    comments: ${t.comments}`,
      `    as_of: ${t.asOf}`,
    ].join('\n'),
  );
  const stories = threads.map((t, i) => {
    const id = storyId(t.title, taken, i + 1);
    taken.add(id);
    const title = markdownText(t.title) || say('newHeadline');
    const discussion = `[${say('newDiscussionLink')}](${t.url})`;
    const lead = t.article ? `[${title}](${t.article}) (${discussion})` : discussion;
    const note = t.commenters.length
      ? `\n<!--\n${say('newCommenters')}\n${t.commenters.map((c) => `[${markdownText(c.name)}](${c.url})`).join('\n')}\n-->\n`
      : '\n';
    return `## ${title} {#${id}}\n\n${lead}\n${note}${say('newStoryText')}\n`;
  });
  return `${frontMatterHead(number, date, say)}
discussions:
${discussions.join('\n')}
---

${say('newIntro')}

${stories.join('\n')}`;
}
