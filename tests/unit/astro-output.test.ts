import { describe, expect, it } from 'vitest';
import { astroErrorFilter } from '../../scripts/lib/astro-output.ts';

/** What the filter lets through of `chunks`, and whether it saw a full disk. */
function filtered(chunks: string[]) {
  let out = '';
  const filter = astroErrorFilter((text) => (out += text));
  for (const chunk of chunks) filter.push(chunk);
  const { diskFull } = filter.finish();
  return { out, diskFull };
}

// Astro's output when rolldown could not write a chunk to a full disk (a build onto a 300 KB tmpfs).
const ROLLDOWN_FULL_DISK = [
  '22:09:41 [WARN] a warning before\n22:09:42 [ERROR] [vite] \u001b[31m✗ Build failed in 856ms\u001b[39m\n',
  '[UNHANDLEABLE_ERROR] Something went wrong inside rolldown, please report this problem at https://github.com/rolldown/rolldown/issues.\n',
  'Failed to write file in /site.next/.prerender/chunks/astro-component.mjs\n\nCaused by:\n    No space left on device (os error 28)\n\n',
  'Stack backtrace:\n   0: <unknown>\n   1: <unknown>\n  12: start_thread\n             at ./nptl/pthread_create.c:442:8\n',
];

describe("Astro's error output", () => {
  it('is held back on a full disk, for the build to say it in one line', () => {
    expect(filtered(ROLLDOWN_FULL_DISK)).toEqual({ out: '22:09:41 [WARN] a warning before\n', diskFull: true });
  });

  it('keeps any other error, without its stack frames', () => {
    const error = [
      '12:00:00 [ERROR] [content] content/editions/a.md:3  date: missing\n',
      '  Stack trace:\n    at load (file:///x/load.ts:1:1)\n    at async run (file:///x/run.ts:2:2)\n',
      'Location:\n  content/editions/a.md',
    ];
    expect(filtered(error)).toEqual({
      out: '12:00:00 [ERROR] [content] content/editions/a.md:3  date: missing\nLocation:\n  content/editions/a.md\n',
      diskFull: false,
    });
  });

  it('passes every other line on as it comes', () => {
    expect(filtered(['12:00:00 [build] Complete!\n', 'indexed 4 pages', '\n'])).toEqual({
      out: '12:00:00 [build] Complete!\nindexed 4 pages\n',
      diskFull: false,
    });
  });
});
