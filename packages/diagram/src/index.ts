/**
 * Mermaid text to SVG, PNG and vector PDF, drawn in Debian's Chromium with the kit's own fonts.
 * Knows nothing of papers: the lineage and the decks hand it their mermaid text.
 */

export { type DiagramMeasures, measureDiagrams } from './browser/layout-measures.js';
export { CAPTURE_LIMITS, type CaptureLimits, PNG_SCALE, pdfScaleFor, pngScaleFor } from './capture-limits.js';
export type { RenderedSvg, RenderOptions } from './draw-svg.js';
export { DiagramDeclined, DiagramRenderError, DiagramSyntaxError, oneLine } from './errors.js';
export {
  FORMULA_EM_PX,
  type FormulaMarkup,
  type FormulaMetrics,
  type PrintedFormulas,
} from './formulas.js';
export type { SvgImage } from './images.js';
export {
  type FullRenderOptions,
  type LaunchRendererOptions,
  MermaidRenderer,
  type PrintPagesOptions,
  type RenderedDiagram,
} from './renderer.js';
