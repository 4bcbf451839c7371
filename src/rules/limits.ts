/**
 * The edition format's limits: how big, how deep and how slow an edition may
 * be. Past them a file is an error that names it, never a crash or a hang.
 * The numbers are public (README, "Limits"); the checks here are cheap scans
 * made before anything expensive runs.
 */

/** Largest edition file, in bytes. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Deepest nesting of lists, quotes, emphasis, links and raw HTML elements. */
export const MAX_DEPTH = 100;
/** Most YAML aliases (`*name`) a front matter or topics file may expand. */
export const MAX_YAML_ALIASES = 50;
/** Longest one edition may take to compile before it is reported instead. */
export const COMPILE_BUDGET_MS = 10_000;
/**
 * Longest the settings module (and what it imports) may take to load:
 * `scripts/require-node.js` loads it in a child process first and stops it
 * there. Plain values load in a fraction of a second.
 */
export const SETTINGS_BUDGET_MS = 10_000;
/**
 * Longest `topics.yaml` may take to read. The YAML parser takes seconds per
 * MB for some shapes (2 MB of `[` took 15 s, a flow list of a million items
 * 9 s): a large file is read in a child process stopped at the budget.
 */
export const TOPICS_BUDGET_MS = 10_000;
/**
 * Most emphasis (`*`, `_`) or bracket (`[`) markers in one paragraph:
 * CommonMark's delimiter matching is quadratic in them (10,000 take about
 * a second here; 300 KB of them never finish), and no real edition comes
 * near.
 */
export const MAX_MARKERS_PER_BLOCK = 10_000;

/** C0 and C1 control characters other than tab and newline, and the non-characters U+FFFE and U+FFFF. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/**
 * The bidi embedding, override and isolate controls (U+202A–U+202E,
 * U+2066–U+2069). In a title, description or heading they are removed with a
 * warning: an unterminated U+202E reverses the rest of a tab title, feed
 * entry or email subject, which the edition cannot close for it.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** "U+001B" for a character. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** "2.3 MB". */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The first paragraph (run of non-blank lines) with too many emphasis or bracket markers, if any. */
export function crowdedBlock(text: string, firstLine = 1): { line: number; count: number; kind: string } | null {
  let blockLine = firstLine;
  let emphasis = 0;
  let brackets = 0;
  const lines = text.split('\n');
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    if (line === undefined || !line.trim()) {
      if (emphasis > MAX_MARKERS_PER_BLOCK) return { line: blockLine, count: emphasis, kind: 'emphasis ("*", "_")' };
      if (brackets > MAX_MARKERS_PER_BLOCK) return { line: blockLine, count: brackets, kind: 'bracket ("[")' };
      emphasis = brackets = 0;
      blockLine = firstLine + i + 1;
      continue;
    }
    for (let j = 0; j < line.length; j++) {
      const c = line.charCodeAt(j);
      if (c === 42 || c === 95) emphasis++;
      else if (c === 91) brackets++;
    }
  }
  return null;
}

/** How deeply a tree nests, counted without recursion; with the line where the deepest node starts. */
export function treeDepth(root: { children?: unknown[]; position?: { start: { line: number } } | undefined }): {
  depth: number;
  line: number | undefined;
} {
  type N = { children?: N[]; position?: { start: { line: number } } | undefined };
  let deepest = { depth: 0, line: undefined as number | undefined };
  const stack: [N, number][] = [[root as N, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest.depth) deepest = { depth, line: node.position?.start.line };
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** A block quote, bullet or ordered-list marker that opens a container at the start of a line. */
const CONTAINER = /^[ \t]{0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
/** A thematic break (`- - -`, `* * *`), which is one line, not nested lists. */
const THEMATIC_BREAK = /^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * The first line that opens more than `MAX_DEPTH` containers at its start
 * (`1. 1. 1. …`, `> - > - …`): found without parsing, since the parser
 * takes seconds per few thousand of them before any depth check can run.
 */
export function deepLine(text: string, firstLine = 1): { line: number; depth: number } | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let rest = lines[i]!;
    if (!CONTAINER.test(rest) || THEMATIC_BREAK.test(rest)) continue;
    let depth = 0;
    for (let match; (match = CONTAINER.exec(rest)) && !THEMATIC_BREAK.test(rest); rest = rest.slice(match[0].length))
      depth++;
    if (depth > MAX_DEPTH) return { line: firstLine + i, depth };
  }
  return null;
}
