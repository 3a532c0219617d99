/**
 * The handout: a deck's printed PDF and its deck.json in, one PDF out. Each slide is the deck's own
 * page embedded as a Form XObject (vector, its text still selectable), never a picture of it; notes,
 * header and folio are set with @studykit/typeset (the report's typesetter and faces), embedded as
 * subsets. Pure: bytes in, an OutputFile out. Same input → byte-identical PDF.
 */
import type { OutputFile } from '@studykit/core';
import {
  Drawing,
  FontBook,
  type FormulaPrinter,
  Formulas,
  type OutlineNode,
  type PageCanvas,
  type PaperSize,
  Typesetter,
  typesetFormulas,
  writeOutline,
} from '@studykit/typeset';
import { LABELS, type Labels, type NoteParagraph } from '@studykit/view';
import { PDFDocument, type PDFEmbeddedPage, type PDFPage } from 'pdf-lib';
import {
  drawFolio,
  drawFrame,
  drawHeader,
  drawSlideNumber,
  drawWritingLines,
  WRITING_PITCH,
} from './furniture.js';
import { type HandoutLayout, pageCount, pageGrid, slidesPerPage } from './layouts.js';
import { slideLinks } from './links.js';
import { formulasIn, setNotes } from './notes.js';
import { type Placement, placeSlides } from './place.js';

/** One slide as the deck's deck.json lists it (the slides app's `DeckManifest['slides'][number]`). */
export interface HandoutSlide {
  readonly kind: string;
  readonly title: string;
  readonly kicker: string;
  readonly zoom: number;
  /**
   * One paragraph per note: plain text, or its spans with the formulas apart (@studykit/view's
   * noteSpans), which the handout typesets. Empty when the deck was built with --no-notes.
   */
  readonly notes: readonly NoteParagraph[];
  readonly paper?: string;
}

export interface HandoutHeader {
  /** The study's title (study.md). */
  study: string;
  /** What this handout is for: a family's deck, or a meeting. */
  subject: string;
  date: Date;
}

export interface RenderHandoutOptions {
  /** The deck's PDF: exactly one page per slide. */
  deckPdf: Uint8Array;
  slides: readonly HandoutSlide[];
  layout?: HandoutLayout;
  paperSize?: PaperSize;
  header: HandoutHeader;
  words: Labels;
  /** Where the CLI writes it, relative to out/: `handout/<family>.pdf`. */
  path: string;
  /**
   * Prints the notes' formulas (Chromium: the lineage's renderer), asked for only when the notes have
   * any; without it a formula shows its TeX.
   */
  formulaPrinter?: () => Promise<FormulaPrinter>;
}

