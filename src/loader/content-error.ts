/** The error that stops a production build for content problems (its own module, so an integration can throw it without loading the loader). */
import { AstroError } from 'astro/errors';

/** A content mistake that stops a production build: the problem lines, and a hint of what to do. */
export class ContentError extends AstroError {
  override name = 'ContentError';
  constructor(
    lines: string[],
    where = 'in content',
    hint = 'Each line names the file, line and field; fix them and build again (`npm run check` lists them without building).',
  ) {
    super(
      `${lines.join('\n')}\n${lines.length} problem${lines.length === 1 ? '' : 's'} ${where}; nothing was built.`,
      hint,
    );
    // A content mistake is not a crash: Astro prints the message and the hint, no stack trace.
    this.stack = '';
  }
}
