// Minimal typings for the two untyped dependencies: only what this package calls.

declare module 'fontkit' {
  export interface FontkitGlyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
  }
  export interface FontkitSubset {
    includeGlyph(glyph: number | FontkitGlyph): number;
    encode(): Uint8Array;
    encodeStream?: () => unknown;
  }
  export interface FontkitFont {
    postscriptName: string;
    familyName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    capHeight: number;
    xHeight: number;
    glyphForCodePoint(codePoint: number): FontkitGlyph;
    hasGlyphForCodePoint(codePoint: number): boolean;
    createSubset(): FontkitSubset;
    layout(text: string, features?: unknown): { glyphs: FontkitGlyph[] };
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}

declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
