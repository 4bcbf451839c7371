/**
 * The link-preview image of an edition (or of the site): a 1200×630 PNG made
 * at build time with satori (layout to SVG) and resvg (SVG to PNG), with the
 * Inter font from @fontsource/inter, so it builds offline.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import type { Edition } from '../schemas/edition-model.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { encodePng } from './png.ts';

/** The size of the image, in pixels. */
export const SOCIAL_IMAGE = { width: 1200, height: 630 };

const require = createRequire(import.meta.url);
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

function loadFonts() {
  fonts ??= (['latin', 'latin-ext'] as const).flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      name: 'Inter',
      data: readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)),
      weight,
      style: 'normal' as const,
    })),
  );
  return fonts;
}

/** Cuts text at a word so it fits on a line of the image. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({
  type,
  props: { style, children },
});

/** What the image says: the headline, or else the section titles. */
function body(edition: Edition | undefined, site: SiteSettings): Node {
  const text = { display: 'flex', width: SOCIAL_IMAGE.width - 144, fontWeight: 700, lineHeight: 1.2 };
  if (!edition) return el('div', { ...text, fontSize: 42 }, clip(site.description, 200));
  if (edition.headline || edition.sections.length === 0) {
    return el('div', { ...text, fontSize: 64 }, clip(edition.headline ?? `Edition ${edition.number}`, 90));
  }
  const titles = edition.sections
    .slice(0, 4)
    .map((s) =>
      el('div', { display: 'flex', fontSize: 34, fontWeight: 700, lineHeight: 1.3, marginBottom: 14 }, [
        el('div', { color: '#f6c177', marginRight: 18 }, '•'),
        el('div', { display: 'flex' }, clip(s.title, 58)),
      ]),
    );
  if (edition.sections.length > 4) {
    titles.push(el('div', { fontSize: 28, color: '#cfe0f5' }, `and ${edition.sections.length - 4} more`));
  }
  return el('div', { display: 'flex', flexDirection: 'column' }, titles);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** "March 22, 2026" in the site's time zone and language (as `formatDate` of `dates.ts`), with the formatter kept. */
function formatDate(iso: string, timeZone: string, lang: string): string {
  const key = `${timeZone} ${lang}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { timeZone, year: 'numeric', month: 'long', day: 'numeric' });
    dateFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

/** The image as SVG (satori's layout), for an edition or for the site. */
export async function socialImageSvg(edition: Edition | undefined, site: SiteSettings): Promise<string> {
  const footer = edition
    ? `Edition ${edition.number} · ${formatDate(edition.date, site.timeZone, site.lang)}`
    : 'Every edition, with the discussions';
  const tree = el(
    'div',
    {
      width: SOCIAL_IMAGE.width,
      height: SOCIAL_IMAGE.height,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 72px',
      background: '#1f3a5f',
      color: '#ffffff',
      fontFamily: 'Inter',
    },
    [
      el('div', { display: 'flex', flexDirection: 'column' }, [
        el('div', { display: 'flex', fontSize: 36, fontWeight: 700, color: '#cfe0f5', letterSpacing: 1 }, site.name),
        el('div', { display: 'flex', fontSize: 30, color: '#f6c177', marginTop: 8 }, footer),
      ]),
      body(edition, site),
      el('div', { display: 'flex', height: 6, width: 160, background: '#f6c177' }),
    ],
  );
  return satori(tree as never, { ...SOCIAL_IMAGE, fonts: loadFonts() });
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
