/**
 * Embeds the faces a document drew as subsets and encodes text for them. Glyph codes are cached per
 * character, so pdf-lib records each glyph's width and ToUnicode entry once. Subset tags
 * (`ABCDEF+Name`) are derived from the characters used, so the same content gives the same tag.
 */
import { createHash } from 'node:crypto';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { fontkitFor } from './fontkit-adapter.js';
import { type FontKey, loadFont } from './fonts.js';

export class FontEmbedding {
  readonly fonts = new Map<FontKey, PDFFont>();
  private readonly codes = new Map<FontKey, Map<string, string>>();

  constructor(private readonly doc: PDFDocument) {}

  /** Embeds every face in `used` (sorted, so object numbers do not depend on drawing order). */
  async embed(used: Iterable<FontKey>): Promise<void> {
    const keys = [...new Set(used)].sort();
    const prepared = new Map(keys.map((key) => [loadFont(key).bytes, loadFont(key).font] as const));
    // fontkit 2 is a superset of what pdf-lib's Fontkit type describes.
    this.doc.registerFontkit(
      fontkitFor(prepared) as unknown as Parameters<PDFDocument['registerFontkit']>[0],
    );
    for (const key of keys) {
      const font = loadFont(key);
      this.fonts.set(
        key,
        await this.doc.embedFont(font.bytes, { subset: true, customName: font.font.postscriptName }),
      );
    }
  }

  /** Hex glyph codes of `text` in an embedded face. */
  encode(key: FontKey, text: string): string {
    let codes = this.codes.get(key);
    if (!codes) {
      codes = new Map();
      this.codes.set(key, codes);
    }
    let hex = '';
    for (const char of text) {
      let code = codes.get(char);
      if (code === undefined) {
        const font = this.fonts.get(key);
        if (!font) throw new Error(`font ${key} was not embedded`);
        // pdf-lib assigns the subset glyph id and records width and ToUnicode for this character.
        code = font.encodeText(char).asString();
        codes.set(char, code);
      }
      hex += code;
    }
    return hex;
  }

  /** Names each subset `TAG+PostScriptName` before saving (pdf-lib reads the name at save time). */
  tagSubsets(): void {
    for (const [key, font] of this.fonts) {
      const postscriptName = loadFont(key).font.postscriptName;
      const characters = [...(this.codes.get(key)?.keys() ?? [])].sort();
      const embedder = (font as unknown as { embedder: { customName?: string } }).embedder;
      embedder.customName = `${subsetTag(postscriptName, characters)}+${postscriptName}`;
    }
  }
}

function subsetTag(name: string, characters: string[]): string {
  const digest = createHash('sha256').update(name).update(characters.join('\u0000')).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + ((digest[i] ?? 0) % 26));
  return tag;
}
