/**
 * Assembles the booklet: lays out the body and the TOC first (page numbers are known before anything
 * is drawn), then creates the pages, embeds the used faces as subsets, draws, and writes outline,
 * page labels and metadata. Same AST and options → byte-identical PDF.
 */

import { formatReferences, type ReferenceCache } from '@studykit/citations';
import type { Family, OutputFile, Paper, ProgressListener, StudyAst } from '@studykit/core';
import { compareCodePoints } from '@studykit/core';
import {
  contentHeight,
  contentWidth,
  type Destination,
  Drawing,
  type EmbeddedForm,
  embedPagesAsForms,
  FontBook,
  geometryFor,
  leftMargin,
  type OutlineNode,
  type PageGeometry,
  type PaperSize,
  Typesetter,
  toRoman,
  writeOutline,
  writePageLabels,
} from '@studykit/typeset';
import { LABELS, type Labels, labelsOf, outputLanguage } from '@studykit/view';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import type { OutlineEntry, PageLabels } from './anchors.js';
import { BodyBuilder } from './chapters.js';
import { type Pagination, paginate } from './flow.js';
import { buildToc, CONTENTS_MARKER, drawCover, drawLineagePage, LINEAGE_MARKER } from './front-matter.js';
import { drawFolio, drawRunningHeader } from './page-furniture.js';

export interface RenderReportOptions {
  paperSize?: PaperSize;
  /** Family ids (or names) to include, in the content's order; default: all. */
  families?: string[];
  /** ISO yyyy-mm-dd shown on the cover and used as the PDF dates; default: derived from content. */
  date?: string;
  /** The lineage app's one-page vector PDF. */
  lineagePdf?: Uint8Array;
  /** The lineage app's lineage-families.pdf: each family's diagram, a page each, in `families` order. */
  familyDiagrams?: { pdf: Uint8Array; families: readonly string[] };
  onProgress?: ProgressListener;
  /** Cover title; defaults to the study's title (study.md). */
  title?: string;
  /** References formatted in earlier builds (the CLI keeps them): only new ones go through citeproc. */
  referenceCache?: ReferenceCache;
}

export const REPORT_PATH = 'report/study-report.pdf';
export function selectFamilies(ast: StudyAst, wanted: string[] | undefined): Family[] {
  const ordered = [...ast.families].sort((a, b) => a.order - b.order || compareCodePoints(a.id, b.id));
  if (!wanted || wanted.length === 0) return ordered;
  const unknown = wanted.filter(
    (name) => !ordered.some((family) => family.id === name || family.name === name),
  );
  if (unknown.length > 0) {
    throw new Error(
      `Unknown famil${unknown.length === 1 ? 'y' : 'ies'}: ${unknown.join(', ')} (known: ${ordered.map((f) => f.id).join(', ')})`,
    );
  }
  return ordered.filter((family) => wanted.includes(family.id) || wanted.includes(family.name));
}

/** The date on the cover: the option, else 1 January of the newest paper's year (deterministic). */
export function reportDate(
  papers: Paper[],
  option: string | undefined,
  words: Labels = LABELS.en,
): { date: Date; text: string } {
  if (option !== undefined) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(option);
    const date = match
      ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
      : undefined;
    if (!match || !date || Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(match[3])) {
      throw new Error(`Invalid report date "${option}": expected yyyy-mm-dd`);
    }
    return { date, text: words.date(date) };
  }
  const year = papers.reduce((newest, paper) => Math.max(newest, paper.year), 0) || 2000;
  return { date: new Date(Date.UTC(year, 0, 1)), text: words.papersUpTo(year) };
}

