export { Typesetter } from './blocks.js';
export {
  REPORT_PATH,
  type RenderReportOptions,
  renderReport,
  reportDate,
  selectFamilies,
} from './document.js';
export { FontBook, type FontKey } from './fonts.js';
export { layoutParagraph, type ParagraphOptions } from './text-layout.js';
export type { Line, Piece, Run, TextStyle } from './text-types.js';
export type { PaperSize } from './theme.js';
