/**
 * One PDF being drawn: a canvas per page, all over one drawing context, and the faces the text was
 * set in. Drawing is recorded; `finish` embeds exactly the faces used, as subsets of the characters
 * drawn, and writes the pages' content.
 */
import type { PDFDocument, PDFPage } from 'pdf-lib';
import { type Destination, type DocumentContext, PageCanvas } from './canvas.js';
import { FontEmbedding } from './font-embedding.js';
import type { FontBook } from './fonts.js';

export class Drawing {
  readonly context: DocumentContext;
  /** One canvas per page, in page order. */
  readonly canvases: PageCanvas[];
  private readonly embedding: FontEmbedding;

  /** `fonts`: the book the text was measured with; `destination` resolves internal link ids. */
  constructor(
    doc: PDFDocument,
    pages: PDFPage[],
    private readonly fonts: FontBook,
    destination: (id: string) => Destination | undefined = () => undefined,
  ) {
    const embedding = new FontEmbedding(doc);
    this.embedding = embedding;
    this.context = {
      doc,
      pages,
      fonts: embedding.fonts,
      encode: (key, text) => embedding.encode(key, text),
      destination,
    };
    this.canvases = pages.map((page) => new PageCanvas(this.context, page));
  }

  canvas(index: number): PageCanvas {
    const canvas = this.canvases[index];
    if (!canvas) throw new Error(`no page ${index}`);
    return canvas;
  }

  /**
   * Embeds the faces used, writes every page's content and names each subset after its characters.
   * Call once, when everything is drawn; the document can then be saved.
   */
  async finish(): Promise<void> {
    await this.embedding.embed(this.fonts.used);
    for (const canvas of this.canvases) canvas.flush();
    this.embedding.tagSubsets();
  }
}
