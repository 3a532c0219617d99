/**
 * The view of the study the report prints: which families and papers, in what order, the words of
 * the output language, the date and the title, and the page geometry. Everything after this stage
 * reads only this.
 */
import type { ReferenceCache } from '@studykit/citations';
import type { Family, Paper, ProgressListener, StudyAst, StudyLanguage } from '@studykit/core';
import { geometryFor, type PageGeometry, type PaperSize } from '@studykit/typeset';
import { LABELS, type Labels, labelsOf, outputLanguage } from '@studykit/view';
import { selectFamilies } from './select-families.js';

export { selectFamilies } from './select-families.js';

import type { ArtRenderer } from './notes-art.js';

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
  /**
   * Chromium (the lineage's renderer), asked for only when the notes have formulas, SVG images or
   * mermaid diagrams; without it they show as their source text.
   */
  renderer?: () => Promise<ArtRenderer>;
  /** A content file's bytes by its content-relative path (the images the notes show). */
  readFile?: (file: string) => Promise<Uint8Array>;
}

export interface ReportInput {
  geometry: PageGeometry;
  study: StudyAst['study'];
  /** The families printed, in chapter order. */
  families: Family[];
  /** Their papers, by id (papers of other families are left out). */
  papersById: Map<string, Paper>;
  papers: Paper[];
  /** The output language (study.md) and its words (@studykit/view). */
  language: StudyLanguage;
  words: Labels;
  date: Date;
  dateText: string;
  title: string;
}

export function reportInput(ast: StudyAst, options: RenderReportOptions): ReportInput {
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
  return {
    geometry,
    study: ast.study,
    families,
    papersById,
    papers,
    language: outputLanguage(ast),
    words,
    date,
    dateText,
    title: options.title ?? ast.study.title,
  };
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
