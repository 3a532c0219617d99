/**
 * The lineage app's PDFs, embedded as vector forms: the full lineage diagram (its own page) and each
 * family's diagram (in its chapter). A damaged PDF never costs the report.
 */
import { type EmbeddedForm, embedPagesAsForms, type PageGeometry } from '@studykit/typeset';
import type { PDFDocument } from 'pdf-lib';
import type { RenderReportOptions } from './report-input.js';
import { layout } from './theme.js';

/**
 * The family diagrams, embedded once each (vector). A damaged PDF costs only the chapter figures:
 * the chapters stand without them.
 */
export async function embedFamilyDiagrams(
  doc: PDFDocument,
  diagrams: RenderReportOptions['familyDiagrams'],
): Promise<Map<string, EmbeddedForm>> {
  if (!diagrams || diagrams.families.length === 0) return new Map();
  const forms = await embedPagesAsForms(doc, diagrams.pdf).catch(() => []);
  if (forms.length !== diagrams.families.length) return new Map();
  return new Map(diagrams.families.map((family, index) => [family, forms[index] as EmbeddedForm]));
}

export interface LineageFigure {
  diagram: EmbeddedForm | undefined;
  /** Why there is no diagram when one was given: printed on its page instead. */
  problem: string | undefined;
  /** The lineage page's geometry: landscape for a wide diagram. */
  geometry: PageGeometry;
}

export async function embedLineage(
  doc: PDFDocument,
  lineagePdf: Uint8Array | undefined,
  geometry: PageGeometry,
): Promise<LineageFigure> {
  let diagram: EmbeddedForm | undefined;
  let problem: string | undefined;
  if (lineagePdf) {
    try {
      [diagram] = await embedPagesAsForms(doc, lineagePdf);
    } catch (error) {
      // A broken diagram must not cost the whole report: its page says what went wrong instead.
      problem = `The lineage PDF could not be read (${error instanceof Error ? error.message : String(error)}).`;
    }
  }
  // A wide diagram gets a landscape page: it prints twice as large, and viewers show it upright.
  const lineageGeometry: PageGeometry =
    diagram && diagram.width > diagram.height * layout.lineagePage.landscapeAspect
      ? { ...geometry, width: geometry.height, height: geometry.width }
      : geometry;
  return { diagram, problem, geometry: lineageGeometry };
}
