/**
 * The link-preview image of an edition (or of the site): a 1200×630 PNG made
 * at build time with satori (layout to SVG) and resvg (SVG to pixels), with
 * Inter and Noto fonts from @fontsource (see `social-fonts.ts`), so it builds
 * offline and draws every script and emoji the text uses.
 */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import type { Edition } from '../schemas/edition-model.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { encodePng } from './png.ts';
import { socialImageTexts } from './social-texts.ts';
import { fallbackFor, fontsFor, ROOT_FONT, type TextRun, type Weight } from './social-fonts.ts';

/** The size of the image, in pixels. */
export const SOCIAL_IMAGE = { width: 1200, height: 630 };

/** Most combining marks kept on one letter: real scripts stack up to three or so; "Zalgo" text stacks hundreds. */
const MAX_MARKS = 3;
const MARK_RUN = new RegExp(`(\\p{M}{${MAX_MARKS}})\\p{M}+`, 'gu');

/**
 * The text as satori should get it: without variation selectors and skin
 * tones (they choose colours, and the emoji font is monochrome, as satori
 * cannot draw colour fonts), with at most `MAX_MARKS` combining marks in a
 * row (satori sets each mark no font joins as a box of its own, so a title of
 * stacked marks ran thousands of pixels off the image), and with a zero-width
 * space between an emoji and a space, or satori would draw the space with the
 * emoji font's, which is more than an em wide.
 */
const plain = (text: string) =>
  text
    .replace(/[\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]/gu, '')
    .replace(MARK_RUN, '$1')
    .replace(/(\p{Extended_Pictographic}|\p{RI}|\u20E3)(?=\s)/gu, '$1\u200B');

// Han, kana, Hangul and full-width forms take about twice the width of a Latin letter.
const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cuts text at a word (or a character, for scripts without spaces) so it fits
 * in `max` Latin letters; a combining mark past a letter's first counts as a
 * letter, since satori may set it beside the letter rather than on it.
 */
function clip(raw: string, max: number): string {
  const text = raw.replace(MARK_RUN, '$1');
  let width = 0;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    width += (WIDE.test(segment) ? 2 : 1) + Math.max(0, (segment.match(/\p{M}/gu)?.length ?? 0) - 1);
    if (width > max - 1) {
      const cut = text.slice(0, end);
      const space = cut.lastIndexOf(' ');
      return `${space > 0 ? cut.slice(0, space) : cut}…`;
    }
    end = index + segment.length;
  }
  return text;
}

/** `rtl` when the first letter is Hebrew or Arabic script, like `dir="auto"`. */
function direction(text: string): 'rtl' | 'ltr' {
  const letter = /\p{L}/u.exec(text)?.[0] ?? '';
  return /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]|\p{scx=Syrc}|\p{scx=Thaa}|\p{scx=Nkoo}/u.test(letter)
    ? 'rtl'
    : 'ltr';
}

const DOT = { width: 10.5, height: 10.5, flexShrink: 0, borderRadius: 5.25 };

type Node = { type: string; props: { style: Record<string, unknown>; children?: unknown } };
const el = (style: Record<string, unknown>, children?: unknown): Node => ({ type: 'div', props: { style, children } });

/** Builds the image's element tree, and notes every text it draws and in which weight. */
function tree(edition: Edition | undefined, site: SiteSettings, runs: TextRun[]): Node {
  const text = (value: string, weight: Weight, style: Record<string, unknown>): Node => {
    const shown = plain(value);
    runs.push({ text: shown, weight });
    // `break-word`: a word longer than the line (a URL, a run of marks) wraps instead of running off the image.
    const layout = { display: 'flex', fontWeight: weight, direction: direction(shown), wordBreak: 'break-word' };
    return el({ ...layout, ...style }, shown);
  };
  const wide = { width: SOCIAL_IMAGE.width - 144, lineHeight: 1.2 };
  const colours = site.social;
  const says = socialImageTexts(edition, site);
  let body: Node;
  if (!edition) body = text(clip(says.headline ?? '', 200), 700, { ...wide, fontSize: 42 });
  else if (says.headline !== null) {
    body = text(clip(says.headline, 90), 700, { ...wide, fontSize: 64 });
  } else {
    const rows = says.titles.map((sectionTitle) => {
      const title = text(clip(sectionTitle, 58), 700, { lineHeight: 1.3 });
      // The bullet is a dot where Inter Bold's "•" was (a text node costs more), at the
      // start of the line: on the right of a right-to-left title.
      const dir = title.props.style['direction'];
      return el({ display: 'flex', direction: dir, fontSize: 34, marginBottom: 14 }, [
        el({ ...DOT, background: colours.accent, marginTop: 19.25, marginInlineStart: 2.75, marginInlineEnd: 21.75 }),
        title,
      ]);
    });
    if (says.more) rows.push(text(says.more, 400, { fontSize: 28, color: colours.secondary }));
    body = el({ display: 'flex', flexDirection: 'column' }, rows);
  }
  return el(
    {
      ...SOCIAL_IMAGE,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 72px',
      background: colours.background,
      color: colours.text,
      fontFamily: ROOT_FONT,
    },
    [
      el({ display: 'flex', flexDirection: 'column' }, [
        // Spaced letters would break the joins of Arabic script.
        text(says.name, 700, {
          fontSize: 36,
          color: colours.secondary,
          letterSpacing: direction(says.name) === 'rtl' ? 0 : 1,
        }),
        text(says.dateline, 400, { fontSize: 30, color: colours.accent, marginTop: 8 }),
      ]),
      body,
      el({ display: 'flex', height: 6, width: 160, background: colours.accent }),
    ],
  );
}

const warned = new Set<string>();
function warnMissing(chars: string): void {
  const fresh = [...chars].filter((char) => !warned.has(char));
  fresh.forEach((char) => warned.add(char));
  if (fresh.length)
    console.warn(
      `social image: no font has ${fresh.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase()})`).join(', ')}`,
    );
}

/**
 * The image as SVG (satori's layout), for an edition or for the site.
 * `onMissingGlyph` hears of characters no installed font can draw (by
 * default, a warning once per character).
 */
export async function socialImageSvg(
  edition: Edition | undefined,
  site: SiteSettings,
  onMissingGlyph: (chars: string) => void = warnMissing,
): Promise<string> {
  const runs: TextRun[] = [];
  const element = tree(edition, site, runs);
  const fonts = fontsFor(runs, site.lang);
  // Inter has every character of Latin-1; satori checks the others in the fonts, at a cost.
  const check = runs.some(({ text }) => /[^\u0000-\u00FF]/.test(text));
  return satori(element as never, {
    ...SOCIAL_IMAGE,
    fonts,
    ...(check && { loadAdditionalAsset: async (_code, segment) => fallbackFor(segment, fonts, onMissingGlyph) }),
  });
}

/** Draws an SVG of `socialImageSvg` as a PNG. */
export function svgToPng(svg: string): Buffer {
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  // The background is opaque, so resvg's premultiplied pixels are plain RGBA.
  return encodePng(image.pixels, image.width, image.height);
}

/** Renders the PNG for an edition, or for the site when `edition` is undefined. */
export async function socialImagePng(edition: Edition | undefined, site: SiteSettings): Promise<Buffer> {
  return svgToPng(await socialImageSvg(edition, site));
}
