/**
 * The pages of a PDF (the lineage diagrams) as Form XObjects, copied as they are. pdf-lib's embedPdf
 * inflates and deflates every content stream again in JavaScript and copies the fonts the pages share
 * once per page: for the 40 family diagrams of a 1,000-paper list that was 0.8 s and 3 MB more. With
 * one copier the fonts come once, and the streams keep their compressed bytes.
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFRawStream,
  type PDFRef,
} from 'pdf-lib';

/** A page of another PDF, ready to draw: its object and its size in points. */
export interface EmbeddedForm {
  ref: PDFRef;
  width: number;
  height: number;
}

export async function embedPagesAsForms(doc: PDFDocument, bytes: Uint8Array): Promise<EmbeddedForm[]> {
  const source = await PDFDocument.load(bytes, { updateMetadata: false });
  const copier = PDFObjectCopier.for(source.context, doc.context);
  return source.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = (contents instanceof PDFArray ? contents.asArray() : [contents]).map((item) =>
      source.context.lookup(item),
    );
    const resources = page.node.Resources();
    if (!resources || streams.length === 0 || !streams.every((item) => item instanceof PDFRawStream)) {
      throw new Error('a page without content or resources');
    }
    const { x, y, width, height } = page.getMediaBox();
    // Chromium writes one stream a page: copied as it is. Several are joined (decoded, deflated again).
    const form =
      streams.length === 1
        ? copier.copy(streams[0] as PDFRawStream)
        : doc.context.flateStream(
            Buffer.concat(
              streams.map((item) => Buffer.from(decodePDFRawStream(item as PDFRawStream).decode())),
            ),
          );
    form.dict.set(PDFName.of('Type'), PDFName.of('XObject'));
    form.dict.set(PDFName.of('Subtype'), PDFName.of('Form'));
    form.dict.set(
      PDFName.of('BBox'),
      doc.context.obj([x, y, x + width, y + height].map((value) => PDFNumber.of(value))),
    );
    form.dict.set(PDFName.of('Resources'), copier.copy(resources));
    return { ref: doc.context.register(form), width, height };
  });
}
