/**
 * A printed deck's outline: a bookmark per paper, at its title slide, so a reader of the PDF jumps
 * from paper to paper as the agenda lists them. Chromium prints no outline of its own; pdf-lib adds
 * one and writes the file again with a classic cross-reference table (what reproduciblePdf dates).
 * One level only: the report's nested outline (@studykit/typeset) is not worth a dependency here.
 */
import { type PDFDict, PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';
import type { DeckSlide } from './deck.js';

/** The PDF with a bookmark per paper slide (unchanged when the deck shows no paper). */
export async function withPaperOutline(pdf: Uint8Array, slides: readonly DeckSlide[]): Promise<Uint8Array> {
  const marks = slides.flatMap((slide, page) =>
    slide.kind === 'paper' ? [{ title: slide.title, page }] : [],
  );
  if (marks.length === 0) return pdf;
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = document.getPages();
  const context = document.context;
  const rootRef = context.nextRef();
  const refs = marks.map(() => context.nextRef());
  marks.forEach((mark, index) => {
    const page = pages[mark.page];
    if (!page) throw new Error(`the PDF has no page ${mark.page + 1} for the bookmark "${mark.title}"`);
    const item = context.obj({}) as PDFDict;
    item.set(PDFName.of('Title'), PDFHexString.fromText(mark.title));
    item.set(PDFName.of('Parent'), rootRef);
    if (index > 0) item.set(PDFName.of('Prev'), refs[index - 1] as PDFRef);
    if (index < refs.length - 1) item.set(PDFName.of('Next'), refs[index + 1] as PDFRef);
    // The whole slide in the window.
    item.set(PDFName.of('Dest'), context.obj([page.ref, PDFName.of('Fit')]));
    context.assign(refs[index] as PDFRef, item);
  });
  const root = context.obj({ Type: 'Outlines' }) as PDFDict;
  root.set(PDFName.of('First'), refs[0] as PDFRef);
  root.set(PDFName.of('Last'), refs[refs.length - 1] as PDFRef);
  root.set(PDFName.of('Count'), context.obj(refs.length));
  context.assign(rootRef, root);
  document.catalog.set(PDFName.of('Outlines'), rootRef);
  return document.save({ useObjectStreams: false });
}
