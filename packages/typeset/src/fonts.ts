/**
 * The PDFs' typefaces: faces of the kit's one table (@studykit/fonts: TTF files shipped by npm
 * packages, no system fonts), loaded once per process and measured through a per-character width
 * cache. Which face draws a character follows the kit's one fallback order (`STACKS`: the requested
 * family, then CJK, then emoji; the serif borrows from the sans before emoji), as in the decks.
 */
import { readFileSync } from 'node:fs';
import { coverage, FACES, FAMILIES, type FaceId, facePath } from '@studykit/fonts';
import type { Font as FontkitFont } from 'fontkit';
import { prepareFont } from './fontkit-adapter.js';

/**
 * The faces of the table the PDFs draw with. Not (yet) the sans italics or semibold, nor the mono
 * bold: a request for one of those gets the nearest face below (upright, then regular).
 */
const PDF_FACES = [
  'serif',
  'serifBold',
  'serifItalic',
  'serifBoldItalic',
  'sans',
  'sansBold',
  'mono',
  'cjk',
  'cjkBold',
  'emoji',
] as const satisfies readonly FaceId[];

export type FontKey = (typeof PDF_FACES)[number];

/** The face a run asks for; the face actually used is chosen per character. */
export interface FaceRequest {
  family: 'serif' | 'sans' | 'mono';
  bold?: boolean;
  italic?: boolean;
}

export interface LoadedFont {
  key: FontKey;
  bytes: Uint8Array;
  font: FontkitFont;
}

const loaded = new Map<FontKey, LoadedFont>();

/** Reads and parses a face on first use; parsing is lazy in fontkit, so a 10 MB CJK file is cheap. */
export function loadFont(key: FontKey): LoadedFont {
  let entry = loaded.get(key);
  if (!entry) {
    const bytes = new Uint8Array(readFileSync(facePath(key)));
    entry = { key, bytes, font: prepareFont(bytes) };
    loaded.set(key, entry);
  }
  return entry;
}

type Family = keyof typeof FAMILIES;
const faces = new Map<string, FontKey>();

/** The face of `family` for a request's weight and slant, or the nearest one the PDFs have. */
function faceOf(family: Family, request: FaceRequest): FontKey {
  const key = `${family}|${request.bold ? 1 : 0}|${request.italic ? 1 : 0}`;
  let face = faces.get(key);
  if (!face) {
    const candidates = PDF_FACES.filter((id) => FACES[id].family === FAMILIES[family]);
    const find = (weight: number, style: 'normal' | 'italic') =>
      candidates.find((id) => FACES[id].weight === weight && FACES[id].style === style);
    const weight = request.bold ? 700 : 400;
    face =
      find(weight, request.italic ? 'italic' : 'normal') ?? find(weight, 'normal') ?? find(400, 'normal');
    if (!face) throw new Error(`no face of ${family} for PDFs`);
    faces.set(key, face);
  }
  return face;
}

/**
 * Per-document measuring state: which faces were used (only those are embedded) and cached
 * advance widths in em units.
 */
export class FontBook {
  readonly used = new Set<FontKey>();
  private readonly advances = new Map<FontKey, Map<number, number>>();

  font(key: FontKey): FontkitFont {
    return loadFont(key).font;
  }

  /** The face that draws this character (the request's stack), or undefined when no face has it. */
  faceFor(request: FaceRequest, codePoint: number): FontKey | undefined {
    const family = coverage().familyForCodePoint(request.family, codePoint);
    return family && faceOf(family, request);
  }

  /** Advance width of one character in em (multiply by the font size for points). */
  advance(key: FontKey, codePoint: number): number {
    let map = this.advances.get(key);
    if (!map) {
      map = new Map();
      this.advances.set(key, map);
    }
    let value = map.get(codePoint);
    if (value === undefined) {
      const font = this.font(key);
      value = font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
      map.set(codePoint, value);
    }
    return value;
  }

  /** Width in points of a string drawn entirely in one face (used for short labels). */
  widthOf(text: string, key: FontKey, size: number): number {
    let width = 0;
    for (const char of text) width += this.advance(key, char.codePointAt(0) ?? 0);
    return width * size;
  }
}
