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
