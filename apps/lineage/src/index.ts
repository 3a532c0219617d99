export { LineageSyntaxError } from './errors.js';
export { decodeNumericEntities, escapeLabel, quoteLabel, safeHref } from './escape.js';
export { paperLabel, type ToMermaidOptions, toMermaid } from './mermaid-text.js';
export { RELATION_STYLES, type RelationStyle } from './relation-styles.js';
export { type RenderLineageOptions, renderLineage } from './render-lineage.js';
export {
  MermaidRenderer,
  PNG_MAX_PIXELS_AT_2X,
  PNG_SCALE,
  type RenderedDiagram,
  type RenderedSvg,
  type RenderOptions,
} from './renderer.js';