export async function renderHandout(options: RenderHandoutOptions): Promise<OutputFile> {
  const layout = options.layout ?? 'notes';
  const { slides, words, header } = options;
  const source = await PDFDocument.load(options.deckPdf, { updateMetadata: false });
  // A PDF from an older build of the deck would pair notes with the wrong slides.
  if (source.getPageCount() !== slides.length) {
    throw new Error(
      `the deck PDF has ${source.getPageCount()} pages but deck.json lists ${slides.length} slides: rebuild the deck`,
    );
  }
  if (slides.length === 0) throw new Error('the deck has no slides');

  const grid = pageGrid(layout, options.paperSize ?? 'a4');
  const doc = await PDFDocument.create({ updateMetadata: false });
  const embedded = await doc.embedPages(source.getPages());
  const links = source.getPages().map(slideLinks);
  const first = embedded[0] as PDFEmbeddedPage;
  const aspect = first.width / first.height;

  const count = pageCount(layout, slides.length);
  const pages: PDFPage[] = [];
  for (let i = 0; i < count; i++) pages.push(doc.addPage([grid.width, grid.height]));
  const wantedFormulas = layout === 'notes' ? slides.flatMap((slide) => formulasIn(slide.notes)) : [];
  const formulas =
    wantedFormulas.length > 0 && options.formulaPrinter
      ? await typesetFormulas(doc, await options.formulaPrinter(), wantedFormulas, header.date)
      : new Formulas();
  const fonts = new FontBook();
  const typesetter = new Typesetter(fonts);
  const drawing = new Drawing(doc, pages, fonts);
  const dateText = words.date(header.date);
  const outline: OutlineNode[] = [];
  const seenPapers = new Set<string>();
  const perPage = slidesPerPage(layout);

  drawing.canvases.forEach((canvas, pageIndex) => {
    const start = pageIndex * perPage;
    const onPage = slides.slice(start, start + perPage);
    const placements = placeSlides(
      layout,
      grid.cells,
      aspect,
      onPage.map((slide) => slide.notes),
      typesetter,
      formulas,
    );
    drawHeader(canvas, typesetter, grid, { study: header.study, subject: header.subject, date: dateText });
    drawFolio(canvas, typesetter, grid, words.pageOf(pageIndex + 1, count));
    placements.forEach((placement, i) => {
      const slide = onPage[i] as HandoutSlide;
      // Beside its notes a slide's own footer is its number; elsewhere it is too small to read.
      if (layout !== 'notes') drawSlideNumber(canvas, typesetter, placement.slide, start + i + 1);
      drawAside(canvas, typesetter, placement, slide, formulas);
      if (slide.paper && !seenPapers.has(slide.paper)) {
        seenPapers.add(slide.paper);
        outline.push({
          title: slide.title,
          destination: { page: pageIndex, y: Math.max(0, placement.slide.top - 12) },
          children: [],
        });
      }
    });
    // Slides after the page's own text, frames after the slides: the frame lies on the slide's edge.
    placements.forEach((placement, i) => {
      const page = embedded[start + i] as PDFEmbeddedPage;
      const box = placement.slide;
      canvas.embeddedPage(() =>
        canvas.page.drawPage(page, {
          x: box.x,
          y: grid.height - box.top - box.height,
          width: box.width,
          height: box.height,
        }),
      );
    });
    for (const placement of placements) drawFrame(canvas, placement.slide);
    // The deck's links, where the slide now is.
    placements.forEach((placement, i) => {
      const box = placement.slide;
      for (const link of links[start + i] ?? []) {
        canvas.linkToUri(
          box.x + link.x * box.width,
          box.top + link.top * box.height,
          link.width * box.width,
          link.height * box.height,
          link.uri,
        );
      }
    });
  });

  await drawing.finish();
  writeOutline(drawing.context, outline);

  const title = `${header.subject} · ${words.handout}`;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setSubject(header.study);
  doc.setLanguage(words === LABELS.zh ? 'zh-Hans' : 'en');
  doc.setProducer('studykit (pdf-lib)');
  doc.setCreator('studykit');
  // The day, not the instant: rendering again on the same day gives the same bytes.
  const day = new Date(
    Date.UTC(header.date.getUTCFullYear(), header.date.getUTCMonth(), header.date.getUTCDate()),
  );
  doc.setCreationDate(day);
  doc.setModificationDate(day);
  return { path: options.path, contents: await doc.save({ useObjectStreams: true }) };
}

/** The notes and the writing lines under them, or the lines beside the slide. */
function drawAside(
  canvas: PageCanvas,
  typesetter: Typesetter,
  placement: Placement,
  slide: HandoutSlide,
  formulas: Formulas,
): void {
  if (placement.lines) drawWritingLines(canvas, placement.lines);
  const box = placement.notes;
  if (!box) return;
  const set = setNotes(typesetter, slide.notes, box.width, box.height, formulas);
  for (const { line, baseline } of set.lines) canvas.line(line, box.x, box.top + baseline);
  // What the notes leave is for the reader's own notes; a slide without notes gets all of it.
  const used = set.lines.length > 0 ? set.height + WRITING_PITCH * 0.4 : 0;
  drawWritingLines(canvas, { ...box, top: box.top + used, height: box.height - used });
}
