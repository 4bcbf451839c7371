/**
 * Font files as the social image gives them to satori: WOFF unpacked to
 * TrueType (with zlib, faster than satori's own inflate), and with the
 * vertical offsets of the GPOS table negated. satori 0.63 adds HarfBuzz's y
 * offsets downwards although they point up, which puts Arabic dots, Hebrew
 * points and other marks on the wrong side of their letters; negating them in
 * the font cancels that out. `tests/unit/social-image.test.ts` checks that
 * the dots of "ة" still end up above the letter, so a satori fix shows.
 */
import { inflateSync } from 'node:zlib';

/** The TrueType or OpenType font in a WOFF file (or the bytes as they are, when not WOFF). */
export function unwoff(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const [offset, compressed, length] = [
      woff.readUInt32BE(at + 4),
      woff.readUInt32BE(at + 8),
      woff.readUInt32BE(at + 12),
    ];
    const stored = woff.subarray(offset, offset + compressed);
    return {
      tag: woff.subarray(at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compressed < length ? inflateSync(stored) : stored,
    };
  });
  const size = tables.reduce((sum, table) => sum + ((table.data.length + 3) & ~3), 12 + 16 * count);
  const out = Buffer.alloc(size);
  const power = 2 ** Math.floor(Math.log2(count));
  out.writeUInt32BE(woff.readUInt32BE(4), 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  let at = 12 + 16 * count;
  tables.forEach((table, i) => {
    table.tag.copy(out, 12 + i * 16);
    out.writeUInt32BE(table.checksum, 16 + i * 16);
    out.writeUInt32BE(at, 20 + i * 16);
    out.writeUInt32BE(table.data.length, 24 + i * 16);
    table.data.copy(out, at);
    at += (table.data.length + 3) & ~3;
  });
  return out;
}

/** Negates every vertical placement and anchor of the GPOS table of a TrueType/OpenType font, in place. */
export function negateGposY(font: Buffer): Buffer {
  const count = font.readUInt16BE(4);
  let gpos = -1;
  for (let i = 0; i < count; i++) {
    if (font.toString('latin1', 12 + i * 16, 16 + i * 16) === 'GPOS') gpos = font.readUInt32BE(20 + i * 16);
  }
  if (gpos < 0) return font;
  const u16 = (at: number) => font.readUInt16BE(at);
  const seen = new Set<number>();
  const once = (at: number) => !seen.has(at) && Boolean(seen.add(at));
  const negate = (at: number) => font.writeInt16BE(-font.readInt16BE(at), at);
  const anchor = (at: number) => once(at) && negate(at + 4);
  const valueSize = (format: number) => 2 * [...(format & 0xff).toString(2)].filter((bit) => bit === '1').length;
  // YPlacement follows XPlacement when there is one.
  const value = (format: number, at: number) => format & 2 && negate(at + (format & 1 ? 2 : 0));
  const marks = (array: number) => {
    for (let i = 0; i < u16(array); i++) if (u16(array + 4 + 4 * i)) anchor(array + u16(array + 4 + 4 * i));
  };
  // Arrays of anchor offsets, `classes` per record (BaseArray, Mark2Array, LigatureAttach).
  const anchors = (array: number, classes: number) => {
    for (let i = 0; i < u16(array) * classes; i++) if (u16(array + 2 + 2 * i)) anchor(array + u16(array + 2 + 2 * i));
  };
  const subtable = (type: number, at: number): void => {
    if (!once(at)) return;
    const format = u16(at);
    if (type === 9) return subtable(u16(at + 2), at + font.readUInt32BE(at + 4));
    if (type === 1) {
      const vf = u16(at + 4);
      if (format === 1) value(vf, at + 6);
      else for (let i = 0; i < u16(at + 6); i++) value(vf, at + 8 + i * valueSize(vf));
    } else if (type === 2) {
      const [vf1, vf2] = [u16(at + 4), u16(at + 6)];
      const [s1, s2] = [valueSize(vf1), valueSize(vf2)];
      if (format === 1) {
        for (let i = 0; i < u16(at + 8); i++) {
          const set = at + u16(at + 10 + 2 * i);
          if (!once(set)) continue;
          for (let j = 0, rec = set + 2; j < u16(set); j++, rec += 2 + s1 + s2) {
            value(vf1, rec + 2);
            value(vf2, rec + 2 + s1);
          }
        }
      } else {
        const pairs = u16(at + 12) * u16(at + 14);
        for (let i = 0, rec = at + 16; i < pairs; i++, rec += s1 + s2) {
          value(vf1, rec);
          value(vf2, rec + s1);
        }
      }
    } else if (type === 3) {
      for (let i = 0; i < u16(at + 4); i++) {
        for (const field of [6, 8]) if (u16(at + field + 4 * i)) anchor(at + u16(at + field + 4 * i));
      }
    } else if (type === 4 || type === 5 || type === 6) {
      const classes = u16(at + 6);
      marks(at + u16(at + 8));
      const second = at + u16(at + 10);
      if (type !== 5) anchors(second, classes);
      else for (let i = 0; i < u16(second); i++) anchors(second + u16(second + 2 + 2 * i), classes);
    }
  };
  const list = gpos + u16(gpos + 8);
  for (let i = 0; i < u16(list); i++) {
    const lookup = list + u16(list + 2 + 2 * i);
    for (let j = 0; j < u16(lookup + 4); j++) subtable(u16(lookup), lookup + u16(lookup + 6 + 2 * j));
  }
  return font;
}
