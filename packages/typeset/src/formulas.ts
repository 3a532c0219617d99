/**
 * Formulas for the pdf-lib outputs: the TeX typeset by KaTeX (@studykit/math, the one engine of the
 * kit), printed by Chromium as vector pages with each box measured there (a FormulaPrinter: the
 * lineage's MermaidRenderer), embedded as Form XObjects, and set inline on the baseline or on their
 * own. All the formulas of a document go to the printer in one call; each distinct TeX once.
 */
import { texToHtml } from '@studykit/math';
import type { PDFDocument } from 'pdf-lib';
import type { PageCanvas } from './canvas.js';
import { type EmbeddedForm, embedPagesAsForms } from './embed-forms.js';
import type { InlineObject } from './text-types.js';

/** A formula's box in em of the text around it; its page has `pad` em of room on every side. */
export interface FormulaBox {
  width: number;
  height: number;
  depth: number;
  pad: number;
}

/** What prints formulas: packages/diagram's MermaidRenderer does. */
export interface FormulaPrinter {
  printFormulas(
    formulas: readonly { html: string; display: boolean }[],
    options?: { pdfDate?: Date; title?: string },
  ): Promise<{ pdf: Uint8Array; metrics: readonly FormulaBox[]; emPx: number }>;
}

export interface SetFormula {
  box: FormulaBox;
  form: EmbeddedForm;
  /** CSS px to the em on the formula's page. */
  emPx: number;
}

export interface FormulaRequest {
  tex: string;
  display: boolean;
}

/** The formulas of one document, by TeX and mode. */
export class Formulas {
  constructor(private readonly set: ReadonlyMap<string, SetFormula> = new Map()) {}

  static key({ tex, display }: FormulaRequest): string {
    return `${display ? 'display' : 'inline'}\n${tex}`;
  }

  get(tex: string, display: boolean): SetFormula | undefined {
    return this.set.get(Formulas.key({ tex, display }));
  }

  /** An inline formula as an object for the typesetter; undefined when it could not be drawn. */
  object(tex: string, display = false): InlineObject | undefined {
    const formula = this.get(tex, display);
    return formula ? formulaObject(formula) : undefined;
  }
}

/**
 * Prints and embeds every formula of `wanted` (duplicates once). TeX that KaTeX refuses is left out
 * (check reports it; the outputs then show its TeX as text).
 */
export async function typesetFormulas(
  doc: PDFDocument,
  printer: FormulaPrinter,
  wanted: Iterable<FormulaRequest>,
  pdfDate?: Date,
): Promise<Formulas> {
  const unique = new Map<string, FormulaRequest>();
  for (const request of wanted) unique.set(Formulas.key(request), request);
  const typeset = [...unique].flatMap(([key, { tex, display }]) => {
    try {
      return [{ key, html: texToHtml(tex, display), display }];
    } catch {
      return [];
    }
  });
  if (typeset.length === 0) return new Formulas();
  const printed = await printer.printFormulas(
    typeset.map(({ html, display }) => ({ html, display })),
    { title: 'formulas', ...(pdfDate ? { pdfDate } : {}) },
  );
  const forms = await embedPagesAsForms(doc, printed.pdf);
  const set = new Map<string, SetFormula>();
  typeset.forEach(({ key }, index) => {
    const box = printed.metrics[index];
    const form = forms[index];
    if (box && form) set.set(key, { box, form, emPx: printed.emPx });
  });
  return new Formulas(set);
}

/** Points of the printed page per CSS px (Chromium prints 96 px to the inch). */
const POINTS_PER_PX = 0.75;

/** Draws a formula with its baseline starting at (x, baseline), top-down, `size` points to the em. */
export function drawFormula(
  canvas: PageCanvas,
  formula: SetFormula,
  x: number,
  baseline: number,
  size: number,
): void {
  const { box, form, emPx } = formula;
  const scale = size / (emPx * POINTS_PER_PX);
  // The page holds the box `pad` em in from its top-left corner.
  canvas.form(
    form,
    x - box.pad * size,
    baseline - (box.height + box.pad) * size,
    form.width * scale,
    form.height * scale,
  );
}

export function formulaObject(formula: SetFormula): InlineObject {
  const { width, height, depth } = formula.box;
  return {
    width,
    height,
    depth,
    draw: (canvas, x, baseline, size) => drawFormula(canvas, formula, x, baseline, size),
  };
}
