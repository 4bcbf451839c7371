/**
 * Old addresses (`redirect_from`) as the output has them: the file that
 * answers a path, so `/old/5/` and `/old/5` are known to be one address.
 */

/** The output file answering a path: itself when it names a file (`.html`), else the folder's `index.html`. */
export function redirectFile(path: string): string {
  const inner = path.replace(/^\/+/, '');
  if (/\.html?$/i.test(inner)) return inner;
  return `${inner.replace(/\/*$/, '/')}index.html`;
}

/** The problem message for an old address a second edition claims. */
export function claimedTwice(path: string, first: { number: number; file: string }): string {
  return `${path} is also an old address of edition ${first.number} (${first.file}); expected each old address in one edition`;
}
