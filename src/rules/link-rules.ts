/**
 * The edition format's rules for URLs in the body: which schemes a link or
 * an image may use, and which forum URLs are malformed threads. Shared by
 * Markdown links and the raw HTML allow-list.
 */
import { closest } from './typos.ts';
import { classifyUrl } from './forums.ts';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Schemes a link may use, besides relative URLs. */
export const LINK_SCHEMES = ['https', 'http', 'mailto', 'irc', 'ircs', 'tel', 'sms', 'xmpp', 'matrix', 'geo', 'news'];
/** Schemes that work but that browsers no longer open: a warning. */
const OLD_SCHEMES = ['ftp'];
/** Schemes that can run script or read local files, and why: always an error. */
const DANGEROUS: Record<string, string> = {
  javascript: 'run script',
  vbscript: 'run script',
  data: 'run script',
  file: "open files on the reader's own computer",
};
const DANGEROUS_SCHEMES = Object.keys(DANGEROUS);
const KNOWN = `${[...LINK_SCHEMES.map((s) => `${s}:`)].join(', ')} or a relative URL`;
/** Schemes an image, video or audio source may use (`http:` is published as `https:`). */
export const MEDIA_SCHEMES = ['https'];

/** A problem with a URL: an error, or a warning that still publishes it. */
export interface UrlProblem {
  message: string;
  severity: 'error' | 'warning';
}

/** The URL's scheme in lower case (`https`), or null for a relative URL. */
export function schemeOf(url: string): string | null {
  // Browsers ignore tabs, newlines and leading spaces in a scheme; so must we.
  const match = SCHEME.exec(url.replace(/[\t\n\r]/g, '').trimStart());
  return match ? match[1]!.toLowerCase() : null;
}

/** True for a scheme that can run script (`javascript:`, `vbscript:`, `data:`, `file:`). */
export function isDangerousScheme(scheme: string | null): boolean {
  return scheme !== null && DANGEROUS_SCHEMES.includes(scheme);
}

const shown = (url: string) => JSON.stringify(url.length > 80 ? `${url.slice(0, 77)}...` : url);

/** Schemes of other tools, never a typo of a web one (`ssh:` is not a misspelt `sms:`). */
const OTHER_TOOLS = new Set(['ssh', 'git', 'sftp', 'svn', 's3', 'smb', 'ldap', 'telnet', 'ws', 'wss', 'rsync', 'nntp']);

/** The known scheme a typo is close to (`hhttps` → `https`, `ttps` → `https`, `mail` → `mailto`), if any. */
function suggestion(scheme: string): string | undefined {
  if (scheme.length < 3 || OTHER_TOOLS.has(scheme)) return undefined;
  return scheme === 'mail' ? 'mailto' : closest(scheme, [...LINK_SCHEMES, ...OLD_SCHEMES]);
}

/** A link that lost part of its scheme: the full URL it was meant to be, and what went wrong. */
export interface SchemeRepair {
  /** `https://blog.example.com/x` for `https//blog.example.com/x`. */
  url: string;
  /** What is wrong, as the start of a message. */
  why: string;
}

/**
 * Top-level domains common enough that `example.com/page` written without a
 * scheme is surely a host and not a file beside the page. Endings that are
 * also file types (`.md`, `.py`, `.rs`, `.sh`) are left out: `notes.md` is
 * a file.
 */
