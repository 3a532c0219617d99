/**
 * The page plan: cover, contents, lineage, body, index. Records where every marker landed in the page
 * map (the index is set only then, so it prints the papers' final pages) and names each page.
 */

import { toRoman } from '@studykit/typeset';
import type { FlowPage, Pagination } from './flow.js';
import { LINEAGE_MARKER } from './lineage-page.js';
import type { MeasuredReport } from './measure.js';
import type { PageMap } from './page-map.js';

export interface PagePlan {
  tocStart: number;
  lineageIndex: number;
  bodyStart: number;
  indexStart: number;
  pageCount: number;
  tocFlow: Pagination;
  bodyFlow: Pagination;
  indexFlow: Pagination;
  /** The body's pages then the index's, from `bodyStart`. */
  bodyPages: FlowPage[];
  /** The printed label of page `index`: roman in the front matter, arabic from the body. */
  labelOf(index: number): string;
}

export function paginateReport(measured: MeasuredReport, pageMap: PageMap): PagePlan {
  const { tocFlow, bodyFlow } = measured;
  const tocStart = 1;
  const lineageIndex = tocStart + tocFlow.pages.length;
  const bodyStart = lineageIndex + 1;
  const frontLabel = (index: number) => toRoman(index);
  const bodyLabel = (index: number) => String(index - bodyStart + 1);
  pageMap.record(tocFlow, tocStart, frontLabel);
  pageMap.record(bodyFlow, bodyStart, bodyLabel);
  const indexStart = bodyStart + bodyFlow.pages.length;
  const indexFlow = measured.paginateIndex();
  pageMap.record(indexFlow, indexStart, bodyLabel);
  const bodyPages = [...bodyFlow.pages, ...indexFlow.pages];
  pageMap.place(LINEAGE_MARKER, lineageIndex, frontLabel(lineageIndex));
  return {
    tocStart,
    lineageIndex,
    bodyStart,
    indexStart,
    pageCount: bodyStart + bodyPages.length,
    tocFlow,
    bodyFlow,
    indexFlow,
    bodyPages,
    labelOf: (index) => (index >= bodyStart ? bodyLabel(index) : frontLabel(index)),
  };
}
