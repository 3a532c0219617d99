/**
 * Test helpers: a small deck PDF made with pdf-lib (pages the size Chromium prints a 980×551 px slide,
 * each with its title as real text), and poppler read-backs: word boxes, pixels, XObjects.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HandoutSlide } from '@studykit/handout';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, rgb, StandardFonts } from 'pdf-lib';
import { missingTool } from '../../../tests/skips.js';
import { temporaryFolder } from '../../../tests/temporary.js';

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
  const path = join(temporaryFolder('handout-test-'), name);
  writeFileSync(path, bytes);
  return path;
}

export function pdfText(path: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...range, path, '-'], { encoding: 'utf8' });
}

// Word boxes from `pdftotext -bbox` and ink under them: the report's tests already read them.
export {
  type Grey,
  inkIn,
  renderGrey,
  type Word,
  wordBoxes,
} from '../../../packages/typeset/test/pdf-tools.js';

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
