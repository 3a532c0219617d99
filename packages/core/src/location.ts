import { location } from 'vfile-location';
import type { Point, Span } from './ast.js';

/** Offset ↔ line/column for one file's text (1-based lines and columns, as editors show them). */
export interface Locator {
  point(offset: number): Point;
  span(start: number, end: number): Span;
}

export function createLocator(file: string, text: string): Locator {
  const place = location(text);
  const point = (offset: number): Point => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    const found = place.toPoint(clamped);
    if (found) return { line: found.line, column: found.column, offset: clamped };
    // vfile-location returns undefined at the very end of the text: derive it from the last character.
    const lines = text.split('\n');
    return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, offset: clamped };
  };
  return { point, span: (start, end) => ({ file, start: point(start), end: point(end) }) };
}
