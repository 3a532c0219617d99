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

  /**
   * The runs set on one line (a running header, a folio): when they would wrap, the last run that
   * still has text is cut, about a twelfth of its characters at a time, and ends with an ellipsis.
   */
  oneLine(runs: Run[], options: ParagraphOptions): Line {
    const set = (candidate: Run[]) =>
      this.lines(
        candidate.filter((run) => run.text.length > 0),
        options,
      );
    let lines = set(runs);
    // Code points, not UTF-16 units: a cut never splits an emoji's surrogate pair.
    const characters = runs.map((run) => Array.from(run.text));
    while (lines.length > 1) {
      const index = characters.findLastIndex((chars) => chars.length > 0);
      const chars = characters[index];
      if (!chars) break;
      chars.length -= Math.max(1, Math.floor(chars.length / 12));
      lines = set(
        runs.map((run, i) => ({
          ...run,
          text: i < index ? run.text : i === index ? `${chars.join('').trimEnd()}…` : '',
        })),
      );
    }
    return lines[0] ?? { pieces: [], width: 0, leading: options.leading, size: runs[0]?.style.size ?? 0 };
  }

  /** Width in points of the runs set on one line, with fallback (labels, list markers). */
  measure(runs: Run[]): number {
    return measureRuns(runs, this.fonts);
  }
}

/**
 * Where a line's baseline sits below the top of its leading: the text centred in the line pitch,
 * lowered when an inline object (a tall formula) reaches above the line.
 */
export function baselineOf(line: Line): number {
  return textBaseline(line) + roomAbove(line);
}

/** The height a line takes: its leading, plus what its inline objects need above and below it. */
export function lineHeight(line: Line): number {
  return line.leading + roomAbove(line) + roomBelow(line);
}

/** An object may come this close (a share of the type size) to the lines above and below. */
const OBJECT_CLEARANCE = 0.08;

function textBaseline(line: Line): number {
  return (line.leading - line.size) / 2 + line.size * 0.8;
}

function roomAbove(line: Line): number {
  if (!line.above) return 0;
  return Math.max(0, line.above + line.size * OBJECT_CLEARANCE - textBaseline(line));
}

function roomBelow(line: Line): number {
  if (!line.below) return 0;
  return Math.max(0, line.below + line.size * OBJECT_CLEARANCE - (line.leading - textBaseline(line)));
}
