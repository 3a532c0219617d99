/** Height estimates (in canvas pixels) for text laid out in the deck's CSS. */

import { LATIN_EM, WRAP_SLACK } from './layout.js';
import { isWide } from './mdast-html.js';

/** Width of a text in pixels at a font size: wide (CJK) characters take 1em, others LATIN_EM. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += isWide(char) ? 1 : LATIN_EM;
  return ems * fontSize;
}

/**
 * Lines a text needs in a box of the given width (at least one). Newlines are soft breaks (shown as
 * spaces) unless `preformatted`, as in a code block.
 */
export function lineCount(text: string, fontSize: number, width: number, preformatted = false): number {
  const lines = preformatted ? text.split('\n') : [text.replace(/\s+/g, ' ')];
  let total = 0;
  for (const line of lines) total += Math.max(1, Math.ceil((textWidth(line, fontSize) * WRAP_SLACK) / width));
  return total;
}

export function textHeight(
  text: string,
  fontSize: number,
  lineHeight: number,
  width: number,
  preformatted = false,
): number {
  return lineCount(text, fontSize, width, preformatted) * fontSize * lineHeight;
}
