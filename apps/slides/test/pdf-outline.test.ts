/** A printed deck's bookmarks (pdf-outline.ts): one per paper at its title slide, and still datable. */
import { reproduciblePdf } from '@studykit/browser';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { DeckSlide } from '../src/deck.js';
import { withPaperOutline } from '../src/pdf-outline.js';
import { pdfOutline } from './pdf-outline.js';

const slide = (kind: DeckSlide['kind'], title: string): DeckSlide => ({
  kind,
  title,
  kicker: '',
  bodyHtml: '',
  notes: [],
  zoom: 1,
});

async function printed(pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i++) document.addPage([735, 413]);
  // As Chromium writes it: a classic cross-reference table.
  return document.save({ useObjectStreams: false });
}

describe('deck PDF outline', () => {
  it('bookmarks each paper at its title slide, in order, and the PDF can still be dated reproducibly', async () => {
    const slides = [
      slide('cover', 'OpenAI'),
      slide('paper', 'GPT-1'),
      slide('section', 'Motivation'),
      slide('paper', 'ChatGLM-6B（中文）'),
    ];
    const pdf = reproduciblePdf(await withPaperOutline(await printed(4), slides), new Date(0));
    expect(await pdfOutline(pdf)).toEqual([
      { title: 'GPT-1', page: 1 },
      { title: 'ChatGLM-6B（中文）', page: 3 },
    ]);
  });

  it('leaves a deck without papers as printed', async () => {
    const pdf = await printed(2);
    expect(await withPaperOutline(pdf, [slide('cover', 'A'), slide('agenda', 'B')])).toBe(pdf);
    expect(await pdfOutline(pdf)).toEqual([]);
  });
});
