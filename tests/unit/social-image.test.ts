/** The social image draws every script and emoji a title may use, as a valid 1200×630 PNG of the pixels drawn. */
import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { fontsFor } from '../../src/render/social-fonts.ts';
import { encodePng } from '../../src/render/png.ts';
import { SOCIAL_IMAGE, socialImageSvg, svgToPng } from '../../src/render/social-image.ts';
import type { Edition } from '../../src/schemas/edition-model.ts';
import type { SiteSettings } from '../../src/schemas/site.ts';
import { TEST_SITE as SITE } from '../support/site.ts';

function edition(titles: string[], headline: string | null = null): Edition {
  return {
    number: 12,
    file: 'content/editions/2026-03-22-edition-12.md',
    date: '2026-03-22T12:14:00-04:00',
    hasTime: true,
    headline,
    description: '',
    descriptionGiven: false,
    draft: false,
    introHtml: '',
    sections: titles.map((title, i) => ({ id: `s${i}`, title, excerpt: '', html: '', threads: [], topics: [] })),
    threads: [],
    redirectFrom: [],
  };
}

// Titles and the site language they come with.
const TITLES: [string, string, string][] = [
  ['zh-Hans', 'zh-CN', '开源模型的推理成本下降了一半'],
  ['zh-Hant', 'zh-TW', '開源模型的推理成本下降了一半，臺灣廠商擴產'],
  ['ja', 'ja', 'オープンモデルの推論コストが半分に'],
  ['ko', 'ko', '오픈 모델의 추론 비용이 절반으로'],
  ['ar', 'ar', 'انخفضت تكلفة الاستدلال للنماذج المفتوحة'],
  ['he', 'he', 'עלות ההסקה של מודלים פתוחים ירדה בחצי'],
  ['hi', 'hi', 'खुले मॉडलों की अनुमान लागत आधी हुई'],
  ['ru', 'ru', 'Стоимость вывода открытых моделей упала вдвое'],
  ['el', 'el', 'Το κόστος των ανοιχτών μοντέλων μειώθηκε'],
  ['emoji', 'en-US', 'Launch day 🚀 for the new agents 🤖 ❤️ 🇯🇵 👨‍👩‍👧 👍🏽'],
];

/** The characters satori found no font for while laying out the image. */
async function missing(ed: Edition | undefined, site: SiteSettings): Promise<string> {
  let chars = '';
  await socialImageSvg(ed, site, (c) => (chars += c));
  return chars;
}

/** A PNG's size and its pixels as RGBA, read back after checking its structure (8-bit, unfiltered rows). */
function readPng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const chunks = new Map<string, Buffer[]>();
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    chunks.set(type, [...(chunks.get(type) ?? []), png.subarray(at + 8, at + 8 + length)]);
    at += 12 + length;
    if (type === 'IEND') expect(at).toBe(png.length);
  }
  const [depth, colour] = [png[24], png[25]];
  const channels = { 3: 1, 2: 3, 6: 4 }[colour as 3 | 2 | 6];
  const rows = inflateSync(Buffer.concat(chunks.get('IDAT')!));
  expect([depth, rows.length]).toEqual([8, (width * channels + 1) * height]);
  const palette = chunks.get('PLTE')?.[0];
  const alpha = chunks.get('tRNS')?.[0];
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = rows.subarray(y * (width * channels + 1), (y + 1) * (width * channels + 1));
    expect(row[0]).toBe(0);
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      if (palette) {
        const i = row[1 + x]!;
        palette.copy(rgba, at, i * 3, i * 3 + 3);
        rgba[at + 3] = alpha?.[i] ?? 255;
      } else {
        row.copy(rgba, at, 1 + x * channels, 1 + (x + 1) * channels);
        if (channels === 3) rgba[at + 3] = 255;
      }
    }
  }
  return { width, height, colour, rgba };
}

