/**
 * A sanity check of an exported PDF. Slidev's export occasionally prints blank pages (its dev server
 * re-optimises dependencies and reloads the page mid-export): every slide has text, so a page
 * without fonts is a blank one.
 */
import { readFile } from 'node:fs/promises';
import { PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';

export interface PdfSummary {
  pages: number;
  blankPages: number[];
}

export async function summarisePdf(path: string): Promise<PdfSummary> {
  const document = await PDFDocument.load(await readFile(path), { updateMetadata: false });
  const blankPages: number[] = [];
  document.getPages().forEach((page, index) => {
    if (!usesFonts(page.node.Resources(), 0)) blankPages.push(index + 1);
  });
  return { pages: document.getPageCount(), blankPages };
}

/** Fonts in a resource dictionary or in those of its form XObjects (Chromium nests scaled content). */
function usesFonts(resources: PDFDict | undefined, depth: number): boolean {
  if (!resources || depth > 4) return false;
  const fonts = resources.lookup(PDFName.of('Font'));
  if (fonts instanceof PDFDict && fonts.keys().length > 0) return true;
  const objects = resources.lookup(PDFName.of('XObject'));
  if (!(objects instanceof PDFDict)) return false;
  return objects.keys().some((key) => {
    const object = objects.lookup(key);
    const dict = object instanceof PDFStream ? object.dict : object;
    if (!(dict instanceof PDFDict)) return false;
    const nested = dict.lookup(PDFName.of('Resources'));
    return nested instanceof PDFDict && usesFonts(nested, depth + 1);
  });
}

/** Why a PDF is not a faithful export of `slides` slides, or null when it is. */
export function pdfProblem(summary: PdfSummary, slides: number): string | null {
  if (summary.pages !== slides) return `the PDF has ${summary.pages} pages for ${slides} slides`;
  if (summary.blankPages.length > 0) return `PDF pages ${summary.blankPages.join(', ')} are blank`;
  return null;
}
