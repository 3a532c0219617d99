/**
 * How wide a text is in the web outputs' sans stack, in em, from each face's own advance widths: the
 * face Chromium would pick per character (coverage.ts), no kerning or shaping. An estimate for
 * `studykit check` ("about six lines"); layout itself is always measured in Chromium.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { coverage } from './coverage.js';
import { type FaceId, facePath } from './faces.js';

const REGULAR: Record<string, FaceId> = { sans: 'sans', mono: 'mono', cjk: 'cjk', emoji: 'emoji' };
const loaded = new Map<FaceId, fontkit.Font>();

function fontOf(face: FaceId): fontkit.Font {
  let font = loaded.get(face);
  if (!font) {
    font = fontkit.create(readFileSync(facePath(face))) as fontkit.Font;
    loaded.set(face, font);
  }
  return font;
}

/** A character no face has is drawn as '?' (MISSING_GLYPH): about half an em. */
const MISSING_EM = 0.5;

export function advanceEm(text: string): number {
  let em = 0;
  for (const char of text) {
    const family = coverage().familyFor('sans', char);
    const face = family ? REGULAR[family] : undefined;
    if (!face) {
      em += /\s/.test(char)
        ? fontOf('sans').glyphForCodePoint(32).advanceWidth / fontOf('sans').unitsPerEm
        : MISSING_EM;
      continue;
    }
    const font = fontOf(face);
    em += font.glyphForCodePoint(char.codePointAt(0) ?? 0).advanceWidth / font.unitsPerEm;
  }
  return em;
}