describe('social image', () => {
  it.each(TITLES)('draws a %s title with no missing glyph', async (_, lang, title) => {
    expect(await missing(edition([title, 'A second story']), { ...SITE, lang })).toBe('');
    expect(await missing(edition([], title), { ...SITE, lang })).toBe('');
  });

  it('draws the site name and the dateline through the same fonts', async () => {
    const site = { ...SITE, name: 'AI プラットフォーム 🤖', lang: 'ja' };
    expect(await missing(edition(['A story']), site)).toBe('');
    expect(await missing(undefined, { ...site, description: 'منصات الذكاء الاصطناعي — Платформы ИИ' })).toBe('');
  });

  it('reports a character no font has (the check above can fail)', async () => {
    expect(await missing(edition(['Javanese ꦲꦏ']), SITE)).toContain('ꦲ');
  });

  it('puts the dots of Arabic letters on the right side (satori y offsets, see font-data.ts)', async () => {
    // The top of the headline's glyphs, in px from the top of the image.
    const top = async (headline: string) => {
      const svg = await socialImageSvg(edition([], headline), { ...SITE, lang: 'ar' });
      const path = /<path fill="#ffffff" d="([^"]+)"/.exec(svg)?.[1] ?? '';
      const ys = (path.match(/-?[\d.]+/g) ?? []).map(Number).filter((_, i) => i % 2 === 1);
      return Math.min(...ys);
    };
    // Teh marbuta is heh with two dots above; yeh has two dots below, alef maksura none.
    expect(await top('ة')).toBeLessThan((await top('ه')) - 5);
    const [yeh, maksura] = [await top('في'), await top('فى')];
    expect(yeh).toBeCloseTo(maksura, 0);
  });

  it('loads only the font files a text needs, as the same array for the same files', () => {
    const latin = fontsFor([{ text: 'Plain Latin — “quotes” café', weight: 700 }], 'en');
    expect(latin.map((f) => `${f.name}@${f.weight}`)).toEqual(['inter-latin@400', 'inter-latin@700']);
    const chinese = fontsFor([{ text: '推理成本', weight: 700 }], 'zh-CN');
    expect(chinese.slice(2).every((f) => f.name.startsWith('noto-sans-sc-') && f.weight === 700)).toBe(true);
    expect(fontsFor([{ text: '成本推理', weight: 700 }], 'zh-CN')).toBe(chinese);
    // Japanese kana bring the Japanese forms of Han characters first.
    expect(fontsFor([{ text: '推論のコスト', weight: 700 }], 'en')[2]?.name).toMatch(/^noto-sans-jp-/);
  });

  it('is a valid 1200×630 PNG with exactly the pixels drawn: a palette for a few colours, else RGB', async () => {
    const titles = ['开源模型的推理成本', 'انخفضت تكلفة', 'Launch 🚀', 'Four', 'Five'];
    for (const ed of [edition(titles), undefined]) {
      const svg = await socialImageSvg(ed, SITE);
      const drawn = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
      const png = readPng(svgToPng(svg));
      expect({ ...png, rgba: undefined }).toEqual({ width: 1200, height: 630, colour: 3, rgba: undefined });
      expect(png.rgba.equals(drawn)).toBe(true);
    }
  });

  it('writes an image of many colours as RGB, and one with see-through pixels as RGBA, pixel for pixel', () => {
    const [width, height] = [300, 2];
    const many = Buffer.alloc(width * height * 4, 255);
    for (let i = 0; i < width * height; i++) many.writeUInt16BE(i, i * 4);
    const read = readPng(encodePng(many, width, height));
    expect([read.colour, read.rgba.equals(many)]).toEqual([2, true]);
    const seeThrough = Buffer.from(many);
    seeThrough[7] = 128;
    const again = readPng(encodePng(seeThrough, width, height));
    expect([again.colour, again.rgba.equals(seeThrough)]).toEqual([6, true]);
    const fewSeeThrough = Buffer.alloc(width * height * 4, 0);
    fewSeeThrough[3] = 255;
    const few = readPng(encodePng(fewSeeThrough, width, height));
    expect([few.colour, few.rgba.equals(fewSeeThrough)]).toEqual([3, true]);
  });
});

/** The box every outline the SVG draws lies in: the extremes of its move and line points. */
async function inkBox(ed: Edition) {
  const svg = await socialImageSvg(ed, SITE, () => {});
  const points = [...svg.matchAll(/ d="([^"]+)"/g)].flatMap((m) =>
    [...m[1]!.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((p) => [Number(p[1]), Number(p[2])] as const),
  );
  expect(points.length).toBeGreaterThan(100);
  return {
    right: Math.max(...points.map(([x]) => x)),
    bottom: Math.max(...points.map(([, y]) => y)),
  };
}

const HOSTILE: [string, string][] = [
  ['a letter under 300 stacked marks', `Z${'\u0301\u0316\u0337'.repeat(100)}algo`],
  ['80 letters with three marks each', 'a\u0301\u0316\u0337'.repeat(80)],
  ['a title of marks alone', '\u0301'.repeat(400)],
  ['one word longer than the line', 'a'.repeat(80)],
];
// The image's 72 px side padding: no outline may pass it.
const RIGHT = SOCIAL_IMAGE.width - 72;

describe('the social image keeps a hostile title inside it', () => {
  it.each(HOSTILE)('as the headline: %s', async (_, title) => {
    const box = await inkBox(edition([], title));
    expect(box.right).toBeLessThanOrEqual(RIGHT);
    expect(box.bottom).toBeLessThanOrEqual(SOCIAL_IMAGE.height);
  });

  it.each(HOSTILE)('as a story title: %s', async (_, title) => {
    const box = await inkBox(edition([title, 'A second story']));
    expect(box.right).toBeLessThanOrEqual(RIGHT);
    expect(box.bottom).toBeLessThanOrEqual(SOCIAL_IMAGE.height);
  });
});
