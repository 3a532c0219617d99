/** Page geometry and the ink colours every printed page uses. All lengths in PostScript points. */
import type { Rgb } from './text-types.js';

export type PaperSize = 'a4' | 'letter';

export interface PageGeometry {
  width: number;
  height: number;
  /** Margin on the binding side (left on right-hand pages). */
  inner: number;
  outer: number;
  top: number;
  bottom: number;
}

export function geometryFor(paper: PaperSize): PageGeometry {
  const [width, height] = paper === 'letter' ? [612, 792] : [595.28, 841.89];
  // A wider binding margin keeps text clear of staples or a spiral; the outer margin takes thumbs.
  return { width, height, inner: 76, outer: 60, top: 74, bottom: 70 };
}

export function contentWidth(geometry: PageGeometry): number {
  return geometry.width - geometry.inner - geometry.outer;
}

export function contentHeight(geometry: PageGeometry): number {
  return geometry.height - geometry.top - geometry.bottom;
}

/** Left edge of the text block: page numbers are 1-based, odd pages are right-hand pages. */
export function leftMargin(geometry: PageGeometry, pageIndex: number): number {
  return pageIndex % 2 === 0 ? geometry.inner : geometry.outer;
}

export const INK: Rgb = [0.11, 0.11, 0.13];
export const MUTED: Rgb = [0.42, 0.42, 0.45];
export const RULE: Rgb = [0.78, 0.78, 0.8];
