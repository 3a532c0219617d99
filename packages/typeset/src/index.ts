// The typesetting library of the pdf-lib outputs (the report and the handouts): faces and fallback,
// paragraph layout, drawing on a page, font embedding, navigation and page geometry.
export { type Destination, type DocumentContext, PageCanvas } from './canvas.js';
export { Drawing } from './drawing.js';
export { type EmbeddedForm, embedPagesAsForms } from './embed-forms.js';
export { FontEmbedding } from './font-embedding.js';
export { type FaceRequest, FontBook, type FontKey } from './fonts.js';
export {
  drawFormula,
  type FormulaBox,
  type FormulaPrinter,
  type FormulaRequest,
  Formulas,
  formulaObject,
  type SetFormula,
  typesetFormulas,
} from './formulas.js';
export {
  type LabelRange,
  type OutlineNode,
  toRoman,
  writeOutline,
  writePageLabels,
} from './navigation.js';
export {
  contentHeight,
  contentWidth,
  geometryFor,
  INK,
  leftMargin,
  MUTED,
  type PageGeometry,
  type PaperSize,
  RULE,
} from './page.js';
export { HARD_BREAK, isCjk, layoutParagraph, measureRuns, type ParagraphOptions } from './text-layout.js';
export type { InlineObject, Line, Piece, Rgb, Run, TextStyle } from './text-types.js';
export { baselineOf, lineHeight, Typesetter } from './typesetter.js';
