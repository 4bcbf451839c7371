/** What `npm run new` writes: the next edition's file name and a valid draft to start from. */

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

/** A draft that passes `npm run check`: an intro placeholder and one section skeleton. */
export function editionTemplate(number: number, date: string): string {
  return `---
edition: ${number}
date: ${date}
draft: true
# title: A headline (optional, at most 120 characters)
# description: One sentence for feeds and link previews (optional; default is the start of the intro)
# discussions:
#   - url: https://news.ycombinator.com/item?id=123
#     points: 0
#     comments: 0
# sections:
#   first-story:
#     topics: [a-topic]
---

Write the intro here: what this edition covers, in a paragraph or two.

## First story headline {#first-story}

<!--
Tell the story. Link each thread where the text mentions it, e.g.
[discussion](https://news.ycombinator.com/item?id=123), and give its figures
under "discussions" above. Link quoted commenters to their profile, e.g.
[name](https://news.ycombinator.com/user?id=name). Remove "draft: true" to publish.
-->
Story text.
`;
}
