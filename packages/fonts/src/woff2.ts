/**
 * WOFF2 from an sfnt (TrueType or CFF outlines), written here rather than by subset-font's encoder:
 * that one runs Brotli (WebAssembly) at quality 11, 60–240 ms a face, paid again for every deck whose
 * text changed (each edit under watch, each build of a test). Node's own Brotli at quality 7 takes
 * 1–2 ms a face for ~20 % more bytes (measured: a deck's Latin face, 16.6 KB → 19.9 KB).
 *
 * Every table is stored as it is (WOFF2's null transform: glyf and loca as transform version 3, W3C
 * WOFF2 §5.1), which every WOFF2 decoder reads; the stream is the tables' bytes one after the other, in
 * the sfnt's own order.
 */
import { brotliCompressSync, constants } from 'node:zlib';

/** The tags WOFF2 names by a 6-bit index (§4.2, "Known Table Tags"); any other is written out. */
// biome-ignore format: the specification's table, 13 to a line
const KNOWN_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep',
  'CFF ', 'VORG', 'EBDT', 'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE',
  'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH', 'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt',
  'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar', 'gvar', 'hsty', 'just', 'lcar',
  'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
];

/** Index 63: the tag follows the flags byte. */
const ARBITRARY_TAG = 63;
/** glyf and loca stored untransformed; for every other table, 0 is already the null transform. */
const NULL_GLYF_TRANSFORM = 3 << 6;
const HEADER_SIZE = 48;
/** Quality 7: as small as 9 on our faces, at a tenth of 11's time (see above). */
const QUALITY = 7;

interface Table {
  tag: string;
  data: Uint8Array;
}

/** The tables of an sfnt, in its directory's order. */
function tablesOf(sfnt: Uint8Array): { flavor: number; tables: Table[] } {
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const count = view.getUint16(4);
  const tables: Table[] = [];
  for (let index = 0; index < count; index++) {
    const entry = 12 + 16 * index;
    const offset = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    if (offset + length > sfnt.byteLength) throw new Error('woff2: a table runs past the end of the font');
    const tag = String.fromCharCode(...sfnt.subarray(entry, entry + 4));
    tables.push({ tag, data: sfnt.subarray(offset, offset + length) });
  }
  return { flavor: view.getUint32(0), tables };
}

/** UIntBase128 (§3.2): big-endian groups of 7 bits, the high bit set on all but the last byte. */
function base128(value: number): number[] {
  const groups = [value & 0x7f];
  for (let rest = value >>> 7; rest > 0; rest >>>= 7) groups.unshift((rest & 0x7f) | 0x80);
  return groups;
}

const padded = (length: number) => (length + 3) & ~3;

/** The sfnt as a WOFF2 file: header, table directory, one Brotli stream of the tables. */
export function toWoff2(sfnt: Uint8Array): Uint8Array {
  const { flavor, tables } = tablesOf(sfnt);
  const directory: number[] = [];
  for (const { tag, data } of tables) {
    const known = KNOWN_TAGS.indexOf(tag);
    const transform = tag === 'glyf' || tag === 'loca' ? NULL_GLYF_TRANSFORM : 0;
    directory.push((known >= 0 ? known : ARBITRARY_TAG) | transform);
    if (known < 0) directory.push(...Buffer.from(tag, 'latin1'));
    directory.push(...base128(data.byteLength));
  }
  const stream = Buffer.concat(tables.map((table) => table.data));
  const compressed = brotliCompressSync(stream, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_FONT,
      [constants.BROTLI_PARAM_QUALITY]: QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: stream.byteLength,
    },
  });
  const sfntSize =
    12 + 16 * tables.length + tables.reduce((sum, table) => sum + padded(table.data.byteLength), 0);
  const length = padded(HEADER_SIZE + directory.length + compressed.byteLength);
  const out = Buffer.alloc(length);
  out.write('wOF2', 0, 'latin1');
  out.writeUInt32BE(flavor, 4);
  out.writeUInt32BE(length, 8);
  out.writeUInt16BE(tables.length, 12);
  // 14: reserved, 0.
  out.writeUInt32BE(sfntSize, 16);
  out.writeUInt32BE(compressed.byteLength, 20);
  out.writeUInt16BE(1, 24); // the font's version, 1.0
  // 28–47: no extended metadata, no private data.
  Buffer.from(directory).copy(out, HEADER_SIZE);
  compressed.copy(out, HEADER_SIZE + directory.length);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
