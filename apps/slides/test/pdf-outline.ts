/** A PDF's top-level bookmarks as [title, 0-based page] pairs, read with pdf-lib (poppler prints none). */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

export async function pdfOutline(bytes: Uint8Array): Promise<{ title: string; page: number }[]> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = document.getPages().map((page) => page.ref);
  const root = document.catalog.lookup(PDFName.of('Outlines'));
  if (!(root instanceof PDFDict)) return [];
  const marks: { title: string; page: number }[] = [];
  let item = root.lookup(PDFName.of('First'));
  while (item instanceof PDFDict) {
    const title = item.lookup(PDFName.of('Title'));
    const dest = item.lookup(PDFName.of('Dest'));
    const target = dest instanceof PDFArray ? dest.get(0) : undefined;
    marks.push({
      title: title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '',
      page: target instanceof PDFRef ? pages.indexOf(target) : -1,
    });
    item = item.lookup(PDFName.of('Next'));
  }
  return marks;
}
