/**
 * Figures on slides: an image on a paragraph of its own (`![alt](file.png)`) or a mermaid block,
 * shown with its caption (the alt text, the block's `caption="…"`). Images are files of the deck,
 * named by their digest (`figures/<digest16>.png`: an edited image gets a new name, no stale cache);
 * diagrams are drawn at build time and inlined as SVG. Pure: layout-deck.ts measures and sizes them.
 */
import type { ImageAsset } from '@studykit/core';
import { contentHtml } from './escape.js';

/**
 * Where a deck's Slidev project keeps its images (beside slides.md); the build moves them into its
 * assets/ with Vite's hash added to ours.
 */
export const FIGURES_DIR = 'figures';

export type Figure =
  | { kind: 'image'; asset: ImageAsset; alt: string; caption: string }
  | {
      kind: 'diagram';
      mermaid: string;
      caption: string;
      /** The content file and the line of the block's opening fence, for messages. */
      file: string;
      line: number;
    };

/** A figure ready for a slide: the image's or the drawn SVG's intrinsic size in CSS px. */
export interface SizedFigure {
  figure: Figure;
  width: number;
  height: number;
  /** The drawn diagram's SVG (mermaid's <style> already moved out), for a diagram. */
  svg?: string;
}

export function figureFile(asset: ImageAsset): string {
  const extension = asset.format === 'jpeg' ? 'jpg' : asset.format;
  return `${FIGURES_DIR}/${asset.digest.slice(0, 16)}.${extension}`;
}

/** Vector figures may be enlarged on a slide of their own; a bitmap is never shown past its pixels. */
export function maxZoom(figure: Figure): number {
  return figure.kind === 'diagram' || figure.asset.format === 'svg' ? 2 : 1;
}

/**
 * The figure at `width` × `height` CSS px. An image is an `<img>` (an SVG from content too: as an
 * image, never inlined, so a script in it cannot run); a diagram is its SVG, resized.
 */
export function figureHtml(sized: SizedFigure, width: number, height: number, alone = false): string {
  const { figure } = sized;
  const w = Math.max(0, Math.floor(width));
  const h = Math.max(0, Math.floor(height));
  const body =
    figure.kind === 'image'
      ? `<img class="sk-figure-image" src="./${figureFile(figure.asset)}" alt="${contentHtml(figure.alt)}" width="${w}" height="${h}" style="width: ${w}px; height: ${h}px">`
      : `<div class="sk-figure-diagram">${resizeSvg(sized.svg ?? '', w, h)}</div>`;
  const caption = figure.caption ? `<figcaption>${contentHtml(figure.caption)}</figcaption>` : '';
  return `<figure class="sk-figure${alone ? ' sk-figure-alone' : ''}">${body}${caption}</figure>`;
}

function resizeSvg(svg: string, width: number, height: number): string {
  return svg.replace(/^<svg[^>]*>/, (tag) =>
    tag.replace(/ width="[^"]*"/, ` width="${width}"`).replace(/ height="[^"]*"/, ` height="${height}"`),
  );
}

/**
 * An SVG from the lineage renderer made ready to inline in a Vue template: no XML declaration, no
 * newline, and mermaid's <style> moved out to the deck's stylesheet (its rules are scoped to the
 * SVG's own id).
 */
export function inlineSvg(svg: string): { svg: string; css: string } {
  let css = '';
  const inline = svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/<style>([\s\S]*?)<\/style>/g, (_, rules: string) => {
      css += `${rules.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&')}\n`;
      return '';
    })
    .replace(/\r?\n/g, ' ');
  return { svg: inline, css };
}
