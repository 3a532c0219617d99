/**
 * The report, stage by stage: the view of the study (report-input.ts), the lineage app's figures
 * (figures.ts), the formulas, images and diagrams of the notes (notes-art.ts), measuring body and contents (measure.ts), the page plan (paginate-report.ts), the
 * pages drawn (draw-pages.ts), outline and page labels (navigation.ts), metadata (metadata.ts).
 * Page numbers are known before anything is drawn. Same AST and options → byte-identical PDF.
 */

import type { OutputFile, StudyAst } from '@studykit/core';
import { Drawing, FontBook } from '@studykit/typeset';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { drawPages } from './draw-pages.js';
import { pictureOf } from './figure.js';
import { embedFamilyDiagrams, embedLineage } from './figures.js';
import { measureReport } from './measure.js';
import { writeMetadata } from './metadata.js';
import { writeNavigation } from './navigation.js';
import { prepareArt, wantedArt } from './notes-art.js';
import { PageMap } from './page-map.js';
import { paginateReport } from './paginate-report.js';
import { type RenderReportOptions, reportInput } from './report-input.js';

export { type RenderReportOptions, reportDate, selectFamilies } from './report-input.js';

export const REPORT_PATH = 'report/study-report.pdf';

export async function renderReport(ast: StudyAst, options: RenderReportOptions = {}): Promise<OutputFile[]> {
  const progress = (detail: string, done: number) =>
    options.onProgress?.({ step: 'report', detail, done, total: 5 });
  const input = reportInput(ast, options);
  const { geometry } = input;

  progress('laying out chapters', 0);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const familyDiagrams = await embedFamilyDiagrams(doc, options.familyDiagrams);
  const wanted = wantedArt(input.families, input.papers);
  // The group's logo (study.md) is drawn on the cover like a figure of the notes.
  const logo = input.study.logo?.data?.asset;
  if (logo) wanted.images.set(logo.digest, logo);
  const art = await prepareArt(doc, wanted, {
    ...(options.renderer ? { renderer: options.renderer } : {}),
    ...(options.readFile ? { readFile: options.readFile } : {}),
    pdfDate: input.date,
  });
  const fonts = new FontBook();
  const pageMap = new PageMap(geometry);
  const measured = measureReport(ast, input, fonts, pageMap, familyDiagrams, options.referenceCache, art);
  const plan = paginateReport(measured, pageMap);

  const pages: PDFPage[] = [];
  for (let i = 0; i < plan.pageCount; i++) pages.push(doc.addPage([geometry.width, geometry.height]));
  const lineage = await embedLineage(doc, options.lineagePdf, geometry);
  pages[plan.lineageIndex]?.setSize(lineage.geometry.width, lineage.geometry.height);
  const drawing = new Drawing(doc, pages, fonts, (marker) => pageMap.destination(marker));

  progress('drawing pages', 1);
  const logoArt = logo && art.image(logo);
  drawPages(drawing, fonts, input, plan, lineage, logoArt ? pictureOf(logoArt) : undefined);

  progress('embedding fonts', 2);
  await drawing.finish();

  progress('writing outline and metadata', 3);
  writeNavigation(doc, drawing, input, plan, pageMap, measured.body.outline);
  writeMetadata(doc, input);

  progress('saving', 4);
  const contents = await doc.save({ useObjectStreams: true });
  progress('done', 5);
  return [{ path: REPORT_PATH, contents }];
}
