/**
 * The lineage as mermaid flowchart text: AST in, text out; no browser, no file system. The lineage
 * app and the decks both draw it (with @studykit/diagram).
 */
export { decodeNumericEntities, escapeLabel, quoteLabel, safeHref } from './escape.js';
export { EDGE_LINE_WIDTH, EDGE_MAX_LINES, measuredWidth, quoteEdgeLabel, wrapLabel } from './label-width.js';
export {
  paperLabel,
  type ToMermaidOptions,
  toMermaid,
  toOverviewMermaid,
} from './mermaid-text.js';
export { RELATION_STYLES, type RelationStyle } from './relation-styles.js';
