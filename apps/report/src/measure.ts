/**
 * Measuring: the body and the TOC set into flow boxes and broken into pages of the text column,
 * before any page exists. Page numbers are not known yet; what prints them reads the page map later.
 */
import { formatReferences, type ReferenceCache } from '@studykit/citations';
import type { StudyAst } from '@studykit/core';
import { contentHeight, contentWidth, type EmbeddedForm, type FontBook } from '@studykit/typeset';
import type { BodyContent } from './anchors.js';
import { BodyBuilder } from './chapters.js';
import { buildToc } from './contents.js';
import { type Pagination, paginate } from './flow.js';
import { LINEAGE_MARKER } from './lineage-page.js';
import type { NotesArt } from './notes-art.js';
import type { PageMap } from './page-map.js';
import type { ReportInput } from './report-input.js';
import { layout } from './theme.js';

export interface MeasuredReport {
  body: BodyContent;
  bodyFlow: Pagination;
  tocFlow: Pagination;
  /** The index, paginated: call once the body's pages are in the page map (it prints them). */
  paginateIndex(): Pagination;
}

export function measureReport(
  ast: StudyAst,
  input: ReportInput,
  fonts: FontBook,
  pageMap: PageMap,
  familyDiagrams: ReadonlyMap<string, EmbeddedForm>,
  referenceCache: ReferenceCache | undefined,
  art: NotesArt,
): MeasuredReport {
  const { geometry, families, papersById, words } = input;
  const width = contentWidth(geometry);
  const height = contentHeight(geometry);
  const builder = new BodyBuilder(fonts, width, pageMap, words, height * layout.familyFigure.pageShare, art);
  const references = formatReferences(ast, {
    style: 'apa',
    papers: input.papers.map((paper) => paper.id),
    ...(referenceCache ? { cache: referenceCache } : {}),
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
  const tocFlow = paginate(buildToc(fonts, width, tocEntries, pageMap, words), height);

  const paginateIndex = () => {
    const indexFlow = paginate(
      builder.index(families.flatMap((family) => family.papers.flatMap((id) => papersById.get(id) ?? []))),
      height,
    );
    if (indexFlow.pages[0]?.boxes.length === 0) indexFlow.pages.length = 0;
    return indexFlow;
  };
  return { body, bodyFlow, tocFlow, paginateIndex };
}
