/**
 * The mermaid texts the lineage draws, and which main diagram: what `renderLineage` reads of the AST,
 * and so what its output digest is made of (inputs.ts). Pure and light: no browser here.
 */
import type { StudyAst } from '@studykit/core';
import { toMermaid, toOverviewMermaid } from '@studykit/lineage-mermaid';
import { familiesWithPapers, labelsOf } from '@studykit/view';

/**
 * What the main diagram (`lineage.{mmd,svg,png,pdf}`) shows: every paper (`detail`), or one box per
 * family with the links between families counted (`overview`); `auto` picks by size (see README).
 */
export type MainView = 'auto' | 'detail' | 'overview';

/** More papers than this: the main diagram is the overview, without drawing the detail first. */
export const OVERVIEW_ABOVE_PAPERS = 60;

/**
 * Which main diagram to draw before drawing anything: the overview when there are too many papers to
 * read in one flowchart, the detail when there is only one family (an overview of one box says
 * nothing), otherwise the detail if its drawing stays within `DETAIL_MAX_SIZE` (`try-detail`).
 */
export function mainViewFor(ast: StudyAst, main: MainView = 'auto'): 'detail' | 'overview' | 'try-detail' {
  if (main !== 'auto') return main;
  const families = new Set(ast.papers.map((paper) => paper.family));
  if (families.size < 2) return 'detail';
  return ast.papers.length > OVERVIEW_ABOVE_PAPERS ? 'overview' : 'try-detail';
}

/** The main diagram's text: every paper (`detail`), one box per family (`overview`), or both to try. */
export type MainTexts =
  | { view: 'detail'; detail: string }
  | { view: 'overview'; overview: string }
  | { view: 'try-detail'; detail: string; overview: string };

export type LineageTexts = MainTexts & {
  /** `lineage-<family>` and its text, for each family with papers (always the detail). */
  families: { name: string; text: string }[];
  /** The PDFs' document title, in the study's language: "<study> — Lineage of the papers". */
  pdfTitle: string;
};

function mainTexts(ast: StudyAst, main: MainView): MainTexts {
  const view = mainViewFor(ast, main);
  // Top to bottom: ELK's left-to-right drawing of the shipped lineage is 3419 × 584 px, which the
  // report's page shows with 3 pt labels; top to bottom it is 1032 × 1557 and read twice as large.
  const detail = () => toMermaid(ast, { direction: 'TB' });
  if (view === 'detail') return { view, detail: detail() };
  if (view === 'overview') return { view, overview: toOverviewMermaid(ast) };
  return { view, detail: detail(), overview: toOverviewMermaid(ast) };
}

export function lineageTexts(ast: StudyAst, main: MainView = 'auto'): LineageTexts {
  return {
    ...mainTexts(ast, main),
    pdfTitle: `${ast.study.title} — ${labelsOf(ast).lineageOfPapers}`,
    families: familiesWithPapers(ast).map((family) => ({
      name: `lineage-${family.id}`,
      // Top to bottom: a chapter figure on a portrait page (and lineage-families.pdf) is read larger so.
      text: toMermaid(ast, { family: family.id, direction: 'TB' }),
    })),
  };
}
