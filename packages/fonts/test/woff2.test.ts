/**
 * The WOFF2 files we write (woff2.ts): read back by another decoder (fontkit's), every glyph of the
 * subset is there with the same outline and advance as in the sfnt harfbuzz cut; the header says what
 * the file holds. Chromium loading them: woff2-chromium.test.ts.
 */
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { facePath, subsetFonts } from '@studykit/fonts';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { toWoff2 } from '../src/woff2.js';

const TEXT = 'Attention is all you need — 注意力 Ωμέγα ﬁ 0123456789';

/** Each glyph's outline and advance, by glyph id. */
function glyphs(font: fontkit.Font): string[] {
  return Array.from({ length: font.numGlyphs }, (_, id) => {
    const glyph = font.getGlyph(id);
    return `${glyph.advanceWidth} ${glyph.path.toSVG()}`;
  });
}

describe('WOFF2 written from a subset', () => {
  for (const face of ['sans', 'sansBoldItalic', 'mono', 'cjk', 'emoji'] as const) {
    it(`${face}: another decoder reads every glyph the sfnt has, drawn the same`, async () => {
      const sfnt = new Uint8Array(
        await subsetFont(readFileSync(facePath(face)), TEXT, { targetFormat: 'sfnt' }),
      );
      const woff2 = toWoff2(sfnt);
      const original = fontkit.create(Buffer.from(sfnt)) as fontkit.Font;
      const read = fontkit.create(Buffer.from(woff2)) as fontkit.Font;
      expect(read.type).toBe('WOFF2');
      expect(read.numGlyphs).toBe(original.numGlyphs);
      expect(glyphs(read)).toEqual(glyphs(original));
      expect(read.unitsPerEm).toBe(original.unitsPerEm);
      expect([...read.characterSet].sort()).toEqual([...original.characterSet].sort());
    });
  }

  it('says in its header what it holds: its length, the sfnt it makes, one stream of every table', async () => {
    const sfnt = new Uint8Array(
      await subsetFont(readFileSync(facePath('sans')), TEXT, { targetFormat: 'sfnt' }),
    );
    const woff2 = Buffer.from(toWoff2(sfnt));
    const sfntView = Buffer.from(sfnt);
    const tables = Array.from({ length: sfntView.readUInt16BE(4) }, (_, index) => ({
      offset: sfntView.readUInt32BE(12 + 16 * index + 8),
      length: sfntView.readUInt32BE(12 + 16 * index + 12),
    }));
    expect(woff2.toString('latin1', 0, 4)).toBe('wOF2');
    expect(woff2.readUInt32BE(4)).toBe(sfntView.readUInt32BE(0)); // flavor
    expect(woff2.readUInt32BE(8)).toBe(woff2.byteLength);
    expect(woff2.byteLength % 4).toBe(0);
    expect(woff2.readUInt16BE(12)).toBe(tables.length);
    const padded = tables.reduce((sum, table) => sum + ((table.length + 3) & ~3), 0);
    expect(woff2.readUInt32BE(16)).toBe(12 + 16 * tables.length + padded);
    // The table directory: a flags byte (a 4-byte tag after it when its index is 63) and the
    // table's length in UIntBase128; the compressed stream follows it.
    let at = 48;
    for (let table = 0; table < tables.length; table++) {
      const flags = woff2.readUInt8(at++);
      if ((flags & 0x3f) === 63) at += 4;
      while (woff2.readUInt8(at++) & 0x80);
    }
    const stream = brotliDecompressSync(woff2.subarray(at, at + woff2.readUInt32BE(20)));
    expect(stream).toEqual(
      Buffer.concat(tables.map((t) => sfntView.subarray(t.offset, t.offset + t.length))),
    );
  });

  it('is what subsetFonts hands out', async () => {
    const [font] = await subsetFonts('Woff two', { families: ['sans'], regularOnly: true });
    expect(Buffer.from(font?.woff2 ?? []).toString('latin1', 0, 4)).toBe('wOF2');
    const read = fontkit.create(Buffer.from(font?.woff2 ?? [])) as fontkit.Font;
    expect(read.glyphForCodePoint(0x57).id).toBeGreaterThan(0); // W, not .notdef
  });
});
