/** A Pelican archive as its authors write one: `Key: value` headers, `#` sections, dates without a zone. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes `count` weekly Pelican posts into `folder` (which must exist). With
 * `boilerplate`, posts have no Summary and every intro opens with the same
 * welcome sentence, as many archives' do.
 */
export function writePelicanArchive(folder: string, count: number, { boilerplate = false } = {}): void {
  for (let i = 1; i <= count; i++) {
    const day = new Date(Date.UTC(2019, 0, 6 + 7 * (i - 1))).toISOString().slice(0, 10);
    writeFileSync(
      join(folder, `week-${i}.md`),
      [
        `Title: Week ${i} in inference`,
        `Date: ${day} 09:00`,
        `Number: ${i}`,
        `Tags: weekly, inference`,
        ...(boilerplate ? [] : [`Summary: What happened in week ${i}.`]),
        '',
        `${boilerplate ? 'Hello and welcome to another issue of Week in inference. ' : ''}Week ${i}: three stories and one [thread](https://news.ycombinator.com/item?id=${40000000 + i}).`,
        '',
        '# Models',
        '',
        `A new model, [announced here](https://example.org/models/${i}).`,
        '',
        '## Numbers',
        '',
        '> It is faster than last week.',
        '',
        '# Tools',
        '',
        '```sh',
        '# build it',
        `make release VERSION=${i}`,
        '```',
        '',
        '# Threads',
        '',
        `- [discussion](https://news.ycombinator.com/item?id=${40000000 + i})`,
        '',
      ].join('\n'),
    );
  }
}
