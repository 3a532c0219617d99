/**
 * Test helpers: a small deck PDF made with pdf-lib (pages the size Chromium prints a 980×551 px slide,
 * each with its title as real text), and poppler read-backs: word boxes, pixels, XObjects.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { HandoutSlide } from '@studykit/handout';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, rgb, StandardFonts } from 'pdf-lib';
import { missingTool } from '../../../tests/skips.js';

export const noPoppler = missingTool('pdftotext');

/** 980 × 551 CSS px printed at 96 dpi. */
export const SLIDE_SIZE: [number, number] = [735, 413.25];

/** A deck PDF whose page i shows "Slide i+1" big at the top-left and a coloured band, like a slide title. */
export async function makeDeck(slides: readonly HandoutSlide[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  slides.forEach((slide, index) => {
    const page = doc.addPage(SLIDE_SIZE);
    page.drawRectangle({ x: 0, y: 0, width: 10, height: SLIDE_SIZE[1], color: rgb(0.1, 0.5, 0.4) });
    page.drawText(`Slide${index + 1} ${slide.title}`, { x: 48, y: SLIDE_SIZE[1] - 80, size: 36, font });
  });
  return doc.save();
}

export function slide(title: string, notes: string[] = [], paper?: string, kind = 'section'): HandoutSlide {
  return { kind, title, kicker: '', zoom: 1, notes, ...(paper ? { paper } : {}) };
}

export function writeTemp(bytes: Uint8Array, name = 'handout.pdf'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'handout-test-')), name);
  writeFileSync(path, bytes);
  return path;
}

export function pdfText(path: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...range, path, '-'], { encoding: 'utf8' });
}

// Word boxes from `pdftotext -bbox`: the report's tests already read them (entities decoded).
export { type Word, wordBoxes } from '../../report/test/pdf-tools.js';

export interface Grey {
  width: number;
  height: number;
  /** One byte per pixel, 0 black … 255 white. */
  pixels: Uint8Array;
}

/** Renders one page (1-based) with `pdftoppm -r <dpi> -png` and decodes the PNG to grey. */
export function renderPng(path: string, page: number, dpi = 60): Grey {
  const dir = mkdtempSync(join(tmpdir(), 'handout-png-'));
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-png',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    path,
    join(dir, 'page'),
  ]);
  const png = readFileSync(join(dir, 'page.png'));
  rmSync(dir, { recursive: true, force: true });
  return decodePng(png);
}

/** Enough of PNG for pdftoppm's output: 8-bit grey, RGB or RGBA, not interlaced. */
export function decodePng(file: Buffer): Grey {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      channels = ({ 0: 1, 2: 3, 6: 4 } as Record<number, number>)[body[9] ?? -1] ?? 0;
      if (channels === 0) throw new Error(`PNG colour type ${body[9]} not supported`);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (rows[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (rows[(y - 1) * stride + x - channels] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter] as number;
      rows[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const base = i * channels;
    pixels[i] =
      channels === 1
        ? (rows[base] ?? 255)
        : Math.round(((rows[base] ?? 255) + (rows[base + 1] ?? 255) + (rows[base + 2] ?? 255)) / 3);
  }
  return { width, height, pixels };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Share of dark pixels inside a box given in points (the image is at `dpi`). */
export function inkIn(image: Grey, box: Omit<Word, 'text'>, dpi = 60): number {
  const scale = dpi / 72;
  let dark = 0;
  let total = 0;
  for (let y = Math.floor(box.yMin * scale); y < Math.ceil(box.yMax * scale); y++) {
    for (let x = Math.floor(box.xMin * scale); x < Math.ceil(box.xMax * scale); x++) {
      total++;
      if ((image.pixels[y * image.width + x] ?? 255) < 140) dark++;
    }
  }
  return total === 0 ? 0 : dark / total;
}

/** The subtype of every XObject a page's resources name (Form, Image…). */
export function xObjectKinds(doc: PDFDocument, pageIndex: number): string[] {
  const resources = doc.getPage(pageIndex).node.Resources();
  const xObjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xObjects) return [];
  return xObjects.keys().map((key) => {
    const stream = xObjects.lookup(key);
    const dict = stream instanceof PDFRawStream ? stream.dict : (stream as { dict?: PDFDict }).dict;
    return dict?.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() ?? 'unknown';
  });
}
