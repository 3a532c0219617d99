import type { PageCanvas } from './canvas.js';
import type { FontKey } from './fonts.js';

/** An RGB colour, each channel 0–1. */
export type Rgb = readonly [number, number, number];

export interface TextStyle {
  family: 'serif' | 'sans' | 'mono';
  bold?: boolean;
  italic?: boolean;
  size: number;
  color: Rgb;
  /** An external http(s) link. */
  link?: string;
  /** An internal link: the id of a marker in the flow. */
  dest?: string;
  /** Inline code: drawn on a light tint. */
  code?: boolean;
}

/**
 * Something set in a line like one word (an inline formula): a box on the baseline, measured in em
 * of its run's size, that the line breaks around and that draws itself.
 */
export interface InlineObject {
  width: number;
  /** Above the baseline. */
  height: number;
  /** Below the baseline. */
  depth: number;
  /** Draws it with its baseline starting at (x, baseline), top-down, `size` points to the em. */
  draw(canvas: PageCanvas, x: number, baseline: number, size: number): void;
}

/** A stretch of text in one requested style; the face is chosen per character at layout. */
export interface Run {
  text: string;
  style: TextStyle;
  /** Set this object instead of the text (`text` is then only what it stands for). */
  object?: InlineObject;
}

/** A positioned string in one face; x is relative to the start of its line. */
export interface Piece {
  x: number;
  width: number;
  text: string;
  font: FontKey;
  size: number;
  color: Rgb;
  link?: string;
  dest?: string;
  code?: boolean;
  /** An inline object in place of text (`text` is then empty). */
  object?: InlineObject;
}

export interface Line {
  pieces: Piece[];
  /** Width of the set text, after justification. */
  width: number;
  /** Distance between this line's top and the next line's top. */
  leading: number;
  /** Largest font size on the line: places the baseline. */
  size: number;
  /** How far the line's inline objects reach above and below its baseline, in points (0 when none). */
  above?: number;
  below?: number;
}

export const BLACK: Rgb = [0, 0, 0];
