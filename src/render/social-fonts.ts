/**
 * Fonts for the social image. Inter draws Latin, Cyrillic, Greek and
 * Vietnamese; Noto draws emoji (monochrome), Arabic, Hebrew, Devanagari and
 * CJK. Every font comes from an installed @fontsource package as per-range
 * subset files; their CSS says which code points each file covers, so an
 * image loads only the files its text uses, each read once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Font as FontOptions } from 'satori';
import { negateGposY, unwoff } from './font-data.ts';

const require = createRequire(import.meta.url);

/** The weights the image uses. */
export type Weight = 400 | 700;
/** A piece of text of the image and the weight it is drawn in. */
export type TextRun = { text: string; weight: Weight };

/** One subset file pair (400 and 700) of a family, and the code points it covers. */
type Face = { id: string; dir: string; ranges: Uint32Array };
type Family = { faces: Face[]; memo: Map<number, Face | null> };

const families = new Map<string, Family>();

/** Reads a @fontsource package's `400.css`: one face per subset, last declared first, as browsers prefer it. */
function family(pkg: string): Family {
  let found = families.get(pkg);
  if (found) return found;
  const css = require.resolve(`${pkg}/400.css`);
  const faces: Face[] = [];
  for (const [, block = ''] of readFileSync(css, 'utf8').matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const file = /url\(\.\/files\/([^)]+)-400-normal\.woff\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const bounds = range.split(',').flatMap((part) => {
      const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from, 16), parseInt(to, 16)];
    });
    faces.unshift({ id: file, dir: join(dirname(css), 'files'), ranges: Uint32Array.from(bounds) });
  }
  found = { faces, memo: new Map() };
  families.set(pkg, found);
  return found;
}

/** The face of `fam` that covers `cp`, if any. */
function faceFor(fam: Family, cp: number): Face | null {
  let face = fam.memo.get(cp);
  if (face !== undefined) return face;
  face =
    fam.faces.find(({ ranges }) => {
      for (let i = 0; i < ranges.length; i += 2) if (cp >= ranges[i]! && cp <= ranges[i + 1]!) return true;
      return false;
    }) ?? null;
  fam.memo.set(cp, face);
  return face;
}

const INTER = '@fontsource/inter';
const SCRIPTS = [
  '@fontsource/noto-emoji',
  '@fontsource/noto-sans-arabic',
  '@fontsource/noto-sans-hebrew',
  '@fontsource/noto-sans-devanagari',
];
const CJK = {
  sc: '@fontsource/noto-sans-sc',
  tc: '@fontsource/noto-sans-tc',
  jp: '@fontsource/noto-sans-jp',
  kr: '@fontsource/noto-sans-kr',
};

/**
 * Families in the order they are tried. Han characters look different in
 * Chinese, Japanese and Korean, so the CJK family that goes first follows
 * the text (kana means Japanese, Hangul Korean) and else the site language.
 */
function familyOrder(text: string, lang: string): string[] {
  const tag = lang.toLowerCase();
  let first: keyof typeof CJK = 'sc';
  if (/\p{scx=Hira}|\p{scx=Kana}/u.test(text)) first = 'jp';
  else if (/\p{scx=Hangul}/u.test(text)) first = 'kr';
  else if (/^zh-(tw|hk|mo|hant)/.test(tag)) first = 'tc';
  else if (tag.startsWith('ja')) first = 'jp';
  else if (tag.startsWith('ko')) first = 'kr';
  const cjk = [CJK[first], ...Object.values(CJK).filter((pkg) => pkg !== CJK[first])];
  return [INTER, ...SCRIPTS, ...cjk];
}

const bytes = new Map<string, Buffer>();
/** The options satori takes for a face at a weight; the file is read once, so satori parses it once. */
function option(face: Face, weight: Weight): FontOptions {
  const file = join(face.dir, `${face.id}-${weight}-normal.woff`);
  let data = bytes.get(file);
  if (!data) bytes.set(file, (data = negateGposY(unwoff(readFileSync(file)))));
  // Each subset has its own name: satori keeps one font per name and weight.
  return { name: face.id, data, weight, style: 'normal' };
}

/** The family name to put on the root element: Inter's Latin subset, the others follow as fallbacks. */
export const ROOT_FONT = 'inter-latin';

const arrays = new Map<string, FontOptions[]>();
const MAX_ARRAYS = 64;

/**
 * The fonts satori needs to draw `runs`: Inter's Latin subset at both
 * weights, then each subset file a character needs, in the order the
 * families are tried. The same set of files gives the same array, which
 * satori keeps its parsed fonts and shaped text for.
 */
export function fontsFor(runs: readonly TextRun[], lang: string): FontOptions[] {
  const order = familyOrder(runs.map((run) => run.text).join(''), lang).map(family);
  const needed = new Map<string, [Face, Weight, number]>();
  for (const { text, weight } of runs) {
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      if (cp < 0x80) continue;
      for (const [rank, fam] of order.entries()) {
        const face = faceFor(fam, cp);
        if (face) {
          needed.set(`${face.id}@${weight}`, [face, weight, rank]);
          break;
        }
      }
    }
  }
  const inter = faceFor(family(INTER), 0x41)!;
  needed.delete(`${inter.id}@400`);
  needed.delete(`${inter.id}@700`);
  // The rank is in the key: the same files in another order of families are another array.
  const key = [...needed]
    .map(([id, [, , rank]]) => `${rank}:${id}`)
    .sort()
    .join(' ');
  let fonts = arrays.get(key);
  if (fonts) {
    arrays.delete(key);
  } else {
    const extra = [...needed.values()].sort((a, b) => a[2] - b[2] || a[0].id.localeCompare(b[0].id) || a[1] - b[1]);
    fonts = [option(inter, 400), option(inter, 700), ...extra.map(([face, weight]) => option(face, weight))];
    if (arrays.size >= MAX_ARRAYS) arrays.delete(arrays.keys().next().value!);
  }
  arrays.set(key, fonts);
  return fonts;
}

/**
 * For satori's `loadAdditionalAsset`: the faces, other than those in
 * `fonts`, whose ranges cover the characters of a segment no font could
 * draw. Calls `onMissing` with the characters that are left without one.
 */
export function fallbackFor(
  segment: string,
  fonts: readonly FontOptions[],
  onMissing: (chars: string) => void,
): FontOptions[] {
  const present = new Set(fonts.map((font) => font.name));
  const found: FontOptions[] = [];
  let missing = '';
  for (const char of new Set(segment)) {
    const cp = char.codePointAt(0)!;
    const faces = familyOrder(char, 'und')
      .map((pkg) => faceFor(family(pkg), cp))
      .filter((face): face is Face => face !== null && !present.has(face.id));
    if (faces.length === 0) missing += char;
    for (const face of faces) {
      present.add(face.id);
      found.push(option(face, 400), option(face, 700));
    }
  }
  if (missing) onMissing(missing);
  return found;
}
