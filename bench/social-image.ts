/**
 * Where the time of a social image goes: satori (layout to SVG), resvg
 * parsing the SVG, drawing it, and encoding the PNG, over synthetic editions
 * (no headline, five section titles). `node bench/social-image.ts [latin|cjk|mixed] [N]`
 * prints the first image's time and the medians of the next N.
 */
import { Resvg } from '@resvg/resvg-js';
import { encodePng } from '../src/render/png.ts';
import { socialImagePng, socialImageSvg, svgToPng } from '../src/render/social-image.ts';
import type { Edition } from '../src/schemas/edition-model.ts';
import { random } from './generate.ts';
import { TEST_SITE as SITE } from '../tests/support/site.ts';

const WORDS =
  'model inference platform latency token cache memory quantization throughput serving cluster vendor open weights benchmark context window agent'.split(
    ' ',
  );
// Common Han characters, so titles reach many of the font's subsets.
const HAN =
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切';

function title(rnd: () => number, script: 'latin' | 'cjk'): string {
  if (script === 'cjk') return Array.from({ length: 22 }, () => HAN[Math.floor(rnd() * HAN.length)]).join('');
  let out = '';
  while (out.length < 50) out += `${out ? ' ' : ''}${WORDS[Math.floor(rnd() * WORDS.length)]}`;
  return out.replace(/^./, (c) => c.toUpperCase());
}

/** A synthetic edition: no headline, five sections of ~50 characters (22 Han characters for `cjk`). */
export function syntheticEdition(n: number, script: 'latin' | 'cjk'): Edition {
  const rnd = random(n);
  const section = (s: number) => ({
    id: `story-${s}`,
    title: title(rnd, script),
    excerpt: '',
    html: '',
    threads: [],
    topics: [],
  });
  const date = new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  return {
    number: n,
    file: `content/editions/${date}-edition-${n}.md`,
    date: `${date}T00:00:00-05:00`,
    hasTime: false,
    headline: null,
    description: '',
    draft: false,
    introHtml: '',
    sections: [1, 2, 3, 4, 5].map(section),
    threads: [],
    redirectFrom: [],
    descriptionGiven: false,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mode = (process.argv[2] ?? 'latin') as 'latin' | 'cjk' | 'mixed';
const n = Number(process.argv[3] ?? 50);
const scriptOf = (i: number) => (mode === 'mixed' ? (i % 2 ? 'cjk' : 'latin') : mode);

if (import.meta.main) {
  let t = performance.now();
  await socialImagePng(syntheticEdition(0, scriptOf(0)), SITE);
  const first = performance.now() - t;
  const phases = {
    satori: [] as number[],
    parse: [] as number[],
    render: [] as number[],
    png: [] as number[],
    ownPng: [] as number[],
  };
  const totals: number[] = [];
  for (let i = 1; i <= n; i++) {
    const edition = syntheticEdition(i, scriptOf(i));
    t = performance.now();
    const svg = await socialImageSvg(edition, SITE);
    const t1 = performance.now();
    const resvg = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
    const t2 = performance.now();
    const image = resvg.render();
    const t3 = performance.now();
    image.asPng();
    const t4 = performance.now();
    encodePng(image.pixels, image.width, image.height);
    phases.ownPng.push(performance.now() - t4);
    phases.satori.push(t1 - t);
    phases.parse.push(t2 - t1);
    phases.render.push(t3 - t2);
    phases.png.push(t4 - t3);
    t = performance.now();
    await socialImagePng(edition, SITE);
    totals.push(performance.now() - t);
  }
  const svgToPngOnly: number[] = [];
  const sample = await socialImageSvg(syntheticEdition(1, scriptOf(1)), SITE);
  for (let i = 0; i < 20; i++) {
    t = performance.now();
    svgToPng(sample);
    svgToPngOnly.push(performance.now() - t);
  }
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(`${mode}, N=${n}: first image ${ms(first)}; socialImagePng median ${ms(median(totals))}`);
  console.log(
    `phases (median): satori ${ms(median(phases.satori))}, resvg parse ${ms(median(phases.parse))}, ` +
      `render ${ms(median(phases.render))}, PNG encode: resvg ${ms(median(phases.png))}, png.ts ${ms(median(phases.ownPng))}; svgToPng as shipped ${ms(median(svgToPngOnly))}; SVG ${(sample.length / 1024).toFixed(0)} KiB`,
  );
}
