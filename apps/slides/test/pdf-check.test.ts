import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfProblem, summarisePdf } from '../src/pdf-check.js';

async function pdfWith(pages: ('text' | 'blank' | 'nested' | 'loading')[]): Promise<string> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const kind of pages) {
    const page = document.addPage([400, 225]);
    if (kind === 'text') page.drawText('Hello', { x: 20, y: 100, font });
    if (kind === 'loading') page.drawText('Loading slide...', { x: 20, y: 100, font });
    if (kind === 'nested') {
      // Text drawn inside a form XObject, as Chromium does for a zoomed slide.
      const source = await PDFDocument.create();
      const sourceFont = await source.embedFont(StandardFonts.Helvetica);
      source.addPage([400, 225]).drawText('Nested', { x: 20, y: 100, font: sourceFont });
      const [embedded] = await document.embedPdf(await source.save());
      if (embedded) page.drawPage(embedded);
    }
  }
  const path = join(tmpdir(), `studykit-pdf-check-${process.pid}-${pages.join('-')}.pdf`);
  writeFileSync(path, await document.save());
  return path;
}

describe('summarisePdf', () => {
  it('finds pages printed before their slide loaded (seen in a clean-clone setup under load)', async () => {
    const summary = await summarisePdf(await pdfWith(['text', 'loading', 'text']));
    expect(summary).toEqual({ pages: 3, blankPages: [], loadingPages: [2] });
    expect(pdfProblem(summary, 3)).toBe('PDF pages 2 were printed while their slide was still loading');
  });

  it('counts pages and finds blank ones', async () => {
    const summary = await summarisePdf(await pdfWith(['text', 'blank', 'nested']));
    expect(summary).toEqual({ pages: 3, blankPages: [2], loadingPages: [] });
    expect(pdfProblem(summary, 3)).toBe('PDF pages 2 are blank');
    expect(pdfProblem(summary, 4)).toBe('the PDF has 3 pages for 4 slides');
  });

  it('accepts a PDF where every page has text', async () => {
    const summary = await summarisePdf(await pdfWith(['text', 'nested']));
    expect(pdfProblem(summary, 2)).toBeNull();
  });
});
