/**
 * Drawing on one PDF page in top-down coordinates. The page content is written as plain PDF
 * operators: a line in one face becomes one TJ whose gaps carry the justification. pdf-lib's
 * operator objects cost more time than the layout itself on a 1,000-paper report.
 */

import { deflateSync } from 'node:zlib';
import {
  type PDFDict,
  type PDFDocument,
  type PDFFont,
  PDFHexString,
  type PDFImage,
  PDFName,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import type { EmbeddedForm } from './embed-forms.js';
import type { FontKey } from './fonts.js';
import type { Line, Piece, Rgb } from './text-types.js';

export const CODE_TINT: Rgb = [0.93, 0.93, 0.91];

/** An internal link target: a page and a y (top-down) on it. */
export interface Destination {
  page: number;
  y: number;
}

export interface DocumentContext {
  doc: PDFDocument;
  pages: PDFPage[];
  fonts: Map<FontKey, PDFFont>;
  /** Hex glyph codes of a string in an embedded face (cached per character). */
  encode(font: FontKey, text: string): string;
  /** Resolves an internal link id to where it points. */
  destination(id: string): Destination | undefined;
}

/**
 * A link's URI exactly as given: a percent escape such as `%2F` is part of the address, so nothing is
 * decoded or encoded again. Written as a hex string of ASCII, so no PDF string escaping can be got
 * wrong; PDF wants 7-bit ASCII, so anything else (never in a link from safeHttpUrl) becomes UTF-8
 * percent escapes.
 */
export function uriString(url: string): PDFHexString {
  const ascii = url.replace(/[^\x21-\x7e]+/g, (run) =>
    [...new TextEncoder().encode(run)].map((byte) => `%${hexByte(byte).toUpperCase()}`).join(''),
  );
  let hex = '';
  for (let i = 0; i < ascii.length; i++) hex += hexByte(ascii.charCodeAt(i));
  return PDFHexString.of(hex);
}

function hexByte(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

export function destinationArray(context: DocumentContext, target: Destination) {
  const page = context.pages[target.page] as PDFPage;
  const top = page.getHeight() - target.y;
  return context.doc.context.obj([page.ref, PDFName.of('XYZ'), null, Math.round(top), null]);
}

/**
 * Drawing is recorded and written by `flush()`: faces are embedded only once everything is drawn,
 * so that exactly the faces used are embedded.
 */
export class PageCanvas {
  private readonly fontKeys = new Map<FontKey, PDFName>();
  private readonly height: number;
  private readonly annotations: PDFRef[] = [];
  /** Recorded operators; a `null` entry marks where pdf-lib draws (the embedded diagram). */
  private readonly pending: ((() => string) | null)[] = [];
  private readonly external: (() => void)[] = [];

  constructor(
    readonly context: DocumentContext,
    readonly page: PDFPage,
  ) {
    this.height = page.getHeight();
  }

  private fontKey(key: FontKey): PDFName {
    let name = this.fontKeys.get(key);
    if (!name) {
      const font = this.context.fonts.get(key);
      if (!font) throw new Error(`font ${key} was not embedded`);
      name = this.page.node.newFontDictionary(font.name, font.ref);
      this.fontKeys.set(key, name);
    }
    return name;
  }

  private push(ops: () => string): void {
    this.pending.push(ops);
  }

  /** Writes the recorded drawing as compressed content streams, in drawing order. */
  flush(): void {
    let content: string[] = [];
    const write = () => {
      if (content.length === 0) return;
      const pdf = this.context.doc.context;
      // Node's zlib is several times faster than pdf-lib's JavaScript deflate, with the same output format.
      const bytes = deflateSync(Buffer.from(content.join('\n'), 'latin1'));
      this.page.node.addContentStream(pdf.register(pdf.stream(bytes, { Filter: 'FlateDecode' })));
      content = [];
    };
    let externalIndex = 0;
    for (const ops of this.pending) {
      if (ops) {
        content.push(ops());
      } else {
        write();
        this.external[externalIndex++]?.();
      }
    }
    write();
    this.pending.length = 0;
    this.external.length = 0;
  }

  /** Draws a laid-out line with its baseline at `baseline` (top-down) and its start at `x`. */
  line(line: Line, x: number, baseline: number): void {
    const y = this.height - baseline;
    for (const piece of line.pieces) {
      if (piece.code)
        this.rect(
          x + piece.x - 1,
          baseline - piece.size * 0.78,
          piece.width + 2,
          piece.size * 1.02,
          CODE_TINT,
        );
    }
    let index = 0;
    const pieces = line.pieces;
    while (index < pieces.length) {
      const first = pieces[index] as Piece;
      if (first.object) {
        first.object.draw(this, x + first.x, baseline, first.size);
        index++;
        continue;
      }
      let end = index + 1;
      while (end < pieces.length) {
        const next = pieces[end] as Piece;
        if (next.object || next.font !== first.font || next.size !== first.size || next.color !== first.color)
          break;
        end++;
      }
      this.textGroup(pieces.slice(index, end), x, y);
      index = end;
    }
    this.linkAreas(line, x, baseline);
  }

  private textGroup(pieces: Piece[], x: number, y: number): void {
    this.push(() => this.textOperators(pieces, x, y));
  }

  private textOperators(pieces: Piece[], x: number, y: number): string {
    const first = pieces[0] as Piece;
    let array = '';
    let cursor = first.x;
    for (const piece of pieces) {
      const gap = piece.x - cursor;
      if (Math.abs(gap) > 0.001) array += ` ${num((-gap * 1000) / first.size)} `;
      array += `<${this.context.encode(piece.font, piece.text)}>`;
      cursor = piece.x + piece.width;
    }
    const [r, g, b] = first.color;
    return `BT ${num(r)} ${num(g)} ${num(b)} rg ${this.fontKey(first.font).toString()} ${num(first.size)} Tf 1 0 0 1 ${num(x + first.x)} ${num(y)} Tm [${array}] TJ ET`;
  }

  private linkAreas(line: Line, x: number, baseline: number): void {
    let index = 0;
    const pieces = line.pieces;
    while (index < pieces.length) {
      const first = pieces[index] as Piece;
      if (!first.link && !first.dest) {
        index++;
        continue;
      }
      let end = index + 1;
      while (end < pieces.length && pieces[end]?.link === first.link && pieces[end]?.dest === first.dest)
        end++;
      const last = pieces[end - 1] as Piece;
      const left = x + first.x;
      const right = x + last.x + last.width;
      const top = baseline - line.size * 0.85;
      const bottom = baseline + line.size * 0.25;
      if (first.link) this.linkToUri(left, top, right - left, bottom - top, first.link);
      else if (first.dest) this.linkToDestination(left, top, right - left, bottom - top, first.dest);
      index = end;
    }
  }

  private addAnnotation(
    x: number,
    top: number,
    width: number,
    height: number,
    extra: Record<string, unknown>,
  ) {
    const rect = [x, this.height - top - height, x + width, this.height - top].map(
      (n) => Math.round(n * 100) / 100,
    );
    const annotation = this.context.doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: rect,
      Border: [0, 0, 0],
      ...extra,
    } as never);
    const ref = this.context.doc.context.register(annotation);
    this.page.node.addAnnot(ref);
    this.annotations.push(ref);
  }

  linkToUri(x: number, top: number, width: number, height: number, url: string): void {
    const action = this.context.doc.context.obj({ Type: 'Action', S: 'URI' }) as PDFDict;
    action.set(PDFName.of('URI'), uriString(url));
    this.addAnnotation(x, top, width, height, { A: action });
  }

  linkToDestination(x: number, top: number, width: number, height: number, id: string): void {
    const target = this.context.destination(id);
    if (!target) return;
    this.addAnnotation(x, top, width, height, { Dest: destinationArray(this.context, target) });
  }

  rect(x: number, top: number, width: number, height: number, color: Rgb): void {
    this.push(
      () =>
        `q ${rgb(color)} rg ${num(x)} ${num(this.height - top - height)} ${num(width)} ${num(height)} re f Q`,
    );
  }

  rule(x1: number, y1: number, x2: number, y2: number, width: number, color: Rgb): void {
    this.push(
      () =>
        `q ${rgb(color)} RG ${num(width)} w ${num(x1)} ${num(this.height - y1)} m ${num(x2)} ${num(this.height - y2)} l S Q`,
    );
  }

  /** Draws a Form XObject (a family diagram, see embed-forms.ts) scaled into the box at x, top. */
  form(form: EmbeddedForm, x: number, top: number, width: number, height: number): void {
    const name = this.page.node.newXObject('Figure', form.ref);
    const [sx, sy] = [width / form.width, height / form.height];
    this.push(
      () => `q ${num(sx)} 0 0 ${num(sy)} ${num(x)} ${num(this.height - top - height)} cm ${name} Do Q`,
    );
  }

  /**
   * Draws an embedded image (PNG or JPEG, see PDFDocument.embedPng/embedJpg) into the box at x, top.
   * `orientation`: a JPEG's EXIF orientation (core's ImageAsset): its stored pixels are turned and
   * mirrored into the box as a browser shows them (the box is the image as shown).
   */
  image(image: PDFImage, x: number, top: number, width: number, height: number, orientation = 1): void {
    const name = this.page.node.newXObject('Image', image.ref);
    const turn = ORIENTATIONS[orientation] ?? ORIENTATIONS[1];
    const turned = turn === ORIENTATIONS[1] ? '' : `${turn} cm `;
    this.push(
      () =>
        `q ${num(width)} 0 0 ${num(height)} ${num(x)} ${num(this.height - top - height)} cm ${turned}${name} Do Q`,
    );
  }

  /** Draws an embedded PDF page (the lineage diagram) through pdf-lib, after this page's content. */
  embeddedPage(draw: () => void): void {
    this.pending.push(null);
    this.external.push(draw);
  }
}

/**
 * EXIF orientation → the matrix that takes the stored image's unit square to the shown one (PDF's
 * y points up; the stored first row is drawn at the top). 6, for one: the stored top row becomes the
 * right-hand column, the turn a camera held upright records.
 */
const ORIENTATIONS: Record<number, string> = {
  1: '1 0 0 1 0 0',
  2: '-1 0 0 1 1 0',
  3: '-1 0 0 -1 1 1',
  4: '1 0 0 -1 0 1',
  5: '0 -1 -1 0 1 1',
  6: '0 -1 1 0 0 1',
  7: '0 1 1 0 0 0',
  8: '0 1 -1 0 1 0',
};

function rgb(color: Rgb): string {
  return `${num(color[0])} ${num(color[1])} ${num(color[2])}`;
}

/** A PDF number: at most three decimals, no exponent, no trailing zeros. */
function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