export async function renderReport(ast: StudyAst, options: RenderReportOptions = {}): Promise<OutputFile[]> {
  const progress = (detail: string, done: number) =>
    options.onProgress?.({ step: 'report', detail, done, total: 5 });
  const geometry = geometryFor(options.paperSize ?? 'a4');
  const families = selectFamilies(ast, options.families);
  const familyIds = new Set(families.map((family) => family.id));
  const papersById = new Map(
    ast.papers.filter((paper) => familyIds.has(paper.family)).map((paper) => [paper.id, paper]),
  );
  const papers = [...papersById.values()];
  // The study names itself (study.md) and every word of ours follows its language (@studykit/view).
  const words = labelsOf(ast);
  const { date, text: dateText } = reportDate(papers, options.date, words);
  const title = options.title ?? ast.study.title;

  progress('laying out chapters', 0);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const familyDiagrams = await embedFamilyDiagrams(doc, options.familyDiagrams);
  const fonts = new FontBook();
  const width = contentWidth(geometry);
  const height = contentHeight(geometry);
  const pageLabelOf = new Map<string, string>();
  const labels: PageLabels = { labelOf: (marker) => pageLabelOf.get(marker) ?? '' };
  // A chapter's diagram shares the opening page with the chapter's title and overview.
  const builder = new BodyBuilder(fonts, width, labels, words, height * 0.55);
  const references = formatReferences(ast, {
    style: 'apa',
    papers: papers.map((paper) => paper.id),
    ...(options.referenceCache ? { cache: options.referenceCache } : {}),
  });
  const body = builder.build(
    families,
    papersById,
    new Map(references.map((entry) => [entry.id, entry])),
    familyDiagrams,
  );
  const bodyFlow = paginate(body.boxes, height);

  const tocEntries = [
    { level: 0 as const, label: '', title: words.lineageOfPapers, marker: LINEAGE_MARKER },
    ...body.toc,
  ];
  const tocFlow = paginate(buildToc(fonts, width, tocEntries, labels, words), height);

  // Page order: cover, contents, lineage, body.
  const tocStart = 1;
  const lineageIndex = tocStart + tocFlow.pages.length;
  const bodyStart = lineageIndex + 1;
  const destinations = new Map<string, Destination>();
  const record = (flow: Pagination, offset: number, labelOf: (page: number) => string) => {
    for (const [marker, place] of flow.markers) {
      destinations.set(marker, { page: offset + place.page, y: geometry.top + place.y });
      pageLabelOf.set(marker, labelOf(offset + place.page));
    }
  };
  const frontLabel = (index: number) => toRoman(index);
  const bodyLabel = (index: number) => String(index - bodyStart + 1);
  record(tocFlow, tocStart, frontLabel);
  record(bodyFlow, bodyStart, bodyLabel);
  // The index comes last: built now, it prints the final page numbers of the papers.
  const indexStart = bodyStart + bodyFlow.pages.length;
  const indexFlow = paginate(
    builder.index(families.flatMap((family) => family.papers.flatMap((id) => papersById.get(id) ?? []))),
    height,
  );
  if (indexFlow.pages[0]?.boxes.length === 0) indexFlow.pages.length = 0;
  record(indexFlow, indexStart, bodyLabel);
  const bodyPages = [...bodyFlow.pages, ...indexFlow.pages];
  destinations.set(LINEAGE_MARKER, { page: lineageIndex, y: geometry.top });
  pageLabelOf.set(LINEAGE_MARKER, frontLabel(lineageIndex));

  const pageCount = bodyStart + bodyPages.length;
  const pages: PDFPage[] = [];
  for (let i = 0; i < pageCount; i++) pages.push(doc.addPage([geometry.width, geometry.height]));
  let diagram: EmbeddedForm | undefined;
  let diagramProblem: string | undefined;
  if (options.lineagePdf) {
    try {
      [diagram] = await embedPagesAsForms(doc, options.lineagePdf);
    } catch (error) {
      // A broken diagram must not cost the whole report: its page says what went wrong instead.
      diagramProblem = `The lineage PDF could not be read (${error instanceof Error ? error.message : String(error)}).`;
    }
  }
  // A wide diagram gets a landscape page: it prints twice as large, and viewers show it upright.
  const lineageGeometry: PageGeometry =
    diagram && diagram.width > diagram.height * 1.15
      ? { ...geometry, width: geometry.height, height: geometry.width }
      : geometry;
  pages[lineageIndex]?.setSize(lineageGeometry.width, lineageGeometry.height);
  const drawing = new Drawing(doc, pages, fonts, (id) => destinations.get(id));
  const canvasOf = (index: number) => drawing.canvas(index);
  const typesetter = new Typesetter(fonts);

  progress('drawing pages', 1);
  drawCover(canvasOf(0), fonts, geometry, {
    title,
    subtitle: ast.study.subtitle ?? words.reportSubtitle,
    group: ast.study.group,
    words,
    dateText,
    families: families.map((family) => ({
      family,
      papers: family.papers.filter((id) => papersById.has(id)).length,
    })),
    paperCount: papers.length,
  });
  const drawFlow = (flow: Pagination, offset: number) => {
    flow.pages.forEach((page, i) => {
      const index = offset + i;
      const canvas = canvasOf(index);
      const x = leftMargin(geometry, index);
      for (const placed of page.boxes) placed.box.draw?.(canvas, x, geometry.top + placed.top);
    });
  };
  drawFlow(tocFlow, tocStart);
  drawLineagePage(
    canvasOf(lineageIndex),
    fonts,
    lineageGeometry,
    lineageIndex,
    diagram,
    words,
    diagramProblem,
  );
  drawFlow(bodyFlow, bodyStart);
  drawFlow(indexFlow, indexStart);

  // Running headers and footers.
  for (let index = tocStart; index < pageCount; index++) {
    const canvas = canvasOf(index);
    const inBody = index >= bodyStart;
    const label = inBody ? bodyLabel(index) : frontLabel(index);
    const flowPage = inBody ? bodyPages[index - bodyStart] : undefined;
    drawFolio(canvas, typesetter, index === lineageIndex ? lineageGeometry : geometry, index, label);
    if (flowPage && !flowPage.opensChapter) {
      drawRunningHeader(
        canvas,
        typesetter,
        geometry,
        index,
        index % 2 === 1 ? title : (flowPage.chapter ?? title),
      );
    }
  }

  progress('embedding fonts', 2);
  await drawing.finish();

  progress('writing outline and metadata', 3);
  const outline: OutlineNode[] = [];
  const toNode = (entry: OutlineEntry): OutlineNode | undefined => {
    const destination = destinations.get(entry.marker);
    if (!destination) return undefined;
    return {
      title: entry.title,
      destination,
      children: entry.children.map(toNode).filter((node): node is OutlineNode => !!node),
    };
  };
  const contents = destinations.get(CONTENTS_MARKER);
  if (contents) outline.push({ title: words.contents, destination: contents, children: [] });
  outline.push({
    title: words.lineageOfPapers,
    destination: { page: lineageIndex, y: geometry.top },
    children: [],
  });
  for (const entry of body.outline) {
    const node = toNode(entry);
    if (node) outline.push(node);
  }
  writeOutline(drawing.context, outline);
  writePageLabels(doc, [
    { start: 0, prefix: words.cover },
    { start: tocStart, style: 'r' },
    { start: bodyStart, style: 'D' },
  ]);

  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(ast.study.group ?? words.readingGroup);
  doc.setSubject(
    `${words.studyReport(papers.length, families.length)} (${families.map((family) => family.name).join(', ')})`,
  );
  const keywords = [
    ...new Set([...families.map((family) => family.name), ...papers.flatMap((paper) => paper.tags)]),
  ];
  doc.setKeywords(keywords.slice(0, 60));
  doc.setLanguage(outputLanguage(ast) === 'zh' ? 'zh-Hans' : 'en');
  doc.setProducer('studykit report (pdf-lib)');
  doc.setCreator('studykit');
  doc.setCreationDate(date);
  doc.setModificationDate(date);

  progress('saving', 4);
  const contentsBytes = await doc.save({ useObjectStreams: true });
  progress('done', 5);
  return [{ path: REPORT_PATH, contents: contentsBytes }];
}

/**
 * The family diagrams, embedded once each (vector). A damaged PDF costs only the chapter figures:
 * the chapters stand without them.
 */
async function embedFamilyDiagrams(
  doc: PDFDocument,
  diagrams: RenderReportOptions['familyDiagrams'],
): Promise<Map<string, EmbeddedForm>> {
  if (!diagrams || diagrams.families.length === 0) return new Map();
  const forms = await embedPagesAsForms(doc, diagrams.pdf).catch(() => []);
  if (forms.length !== diagrams.families.length) return new Map();
  return new Map(diagrams.families.map((family, index) => [family, forms[index] as EmbeddedForm]));
}
