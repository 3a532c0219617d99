/**
 * Mermaid text to a standalone SVG on one of the renderer's pages, and mermaid's own syntax check.
 * mermaid parses the text before it draws anything: a text that does not parse throws
 * DiagramSyntaxError naming the line.
 */
import type { Page } from 'playwright-core';
import { drawInPage, parseInPage } from './browser/page-api.js';
import { DiagramRenderError, oneLine, syntaxErrorFrom } from './errors.js';
import { embedFonts } from './svg-fonts.js';

export interface RenderOptions {
  /** Id of the `<svg>` element (and prefix of mermaid's inner ids); letters, digits and hyphens. */
  id?: string;
  /**
   * What the diagram is, for error messages: its mermaid file, e.g. "lineage-glm.mmd" (the PNG and
   * PDF are named after it: "lineage-glm.png").
   */
  name?: string;
  /**
   * Embed the subset fonts in the SVG (default true: a standalone file must carry them). A deck that
   * inlines the SVG has the faces already.
   */
  embedFonts?: boolean;
}

export interface RenderedSvg {
  svg: string;
  width: number;
  height: number;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n';

/** The diagram's name in messages: its mermaid file, or "the diagram". */
export const diagramName = (options: RenderOptions): string => options.name ?? 'the diagram';

function svgId(options: RenderOptions): string {
  const id = (options.id ?? 'diagram').replace(/[^A-Za-z0-9-]/g, '-');
  return /^[A-Za-z]/.test(id) ? id : `d-${id}`;
}

export async function drawSvg(page: Page, text: string, options: RenderOptions): Promise<RenderedSvg> {
  const name = diagramName(options);
  const result = await page.evaluate(drawInPage, [svgId(options), text] as const).catch((error: unknown) => {
    throw new DiagramRenderError(
      `${name.replace(/\.mmd$/, '.svg')}: Chromium failed while mermaid drew it (${oneLine(error)}); build again, and if it keeps failing report it with its mermaid text`,
    );
  });
  if (!result.ok) {
    if (/parse error|lexical error|syntax error/i.test(result.message))
      throw syntaxErrorFrom(text, result.message, name);
    throw new DiagramRenderError(`mermaid could not render ${name}: ${oneLine(result.message)}`);
  }
  const svg = options.embedFonts === false ? result.svg : await embedFonts(result.svg);
  return { svg: XML_DECLARATION + svg, width: result.width, height: result.height };
}

/** Throws DiagramSyntaxError, naming the offending line, if mermaid's own parser rejects `text`. */
export async function checkSyntax(page: Page, text: string, options: RenderOptions): Promise<void> {
  const result = await page.evaluate(parseInPage, text);
  if (!result.ok) throw syntaxErrorFrom(text, result.message, diagramName(options));
}
