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
import { layout, sans } from './theme.js';

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
  const f = layout.furniture;
  const { line, x } = outerLine(
    typesetter,
    geometry,
    index,
    label,
    sans(f.folioSize, MUTED, true),
    f.folioLeading,
  );
  canvas.line(line, x, geometry.height - geometry.bottom + f.folioDrop);
}

export function drawRunningHeader(
  canvas: PageCanvas,
  typesetter: Typesetter,
  geometry: PageGeometry,
  index: number,
  text: string,
) {
  const f = layout.furniture;
  const { line, x, width } = outerLine(
    typesetter,
    geometry,
    index,
    text,
    sans(f.headerSize, MUTED),
    f.headerLeading,
  );
  if (line.pieces.length === 0) return;
  const baseline = geometry.top - f.headerRaise;
  canvas.line(line, x, baseline);
  canvas.rule(
    x,
    baseline + f.headerRuleDrop,
    x + width,
    baseline + f.headerRuleDrop,
    f.headerRuleWeight,
    RULE,
  );
}
