/**
 * The typesetter every pdf-lib output sets its text with: styled runs in, lines of positioned pieces
 * out, measured with one document's font book (which also records the faces to embed).
 */
import type { FontBook } from './fonts.js';
import { layoutParagraph, measureRuns, type ParagraphOptions } from './text-layout.js';
import type { Line, Run } from './text-types.js';

export class Typesetter {
  constructor(readonly fonts: FontBook) {}

  lines(runs: Run[], options: ParagraphOptions): Line[] {
    return layoutParagraph(runs, options, this.fonts);
  }

  /** Width in points of the runs set on one line, with fallback (labels, list markers). */
  measure(runs: Run[]): number {
    return measureRuns(runs, this.fonts);
  }
}

/** Where a line's baseline sits below the top of its leading: the text centred in the line pitch. */
export function baselineOf(line: Line): number {
  return (line.leading - line.size) / 2 + line.size * 0.8;
}
