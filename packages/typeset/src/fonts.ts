/**
 * The report's typefaces: TTF files shipped by npm packages (no system fonts), loaded once per
 * process, measured through a per-character width cache, with per-character fallback from the Latin
 * faces to the CJK face, then to an emoji face.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font as FontkitFont } from 'fontkit';
import { prepareFont } from './fontkit-adapter.js';

export type FontKey =
  | 'serif'
  | 'serifBold'
  | 'serifItalic'
  | 'serifBoldItalic'
  | 'sans'
  | 'sansBold'
  | 'mono'
  | 'cjk'
  | 'cjkBold'
  | 'emoji';

/** Where each face comes from: an npm package and the TTF inside it. */
const FONT_FILES: Record<FontKey, string> = {
  serif: '@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf',
  serifBold: '@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf',
  serifItalic: '@expo-google-fonts/source-serif-4/400Regular_Italic/SourceSerif4_400Regular_Italic.ttf',
  serifBoldItalic: '@expo-google-fonts/source-serif-4/700Bold_Italic/SourceSerif4_700Bold_Italic.ttf',
  sans: '@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf',
  sansBold: '@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf',
  mono: '@expo-google-fonts/source-code-pro/400Regular/SourceCodePro_400Regular.ttf',
  cjk: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  cjkBold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  // Monochrome Noto Emoji: pasted notes carry emoji, and a "?" in print loses meaning.
  emoji: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
};

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

const require = createRequire(import.meta.url);
const loaded = new Map<FontKey, LoadedFont>();

/** Reads and parses a face on first use; parsing is lazy in fontkit, so a 10 MB CJK file is cheap. */
export function loadFont(key: FontKey): LoadedFont {
  let entry = loaded.get(key);
  if (!entry) {
    const bytes = new Uint8Array(readFileSync(require.resolve(FONT_FILES[key])));
    entry = { key, bytes, font: prepareFont(bytes) };
    loaded.set(key, entry);
  }
  return entry;
}

export function latinFaceFor(request: FaceRequest): FontKey {
  if (request.family === 'mono') return 'mono';
  if (request.family === 'sans') return request.bold ? 'sansBold' : 'sans';
  if (request.bold) return request.italic ? 'serifBoldItalic' : 'serifBold';
  return request.italic ? 'serifItalic' : 'serif';
}

/** What to draw when no face has the character: a plain question mark keeps the text readable. */
export const MISSING_GLYPH = '?';

/**
 * Per-document measuring state: which faces were used (only those are embedded) and cached
 * advance widths in em units.
 */
export class FontBook {
  readonly used = new Set<FontKey>();
  private readonly advances = new Map<FontKey, Map<number, number>>();
  private readonly coverage = new Map<FontKey, Map<number, boolean>>();

  font(key: FontKey): FontkitFont {
    return loadFont(key).font;
  }

  has(key: FontKey, codePoint: number): boolean {
    let map = this.coverage.get(key);
    if (!map) {
      map = new Map();
      this.coverage.set(key, map);
    }
    let value = map.get(codePoint);
    if (value === undefined) {
      value = this.font(key).hasGlyphForCodePoint(codePoint);
      map.set(codePoint, value);
    }
    return value;
  }

  /** The face that draws this character: the requested Latin face, then the CJK face, then any, then emoji. */
  faceFor(request: FaceRequest, codePoint: number): FontKey | undefined {
    const latin = latinFaceFor(request);
    if (this.has(latin, codePoint)) return latin;
    const cjk: FontKey = request.bold ? 'cjkBold' : 'cjk';
    if (this.has(cjk, codePoint)) return cjk;
    if (this.has('serif', codePoint)) return 'serif';
    if (this.has('mono', codePoint)) return 'mono';
    if (this.has('emoji', codePoint)) return 'emoji';
    return undefined;
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
