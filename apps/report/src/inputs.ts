/**
 * What the report reads, for the CLI's output digests: the study (its title page), the families it
 * prints and their papers whole, the output language (detected from the whole study when study.md
 * does not declare it), its options, and the diagrams it embeds (by the lineage's own digest). Light:
 * no pdf-lib, no typesetter.
 */

import { chromiumStamp } from '@studykit/browser/chromium';
import type { Family, Paper, StudyAst } from '@studykit/core';
import { rendererStamp } from '@studykit/core/renderer-stamp';
import { outputLanguage } from '@studykit/view';
import { selectFamilies } from './select-families.js';

export interface ReportBuildOptions {
  paperSize: string;
  /** `--family`: ids or names; null for every family. */
  families: string[] | null;
  date: string | null;
  /** The digest of the diagrams the report embeds (lineage.pdf, lineage-families.pdf). */
  lineage: string;
}

export function reportInputs(ast: StudyAst, options: ReportBuildOptions): unknown {
  const families = selectFamilies(ast, options.families ?? undefined);
  const printed = new Set(families.map((family) => family.id));
  const { file: _file, ...study } = ast.study;
  return {
    options,
    study,
    language: outputLanguage(ast),
    families: families.map(withoutSource),
    papers: ast.papers.filter((paper) => printed.has(paper.family)).map(withoutSource),
  };
}

/**
 * The report renderer: its code, the typesetter's, pdf-lib, citeproc and the faces, and the Chromium
 * that measures and prints the formulas, SVG figures and diagrams of the notes.
 */
export function reportStamp(): string {
  return `${rendererStamp(import.meta.url)} ${chromiumStamp()}`;
}

/** Every field but the file it came from and that file's digest. */
function withoutSource<T extends Family | Paper>({ file: _file, digest: _digest, ...shown }: T) {
  return shown;
}
