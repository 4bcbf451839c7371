/** What `npm run new` writes: the next edition's file name and a valid draft to start from. */
import { sayFor } from '../../src/i18n/say.ts';

/** The number after the highest one in use (1 for an empty folder). */
export function nextEditionNumber(numbers: readonly number[]): number {
  return numbers.reduce((max, n) => Math.max(max, n), 0) + 1;
}

/** `YYYY-MM-DD-edition-N.md`, the naming convention. */
export function editionFileName(date: string, number: number): string {
  return `${date.slice(0, 10)}-edition-${number}.md`;
}

/** A minute-precision date-time with offset from an ISO string with offset (`2026-03-22T12:14:37-04:00`). */
export function toMinute(iso: string): string {
  return `${iso.slice(0, 16)}:00${iso.slice(19)}`;
}

/** A draft that passes `npm run check`: an intro placeholder and one section skeleton, in the site's language. */
export function editionTemplate(number: number, date: string, lang = 'en'): string {
  const say = sayFor(lang);
  return `---
edition: ${number}
date: ${date}
draft: true
# title: ${say('newTitle')}
# description: ${say('newDescription')}
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
