/**
 * Mermaid text to SVG, PNG and vector PDF, drawn in Debian's Chromium with the kit's own fonts.
 * Knows nothing of papers: the lineage and the decks hand it their mermaid text.
 */
export { LineageRenderError, LineageSyntaxError, oneLine } from './errors.js';
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
