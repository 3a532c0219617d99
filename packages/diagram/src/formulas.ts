/**
 * Formulas as vector PDF pages: KaTeX's HTML laid out in the rendering page with KaTeX's own fonts
 * (served from @studykit/math's assets), measured there, and printed one page per formula, sized to
 * its box. All the formulas of an output go in one layout and one print.
 */
import type { Page } from 'playwright-core';
import { type FormulaBox, type FormulaMarkup, measureFormulas, unmountFormulas } from './browser/formulas.js';
import type { Sheet } from './browser/print-sheets.js';
import type { CaptureLimits } from './capture-limits.js';
import { DIAGRAM_FONT } from './mermaid-config.js';
import { KATEX_CSS_URL } from './page-assets.js';
import { type PrintOptions, printMarkup } from './print.js';

export type { FormulaMarkup };

/** The size formulas are laid out at: 1 em of the text around them is this many CSS px. */
export const FORMULA_EM_PX = 40;
/** Room around the box on each sheet, in em: a glyph may reach past KaTeX's box (italic overhang). */
export const FORMULA_PAD_EM = 0.2;

/** A formula's box in em of the text around it (KaTeX draws its math at 1.21 em). */
export interface FormulaMetrics {
  width: number;
  /** Above the baseline. */
  height: number;
  /** Below the baseline. */
  depth: number;
  /** Each page is the box with this much room on every side (em). */
  pad: number;
}

export interface PrintedFormulas {
  /** One page per formula, in order: the box plus `pad` on every side (and a spare pixel below). */
  pdf: Uint8Array;
  metrics: FormulaMetrics[];
  /** CSS px to the em on the pages (FORMULA_EM_PX): what scales them to a type size. */
  emPx: number;
}

export async function printFormulas(
  page: Page,
  formulas: readonly FormulaMarkup[],
  limits: Pick<CaptureLimits, 'timeoutMs'>,
  options: PrintOptions,
): Promise<PrintedFormulas> {
  const boxes = await page.evaluate(measureFormulas, [
    formulas,
    FORMULA_EM_PX,
    KATEX_CSS_URL,
    DIAGRAM_FONT,
  ] as const);
  try {
    const pad = Math.ceil(FORMULA_PAD_EM * FORMULA_EM_PX);
    const sheets = formulas.map((formula, index) => sheetOf(formula, boxes[index] as FormulaBox, pad));
    const pdf = await printMarkup(page, sheets, limits, options);
    const em = (px: number) => px / FORMULA_EM_PX;
    const metrics = boxes.map((box) => ({
      width: em(box.width),
      height: em(box.height),
      depth: em(box.depth),
      pad: em(pad),
    }));
    return { pdf, metrics, emPx: FORMULA_EM_PX };
  } finally {
    await page.evaluate(unmountFormulas);
  }
}

function sheetOf(formula: FormulaMarkup, box: FormulaBox, pad: number): Sheet {
  const left = pad - box.offsetX;
  const top = pad - box.offsetY;
  return {
    html: `<span class="formula" style="position: absolute; left: ${left}px; top: ${top}px">${formula.html}</span>`,
    width: Math.ceil(box.width + 2 * pad),
    height: Math.ceil(box.height + box.depth + 2 * pad),
  };
}
