/**
 * Drawing, once every page exists and every marker has its page: the cover, the paginated flows
 * (contents, body, index), the lineage page, then the folios and running headers.
 */
import { type Drawing, type FontBook, leftMargin, type PageGeometry, Typesetter } from '@studykit/typeset';
import { drawCover } from './cover.js';
import type { Picture } from './figure.js';
import type { LineageFigure } from './figures.js';
import type { Pagination } from './flow.js';
import { drawLineagePage } from './lineage-page.js';
import { drawFolio, drawRunningHeader } from './page-furniture.js';
import type { PagePlan } from './paginate-report.js';
import type { ReportInput } from './report-input.js';

export function drawPages(
  drawing: Drawing,
  fonts: FontBook,
  input: ReportInput,
  plan: PagePlan,
  lineage: LineageFigure,
  logo?: Picture,
): void {
  const { geometry, words } = input;
  const typesetter = new Typesetter(fonts);
  drawCover(drawing.canvas(0), fonts, geometry, {
    title: input.title,
    subtitle: input.study.subtitle ?? words.reportSubtitle,
    group: input.study.group,
    words,
    dateText: input.dateText,
    families: input.families.map((family) => ({
      family,
      papers: family.papers.filter((id) => input.papersById.has(id)).length,
    })),
    paperCount: input.papers.length,
    logo,
    accent: input.study.accent,
  });
  drawFlow(drawing, geometry, plan.tocFlow, plan.tocStart);
  drawLineagePage(
    drawing.canvas(plan.lineageIndex),
    fonts,
    lineage.geometry,
    plan.lineageIndex,
    lineage.diagram,
    words,
    lineage.problem,
  );
  drawFlow(drawing, geometry, plan.bodyFlow, plan.bodyStart);
  drawFlow(drawing, geometry, plan.indexFlow, plan.indexStart);
  drawFurniture(drawing, typesetter, input, plan, lineage.geometry);
}

/** A flow's pages from page `offset` on, in the text column (mirrored margins). */
function drawFlow(drawing: Drawing, geometry: PageGeometry, flow: Pagination, offset: number): void {
  flow.pages.forEach((page, i) => {
    const index = offset + i;
    const canvas = drawing.canvas(index);
    const x = leftMargin(geometry, index);
    for (const placed of page.boxes) placed.box.draw?.(canvas, x, geometry.top + placed.top);
  });
}

/**
 * A folio on every page after the cover; a running header on body pages that open no chapter:
 * the report's title on the right-hand page, the chapter's on the left.
 */
function drawFurniture(
  drawing: Drawing,
  typesetter: Typesetter,
  input: ReportInput,
  plan: PagePlan,
  lineageGeometry: PageGeometry,
): void {
  const { geometry, title } = input;
  for (let index = plan.tocStart; index < plan.pageCount; index++) {
    const canvas = drawing.canvas(index);
    const flowPage = index >= plan.bodyStart ? plan.bodyPages[index - plan.bodyStart] : undefined;
    const pageGeometry = index === plan.lineageIndex ? lineageGeometry : geometry;
    drawFolio(canvas, typesetter, pageGeometry, index, plan.labelOf(index));
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
}
