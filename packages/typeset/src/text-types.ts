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

/** A stretch of text in one requested style; the face is chosen per character at layout. */
export interface Run {
  text: string;
  style: TextStyle;
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
}

export interface Line {
  pieces: Piece[];
  /** Width of the set text, after justification. */
  width: number;
  /** Distance between this line's top and the next line's top. */
  leading: number;
  /** Largest font size on the line: places the baseline. */
  size: number;
}

export const BLACK: Rgb = [0, 0, 0];
