/** Page geometry, type sizes and colours of the booklet. All lengths in PostScript points. */
import { channels } from '@studykit/view';
import type { Rgb, TextStyle } from './text-types.js';

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
export const TINT: Rgb = [0.955, 0.955, 0.95];
export const LINK: Rgb = [0.09, 0.27, 0.55];
export const WHITE: Rgb = [1, 1, 1];

export const BODY_SIZE = 10.2;
export const BODY_LEADING = 14.6;

export const body: TextStyle = { family: 'serif', size: BODY_SIZE, color: INK };
export const small: TextStyle = { family: 'sans', size: 8.8, color: INK };

/** A family colour (hex, validated by core) as pdf-lib's 0–1 channels. */
export function parseColour(hex: string): Rgb {
  const [red, green, blue] = channels(hex);
  return [red / 255, green / 255, blue / 255];
}

/** A darker shade of a family colour, readable as text on white. */
export function darken(colour: Rgb, amount = 0.35): Rgb {
  return [colour[0] * (1 - amount), colour[1] * (1 - amount), colour[2] * (1 - amount)];
}

/** A pale tint of a family colour, for backgrounds. */
export function lighten(colour: Rgb, amount = 0.88): Rgb {
  return [
    colour[0] + (1 - colour[0]) * amount,
    colour[1] + (1 - colour[1]) * amount,
    colour[2] + (1 - colour[2]) * amount,
  ];
}