const HOST_ENDINGS = new Set(
  'com org net io ai dev app co edu gov info me tv xyz us uk de fr jp cn ru ca au in nl eu ch se no es it br kr tw hk sg nz be at dk fi ie il news blog tech'.split(
    ' ',
  ),
);
/** A host name as the first thing of a URL: labels, then an ending of letters; and what follows it, if anything. */
const BARE_HOST = /^((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,24}))(?=$|[/?#:])/i;
/** An email address written without `mailto:`. */
const BARE_EMAIL = /^[^\s@/:?#]+@(?:[a-z0-9-]+\.)+[a-z]{2,24}$/i;

/**
 * The full URL a link that lost part of its scheme was meant to be
 * (`www.example.com/x`, `example.com/x`, `https//…`, `http//…`, an email
 * address without `mailto:` → a link to a page of this site; `https:/…`,
 * `https:…` → not opened by every reader), or null.
 */
export function schemeRepair(url: string): SchemeRepair | null {
  const text = url.trim();
  const twice = /^(https?):\/\/(https?:\/\/)(?=[a-z0-9])/i.exec(text);
  if (twice) return { url: `${twice[2]!.toLowerCase()}${text.slice(twice[0].length)}`, why: 'has its scheme twice' };
  // `+1-555-123-4567` or `(555) 123-4567` is read as a file beside the page (`2024-01-05` may be one).
  if (/^(?:\+|\(\d)[\d\s().-]{5,}\d$/.test(text) && (text.match(/\d/g)?.length ?? 0) >= 7)
    return {
      url: `tel:${text.replace(/[^\d+]/g, '')}`,
      why: 'is a phone number without tel:, so it would link to a page of this site',
    };
  const noColon = /^(https?)\/\/(?=[a-z0-9])/i.exec(text);
  if (noColon) {
    const scheme = noColon[1]!.toLowerCase();
    return {
      url: `${scheme}://${text.slice(noColon[0].length)}`,
      why: `has no scheme (the ":" after ${scheme} is missing), so it would link to a page of this site`,
    };
  }
  const fewSlashes = /^(https?):\/?(?=[a-z0-9])/i.exec(text);
  if (fewSlashes) {
    const scheme = fewSlashes[1]!.toLowerCase();
    return { url: `${scheme}://${text.slice(fewSlashes[0].length)}`, why: `has too few slashes after ${scheme}:` };
  }
  if (/^www\.[a-z0-9-]+\.[a-z]/i.test(text) || HOST_ENDINGS.has(BARE_HOST.exec(text)?.[2]?.toLowerCase() ?? ''))
    return { url: `https://${text}`, why: 'has no scheme, so it would link to a page of this site' };
  if (BARE_EMAIL.test(text))
    return {
      url: `mailto:${text}`,
      why: 'is an email address without mailto:, so it would link to a page of this site',
    };
  return null;
}

/** Why a link's URL breaks the rules, or null when it is fine. */
export function linkUrlProblem(url: string): UrlProblem | null {
  if (!url.trim())
    return {
      message: 'a link without an address opens this same page; put the URL between the ()',
      severity: 'warning',
    };
  const repaired = schemeRepair(url);
  if (repaired)
    return { message: `${shown(url)} ${repaired.why}; did you mean ${shown(repaired.url)}?`, severity: 'error' };
  const scheme = schemeOf(url);
  if (isDangerousScheme(scheme)) {
    return { message: `${scheme}: links ${DANGEROUS[scheme!]}; not allowed, got ${shown(url)}`, severity: 'error' };
  }
  if (scheme !== null && OLD_SCHEMES.includes(scheme)) {
    return {
      message: `${scheme}: links no longer open in browsers; link to an https: page if there is one, got ${shown(url)}`,
      severity: 'warning',
    };
  }
  if (scheme !== null && !LINK_SCHEMES.includes(scheme)) {
    const guess = suggestion(scheme);
    return {
      message: guess
        ? `${shown(url)}: did you mean ${guess}:? Expected ${KNOWN}`
        : `${shown(url)}: unknown scheme "${scheme}:"; expected ${KNOWN}`,
      severity: 'error',
    };
  }
  const kind = classifyUrl(url);
  if (kind.kind === 'bad-thread') {
    return {
      message: `expected a ${kind.forum.name} thread URL like ${kind.forum.example}, got ${shown(url)}`,
      severity: 'error',
    };
  }
  if (kind.kind === 'bad-profile') {
    return {
      message: `expected a ${kind.forum.name} profile URL like ${kind.forum.profile}, got ${shown(url)}`,
      severity: 'error',
    };
  }
  return null;
}

/** Why an image (or video, audio) source breaks the rules, or null when it is fine. */
export function mediaUrlProblem(url: string): UrlProblem | null {
  const repaired = schemeRepair(url);
  if (repaired)
    return { message: `${shown(url)} ${repaired.why}; did you mean ${shown(repaired.url)}?`, severity: 'error' };
  const scheme = schemeOf(url);
  if (scheme === null || MEDIA_SCHEMES.includes(scheme)) return null;
  if (scheme === 'http') {
    return {
      message: `http: source ${shown(url)} is published as https: (an https: page cannot load http: media); check that it loads`,
      severity: 'warning',
    };
  }
  if (isDangerousScheme(scheme)) {
    return { message: `${scheme}: sources ${DANGEROUS[scheme!]}; not allowed, got ${shown(url)}`, severity: 'error' };
  }
  const guess = suggestion(scheme);
  const hint = guess ? ` (did you mean ${guess}:?)` : '';
  return { message: `expected an https: or relative source, got ${shown(url)}${hint}`, severity: 'error' };
}

/**
 * A URL as published: its scheme in lower case. Schemes are not case
 * sensitive, and `HTTPS://example.org` is a link like any other, but the
 * sanitizer's allow-list reads them in lower case only.
 */
export function publishedUrl(url: string): string {
  const scheme = SCHEME.exec(url.trimStart());
  return scheme && /[A-Z]/.test(scheme[1]!) ? url.trimStart().replace(SCHEME, (s) => s.toLowerCase()) : url;
}

/** The source as published: the scheme in lower case, and `http:` becomes `https:`, as browsers do anyway. */
export function publishedMediaUrl(url: string): string {
  const published = publishedUrl(url);
  return schemeOf(published) === 'http' ? published.trimStart().replace(/^http:/, 'https:') : published;
}
