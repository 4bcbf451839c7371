/**
 * A minimal PNG encoder for the social image. resvg's own encoder spends
 * ~6.5 ms choosing row filters and compressing hard. The image is mostly
 * flat colour: a few colours and their anti-aliased blends (79 in the
 * default theme), so it is written as a palette of up to 256 colours, one
 * byte a pixel instead of four (a quarter of the bytes to go through, a
 * file half the size), and deflated looking only for runs, which is most of
 * it. An image with more colours is written as RGB (RGBA if a pixel is not
 * opaque). Either way a reader gets exactly the pixels drawn.
 */
import { constants, crc32, deflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PALETTE = 3;
const RGB = 2;
const RGBA = 6;
// The rows of one image, kept between images: every social image has the same size.
let scratch = Buffer.alloc(0);
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const slotColours = new Int32Array(1024);
const slotIndices = new Int16Array(1024);

/** Writes a chunk (length, type, data, CRC) at `at` in `out`; returns where the next one goes. */
function chunk(out: Buffer, at: number, type: string, data: Uint8Array): number {
  out.writeUInt32BE(data.length, at);
  out.write(type, at + 4, 'latin1');
  out.set(data, at + 8);
  out.writeUInt32BE(crc32(out.subarray(at + 4, at + 8 + data.length)), at + 8 + data.length);
  return at + 12 + data.length;
}

/** The R, G, B and A bytes of a pixel read as one 32-bit number. */
const channels = (pixel: number): [number, number, number, number] =>
  littleEndian
    ? [pixel & 255, (pixel >>> 8) & 255, (pixel >>> 16) & 255, pixel >>> 24]
    : [pixel >>> 24, (pixel >>> 16) & 255, (pixel >>> 8) & 255, pixel & 255];

/**
 * The rows as palette indices (each row starting with its filter byte, 0),
 * the palette's RGB triples in order of first use, and their alpha values
 * when any is not opaque; null past 256 colours.
 */
function indexed(
  rgba: Uint8Array,
  width: number,
  height: number,
): { rows: Buffer; palette: Buffer; alpha: Buffer | null } | null {
  const size = (width + 1) * height;
  if (scratch.length < size) scratch = Buffer.alloc(size);
  // Int32 pixels stay small integers for the engine; a Map over numbers past 2³⁰ was most of the time.
  const pixels = new Int32Array(rgba.buffer, rgba.byteOffset, width * height);
  const bytes = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.length);
  const stride = width * 4;
  // Colour → palette index, open addressing: 1,024 slots for at most 256 colours.
  slotColours.fill(0);
  slotIndices.fill(-1);
  const colours: number[] = [];
  let last = pixels[0]! ^ 1;
  let lastIndex = 0;
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1);
    scratch[row] = 0;
    // A row like the one above (most rows: background) is copied whole.
    if (y > 0 && bytes.compare(bytes, (y - 1) * stride, y * stride, y * stride, (y + 1) * stride) === 0) {
      scratch.copyWithin(row + 1, row - width, row);
      continue;
    }
    for (let p = y * width, end = p + width, at = row + 1; p < end; p++, at++) {
      const colour = pixels[p]!;
      if (colour !== last) {
        let slot = Math.imul(colour, 0x9e3779b1) >>> 22;
        while (slotIndices[slot] !== -1 && slotColours[slot] !== colour) slot = (slot + 1) & 1023;
        if (slotIndices[slot] === -1) {
          if (colours.length === 256) return null;
          slotColours[slot] = colour;
          slotIndices[slot] = colours.length;
          colours.push(colour);
        }
        last = colour;
        lastIndex = slotIndices[slot]!;
      }
      scratch[at] = lastIndex;
    }
  }
  const palette = Buffer.alloc(colours.length * 3);
  const alpha = Buffer.alloc(colours.length);
  colours.forEach((colour, i) => {
    const [r, g, b, a] = channels(colour);
    palette.set([r, g, b], i * 3);
    alpha[i] = a;
  });
  return { rows: scratch.subarray(0, size), palette, alpha: alpha.every((a) => a === 255) ? null : alpha };
}

/** The rows as RGB, or RGBA when a pixel is not opaque (each row starting with its filter byte, 0). */
function directRows(rgba: Uint8Array, width: number, height: number): { rows: Buffer; opaque: boolean } {
  let opaque = true;
  for (let p = 3; p < rgba.length && opaque; p += 4) opaque = rgba[p] === 255;
  const perPixel = opaque ? 3 : 4;
  const size = (width * perPixel + 1) * height;
  if (scratch.length < size) scratch = Buffer.alloc(size);
  let at = 0;
  let p = 0;
  for (let y = 0; y < height; y++) {
    scratch[at++] = 0;
    for (let x = 0; x < width; x++, p += 4) {
      scratch[at++] = rgba[p]!;
      scratch[at++] = rgba[p + 1]!;
      scratch[at++] = rgba[p + 2]!;
      if (!opaque) scratch[at++] = rgba[p + 3]!;
    }
  }
  return { rows: scratch.subarray(0, size), opaque };
}

/**
 * Encodes 8-bit RGBA pixels (`width × height × 4` bytes, row by row) as a
 * PNG: indexed colour when there are at most 256 colours, else RGB (RGBA
 * when a pixel is not opaque).
 */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  if (rgba.length !== width * height * 4)
    throw new Error(`expected ${width * height * 4} bytes of pixels, got ${rgba.length}`);
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : new Uint8Array(rgba);
  const found = indexed(aligned, width, height);
  const direct = found ? null : directRows(aligned, width, height);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel (per index, for a palette)
  header[9] = found ? PALETTE : direct!.opaque ? RGB : RGBA; // compression, filter and interlace methods stay 0
  // Runs of one colour are most of the image: run-length matching finds them at a fraction of the cost.
  const data = deflateSync(found?.rows ?? direct!.rows, { strategy: constants.Z_RLE });
  const extra = found
    ? [['PLTE', found.palette] as const, ...(found.alpha ? [['tRNS', found.alpha] as const] : [])]
    : [];
  const out = Buffer.allocUnsafe(8 + 25 + extra.reduce((n, [, d]) => n + 12 + d.length, 0) + 12 + data.length + 12);
  out.set(SIGNATURE, 0);
  let at = chunk(out, 8, 'IHDR', header);
  for (const [type, bytes] of extra) at = chunk(out, at, type, bytes);
  at = chunk(out, at, 'IDAT', data);
  chunk(out, at, 'IEND', new Uint8Array(0));
  return out;
}
