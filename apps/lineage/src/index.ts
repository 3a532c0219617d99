export { LineageRenderError, LineageSyntaxError, oneLine } from './errors.js';
export { decodeNumericEntities, escapeLabel, quoteLabel, safeHref } from './escape.js';
export { EDGE_LINE_WIDTH, EDGE_MAX_LINES, measuredWidth, quoteEdgeLabel, wrapLabel } from './label-width.js';
export {
  paperLabel,
  type ToMermaidOptions,
  toMermaid,
  toOverviewMermaid,
} from './mermaid-text.js';
export { RELATION_STYLES, type RelationStyle } from './relation-styles.js';
export {
  DETAIL_MAX_SIZE,
  FAMILY_FIGURES_PATH,
  type MainView,
  mainViewFor,
  OVERVIEW_ABOVE_PAPERS,
  type RenderLineageOptions,
  renderLineage,
} from './render-lineage.js';
export {
  CAPTURE_LIMITS,
  type CaptureLimits,
  DiagramDeclined,
  type FullRenderOptions,
  type LaunchRendererOptions,
  MermaidRenderer,
  PNG_MAX_PIXELS_AT_2X,
  PNG_SCALE,
  pdfScaleFor,
  pngScaleFor,
  type RenderedDiagram,
  type RenderedSvg,
  type RenderOptions,
} from './renderer.js';
