/// <reference lib="dom" />
/**
 * What the rendering page offers Node: `window.studykitDiagram`, set by `installDiagramApi` once
 * mermaid has loaded, and the small functions Node runs in the page to call it. page.evaluate sends
 * a function's source text, so each uses only its arguments and the page's globals.
 */

export type DrawResult =
  | { ok: true; svg: string; width: number; height: number }
  | { ok: false; message: string };

export type ParseOutcome = { ok: true } | { ok: false; message: string };

export interface DiagramPageApi {
  /** Draws `text` as the `<svg>` with this id, sized and cleaned up (see install-api.ts). */
  render(id: string, text: string): Promise<DrawResult>;
  /** mermaid's own parser, nothing drawn. */
  parse(text: string): Promise<ParseOutcome>;
}

declare global {
  interface Window {
    studykitDiagram?: DiagramPageApi;
  }
}

/** True once the page has loaded mermaid and installed its API. */
export function pageApiReady(): boolean {
  return window.studykitDiagram !== undefined;
}

export function drawInPage([id, text]: readonly [string, string]): Promise<DrawResult> {
  const api = window.studykitDiagram;
  if (!api) throw new Error('the diagram page has not loaded mermaid');
  return api.render(id, text);
}

export function parseInPage(text: string): Promise<ParseOutcome> {
  const api = window.studykitDiagram;
  if (!api) throw new Error('the diagram page has not loaded mermaid');
  return api.parse(text);
}
