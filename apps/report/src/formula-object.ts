/**
 * A formula set in the text: an inline object for the typesetter (a box on the baseline that lines
 * break around), and a display formula as a centred box of its own. Both draw the formula's vector
 * page (notes-art.ts) scaled to the type size: 1 em of the text is FORMULA_EM_PX CSS px on that page.
 */
import { FORMULA_EM_PX } from '@studykit/diagram';
import type { InlineObject, PageCanvas } from '@studykit/typeset';
import type { FormulaArt } from './notes-art.js';

/** Points of the printed page per CSS px (Chromium prints 96 px to the inch). */
const POINTS_PER_PX = 0.75;

/** Draws the formula with its baseline starting at (x, baseline), `size` points to the em. */
export function drawFormula(
  canvas: PageCanvas,
  art: FormulaArt,
  x: number,
  baseline: number,
  size: number,
): void {
  const { metrics, form } = art;
  const scale = size / (FORMULA_EM_PX * POINTS_PER_PX);
  // The page holds the box `pad` em in from its top-left corner.
  canvas.form(
    form,
    x - metrics.pad * size,
    baseline - (metrics.height + metrics.pad) * size,
    form.width * scale,
    form.height * scale,
  );
}

export function formulaObject(art: FormulaArt): InlineObject {
  const { width, height, depth } = art.metrics;
  return {
    width,
    height,
    depth,
    draw: (canvas, x, baseline, size) => drawFormula(canvas, art, x, baseline, size),
  };
}
