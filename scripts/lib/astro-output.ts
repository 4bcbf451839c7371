/**
 * What `npm run build` lets through of Astro's error output. Astro, Vite and
 * rolldown print a failure with a backtrace (`Stack backtrace:`, `at …`
 * frames) that names nothing a person can act on; a full disk printed forty
 * lines of one. Lines are passed on as they come, except that an error block
 * (from a line starting `[ERROR]` to the end) is held back: a full disk is
 * then one line naming the folder, and any other error is shown without its
 * stack frames.
 */

/** A backtrace line: a JavaScript stack frame, rolldown's numbered frames and their `at` lines, its header. */
const TRACE = /^\s*(Stack backtrace:|Stack trace:)|^\s+at\s|^\s+\d+:\s/;
const FULL_DISK = /\bENOSPC\b|No space left on device|\bEDQUOT\b|Disk quota exceeded/i;

/** Filters one stream of Astro's output; `finish` returns true when it reported a full disk. */
export function astroErrorFilter(write: (text: string) => void): {
  push: (chunk: string) => void;
  finish: () => { diskFull: boolean };
} {
  let partial = '';
  let held: string[] | undefined;
  const line = (text: string) => {
    const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
    if (held === undefined && /^(\S+\s)?\[ERROR\]/.test(plain)) held = [];
    if (held) held.push(text);
    else write(`${text}\n`);
  };
  return {
    push(chunk) {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      for (const text of lines) line(text);
    },
    finish() {
      if (partial) line(partial);
      partial = '';
      const block = held ?? [];
      held = undefined;
      const diskFull = block.some((text) => FULL_DISK.test(text));
      if (!diskFull) for (const text of block.filter((t) => !TRACE.test(t))) write(`${text}\n`);
      return { diskFull };
    },
  };
}
