/** Page furniture: the folio (printed page number) and the running header, mirrored for binding. */
import {
  contentWidth,
  type Line,
  leftMargin,
  MUTED,
  type PageCanvas,
  type PageGeometry,
  RULE,
  type TextStyle,
  type Typesetter,
} from '@studykit/typeset';
import { sans } from './theme.js';

/**
 * One line set in the page's text column, aligned to its outer edge (right on recto, left on verso):
 * a text too long for it is cut with an ellipsis rather than wrapped.
 */
function outerLine(
  typesetter: Typesetter,
  geometry: PageGeometry,
  index: number,
  text: string,
  style: TextStyle,
  leading: number,
): { line: Line; x: number; width: number } {
  const width = contentWidth(geometry);
  const align = index % 2 === 0 ? 'right' : 'left';
  const line = typesetter.oneLine([{ text, style }], { width, leading, align });
  return { line, x: leftMargin(geometry, index), width };
}

export function drawFolio(
  canvas: PageCanvas,
  typesetter: Typesetter,
  geometry: PageGeometry,
  index: number,
  label: string,
) {
  const { line, x } = outerLine(typesetter, geometry, index, label, sans(9, MUTED, true), 12);
  canvas.line(line, x, geometry.height - geometry.bottom + 34);
}

export function drawRunningHeader(
  canvas: PageCanvas,
  typesetter: Typesetter,
  geometry: PageGeometry,
  index: number,
  text: string,
) {
  const { line, x, width } = outerLine(typesetter, geometry, index, text, sans(8.5, MUTED), 11);
  if (line.pieces.length === 0) return;
  const baseline = geometry.top - 30;
  canvas.line(line, x, baseline);
  canvas.rule(x, baseline + 6, x + width, baseline + 6, 0.4, RULE);
}
