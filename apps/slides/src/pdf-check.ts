/**
 * A sanity check of a printed deck: every slide has text, so a page without fonts is a blank one (a
 * page printed before its slide rendered), and the page count must be the slide count.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';

export interface PdfSummary {
  pages: number;
  blankPages: number[];
  /** Pages printed before their slide loaded: Slidev's "Loading slide..." placeholder is on them. */
  loadingPages: number[];
}

const LOADING_PLACEHOLDER = /Loading\s*slide/i;

export async function summarisePdf(path: string): Promise<PdfSummary> {
  const document = await PDFDocument.load(await readFile(path), { updateMetadata: false });
  const blankPages: number[] = [];
  document.getPages().forEach((page, index) => {
    if (!usesFonts(page.node.Resources(), 0)) blankPages.push(index + 1);
  });
  return {
    pages: document.getPageCount(),
    blankPages,
    loadingPages: await pagesWithText(path, LOADING_PLACEHOLDER),
  };
}

/** 1-based numbers of the pages whose text matches, via poppler's pdftotext (none if it is missing). */
function pagesWithText(path: string, pattern: RegExp): Promise<number[]> {
  return new Promise((resolve) => {
    execFile('pdftotext', ['-layout', path, '-'], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) return resolve([]);
      const pages = stdout.split('\f');
      resolve(pages.flatMap((text, index) => (pattern.test(text) ? [index + 1] : [])));
    });
  });
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
  if (summary.loadingPages.length > 0) {
    return `PDF pages ${summary.loadingPages.join(', ')} were printed while their slide was still loading`;
  }
  return null;
}
