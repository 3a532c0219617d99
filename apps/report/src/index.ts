export { baselineOf, Typesetter } from './blocks.js';
// Drawing and navigation for other pdf-lib outputs (the handout): one way to embed and draw text.
export { type Destination, type DocumentContext, PageCanvas } from './canvas.js';
export {
  REPORT_PATH,
  type RenderReportOptions,
  renderReport,
  reportDate,
  selectFamilies,
} from './document.js';
export { FontEmbedding } from './font-embedding.js';
export { FontBook, type FontKey } from './fonts.js';
export { type OutlineNode, writeOutline } from './navigation.js';
export { layoutParagraph, type ParagraphOptions } from './text-layout.js';
export type { Line, Piece, Rgb, Run, TextStyle } from './text-types.js';
export { geometryFor, INK, MUTED, type PaperSize, RULE } from './theme.js';
