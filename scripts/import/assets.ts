/**
 * Files an edition uses from its old site (`/img/posts/chart.png`), copied
 * into `public/` under the same path, so the page shows them. Only paths
 * inside the old site are read; a file is never overwritten, and a dry run
 * copies nothing. One that cannot be found is a warning naming it.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { shieldCode } from './code-spans.ts';
import { inside } from './site-root.ts';
import { problem, type Problem } from './project.ts';

/**
 * Links to files (not pages), site-relative or on an `http(s)://host` that may be the old site's own:
 * Markdown images and links, and HTML `src`/`href`.
 */
const LINKS = [
  /(!?\[[^\]]*\]\(\s*<?)((?:https?:\/\/[^/\s)>]+)?\/[^\s)>]+)/gi,
  /(\b(?:src|href)\s*=\s*["'])((?:https?:\/\/[^/"']+)?\/[^"']+)/gi,
];
const ORIGIN = /^https?:\/\/([^/]+)/i;
const FILE = /\.(?:png|jpe?g|gif|webp|avif|svg|ico|pdf|mp3|mp4|webm|ogg|m4a|csv|zip|txt)$/i;

/** What copying an edition's files did. */
export interface AssetResult {
  body: string;
  copied: string[];
  problems: Problem[];
}

/**
 * Copies the files `body` uses from `from` (the old site's folder of static
 * files) into `publicDir`, and points the links at `urlOf(path)` (the site's
 * URL for a file in `public/`, from the site root; the build adds the base path).
 * A full URL on one of `hosts` (the old site's own, `https://old.example.org/images/a.png`)
 * is a file of the old site too; other hosts are left alone.
 */
export function copyAssets(
  body: string,
  where: { file: string; line?: number | undefined },
  from: string,
  publicDir: string,
  options: {
    dryRun: boolean;
    urlOf: (path: string) => string;
    hosts?: readonly string[] | undefined;
    /** The old site's base path (Jekyll's `baseurl`, `/blog`), which its links carry and its files do not. */
    prefix?: string | undefined;
    /** A second folder of the old site's files, looked in when `from` lacks one (Hugo's `content/`, for bundles). */
    also?: string | undefined;
  },
): AssetResult {
  const hosts = new Set((options.hosts ?? []).map((h) => h.toLowerCase()));
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  const result: AssetResult = { body, copied: [], problems: [] };
  const shielded = shieldCode(body);
  const warn = (message: string) => result.problems.push(problem(where.file, where.line, 'asset', message, 'warning'));
  const take = (link: string, before: string, written: string) => {
    const host = ORIGIN.exec(written)?.[1];
    if (host !== undefined && !hosts.has(host.toLowerCase())) return link;
    const full = host === undefined ? written : written.slice(written.indexOf(host) + host.length);
    // `{{ site.baseurl }}/assets/a.png` is `/blog/assets/a.png`, and the file is `assets/a.png` in the site.
    const url =
      prefix && full.startsWith(`${prefix}/`) && !existsSync(join(from, full.replace(/[?#].*$/, '')))
        ? full.slice(prefix.length)
        : full;
    const path = url.replace(/[?#].*$/, '');
    if (path.startsWith('//') || !FILE.test(path)) return link;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      decoded = path;
    }
    const inFrom = inside(from, `.${decoded}`);
    const inAlso = options.also === undefined ? undefined : inside(options.also, `.${decoded}`);
    const source = inFrom && !existsSync(inFrom) && inAlso && existsSync(inAlso) ? inAlso : inFrom;
    const target = inside(publicDir, `.${decoded}`);
    if (!source || !target) {
      warn(`${path} leads outside the site; not copied`);
      return link;
    }
    if (!existsSync(source) || !statSync(source).isFile()) {
      // A full URL still points at the old site, which may keep serving it: left as it is.
      if (host !== undefined) return link;
      warn(`${path} is not in ${from}; the edition links to a file that was not brought along`);
      return link;
    }
    if (existsSync(target)) {
      if (!readFileSync(target).equals(readFileSync(source)))
        warn(`${path}: a different file is already in ${publicDir}; not overwritten`);
    } else if (!options.dryRun) {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target, 1); // COPYFILE_EXCL: never replaces a file
      result.copied.push(join(publicDir, decoded));
    } else result.copied.push(join(publicDir, decoded));
    return `${before}${options.urlOf(path) + url.slice(path.length)}`;
  };
  let text = shielded.text;
  for (const pattern of LINKS) text = text.replace(pattern, take);
  result.body = shielded.restore(text);
  return result;
}
