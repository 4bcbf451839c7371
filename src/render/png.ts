/**
 * A minimal PNG encoder for the social image. resvg's own encoder spends
 * most of its time choosing row filters and compressing hard; the image is mostly
 * flat colour, so unfiltered rows and a quick deflate make a file of about
 * the same size in well under half the time.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// The rows of one image, kept between images: every social image has the same size.
let scratch = Buffer.alloc(0);

/** Writes a chunk (length, type, data, CRC) at `at` in `out`; returns where the next one goes. */
function chunk(out: Buffer, at: number, type: string, data: Uint8Array): number {
  out.writeUInt32BE(data.length, at);
  out.write(type, at + 4, 'latin1');
  out.set(data, at + 8);
  out.writeUInt32BE(crc32(out.subarray(at + 4, at + 8 + data.length)), at + 8 + data.length);
  return at + 12 + data.length;
}

/** Encodes 8-bit RGBA pixels (`width × height × 4` bytes, row by row) as a PNG. */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 4;
  if (rgba.length !== stride * height)
    throw new Error(`expected ${stride * height} bytes of pixels, got ${rgba.length}`);
  const size = (stride + 1) * height;
  if (scratch.length !== size) scratch = Buffer.alloc(size);
  // Each row starts with its filter type, 0 (none).
  for (let y = 0; y < height; y++) {
    scratch[y * (stride + 1)] = 0;
    scratch.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA; compression, filter and interlace methods stay 0
  const data = deflateSync(scratch, { level: 3 });
  const out = Buffer.allocUnsafe(8 + 25 + 12 + data.length + 12);
  out.set(SIGNATURE, 0);
  let at = chunk(out, 8, 'IHDR', header);
  at = chunk(out, at, 'IDAT', data);
  chunk(out, at, 'IEND', new Uint8Array(0));
  return out;
}
