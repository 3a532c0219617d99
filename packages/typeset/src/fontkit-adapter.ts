/**
 * Lets pdf-lib use upstream fontkit 2 (the @pdf-lib/fontkit fork corrupts CFF subsets).
 *
 * Two differences are bridged here:
 * - pdf-lib reads a subset through `encodeStream()` events; fontkit 2 only has `encode()`.
 * - pdf-lib shapes every string with `font.layout`, yet writes glyph ids only (no kerning or
 *   positioning reaches the PDF). We map code points straight to glyphs instead, so the widths the
 *   layout engine measured are exactly the widths drawn, and each glyph's ToUnicode entry is the one
 *   character drawn (fontkit lists every code point sharing a glyph, which would garble extraction).
 */
import { EventEmitter } from 'node:events';
import * as fontkit from 'fontkit';

type Glyph = fontkit.Glyph;
/** pdf-lib reads a subset through `encodeStream()`, which fontkit 2 no longer has. */
type StreamingSubset = fontkit.Subset & { encodeStream?: () => EventEmitter };

/** A fontkit font prepared for pdf-lib; created once per font file and shared with measuring. */
export function prepareFont(bytes: Uint8Array): fontkit.Font {
  const created = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!('glyphForCodePoint' in created)) throw new Error('a font collection (.ttc) needs a face name');
  const font = created;
  const glyphByCodePoint = new Map<number, Glyph>();

  const glyphFor = (codePoint: number): Glyph => {
    let glyph = glyphByCodePoint.get(codePoint);
    if (!glyph) {
      const base = font.glyphForCodePoint(codePoint);
      // The prototype keeps metrics and the id; only the reverse mapping is pinned to one character.
      glyph = Object.create(base, { codePoints: { value: [codePoint] } }) as Glyph;
      glyphByCodePoint.set(codePoint, glyph);
    }
    return glyph;
  };

  // pdf-lib only reads `glyphs` of a layout: code points map straight to glyphs (see above).
  font.layout = ((text: string) => {
    const glyphs: Glyph[] = [];
    for (const char of text) glyphs.push(glyphFor(char.codePointAt(0) ?? 0x3f));
    return { glyphs };
  }) as unknown as fontkit.Font['layout'];

  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset: StreamingSubset = createSubset();
    subset.encodeStream = () => {
      const events = new EventEmitter();
      // Emit after pdf-lib has attached its listeners.
      setImmediate(() => {
        try {
          events.emit('data', subset.encode());
          events.emit('end');
        } catch (error) {
          events.emit('error', error);
        }
      });
      return events;
    };
    return subset;
  };
  return font;
}

/** The object given to `PDFDocument.registerFontkit`: hands back the already prepared instance. */
export function fontkitFor(prepared: Map<Uint8Array, fontkit.Font>) {
  return {
    create(bytes: Uint8Array) {
      return prepared.get(bytes) ?? prepareFont(bytes);
    },
  };
}
