/** Page furniture: the folio (printed page number) and the running header, mirrored for binding. */
import {
  contentWidth,
  type Line,
  leftMargin,
  MUTED,
  type PageCanvas,
  type PageGeometry,
  RULE,
  type Typesetter,
} from '@studykit/typeset';
import { sans } from './chapters.js';

/** Lines set in the page's text column, aligned to its outer edge (right on recto, left on verso). */
function outerLines(
  typesetter: Typesetter,
  geometry: PageGeometry,
  index: number,
  text: string,
  style: ReturnType<typeof sans>,
  leading: number,
): { lines: Line[]; x: number; width: number } {
  const width = contentWidth(geometry);
  const align = index % 2 === 0 ? 'right' : 'left';
  const lines = typesetter.lines([{ text, style }], { width, leading, align });
  return { lines, x: leftMargin(geometry, index), width };
}

export function drawFolio(
  canvas: PageCanvas,
  typesetter: Typesetter,
  geometry: PageGeometry,
  index: number,
  label: string,
) {
  const { lines, x } = outerLines(typesetter, geometry, index, label, sans(9, MUTED, true), 12);
  const [line] = lines;
  if (line) canvas.line(line, x, geometry.height - geometry.bottom + 34);
}

export function drawRunningHeader(
  canvas: PageCanvas,
  typesetter: Typesetter,
  geometry: PageGeometry,
  index: number,
  text: string,
) {
  const style = sans(8.5, MUTED);
  const { lines, x, width } = outerLines(typesetter, geometry, index, text, style, 11);
  const [line] = lines;
  if (!line) return;
  // One line only: a long chapter title is cut with an ellipsis rather than wrapped, on the same outer edge.
  const shown = lines.length > 1 ? ellipsize(typesetter, geometry, index, text, style) : line;
  const baseline = geometry.top - 30;
  canvas.line(shown, x, baseline);
  canvas.rule(x, baseline + 6, x + width, baseline + 6, 0.4, RULE);
}

function ellipsize(
  typesetter: Typesetter,
  geometry: PageGeometry,
  index: number,
  text: string,
  style: ReturnType<typeof sans>,
): Line {
  let cut = text.length;
  for (;;) {
    cut = Math.max(0, cut - Math.max(1, Math.floor(cut / 10)));
    const { lines } = outerLines(typesetter, geometry, index, `${text.slice(0, cut).trimEnd()}…`, style, 11);
    if (lines.length <= 1 || cut === 0) return lines[0] ?? { pieces: [], width: 0, leading: 11, size: 8.5 };
  }
}
