/**
 * Edge labels, wrapped by us instead of by mermaid. Pure: text in, lines out.
 *
 * mermaid 11 wraps an SVG-text edge label wider than 200 px, at spaces while it can and mid-word
 * when one word is wider than that, and it measures the label *before* our numeric codes are decoded
 * (`#35;` is measured as the five characters `&#35;`). So a long word, a Chinese run or a label with
 * many codes could be cut anywhere. We break each label into lines ourselves, at spaces (and, inside
 * a word too wide for a line, after punctuation or between CJK characters, where line breaking allows
 * it), join the lines with `<br>`, and keep every line narrower than mermaid's limit as mermaid will
 * measure it, so mermaid never breaks a line again. A label longer than `EDGE_MAX_LINES` lines ends at
 * a word boundary with "…"; only a single run of letters wider than a line (some 24 letters without a
 * space or hyphen) is cut inside, and then it too ends with "…".
 */
import { isWide } from '@studykit/view';
import { escapeLabel } from './escape.js';

/** mermaid's wrapping width for edge labels (not configurable in mermaid 11). */
export const MERMAID_EDGE_WRAP = 200;
/**
 * Our line width, a little below mermaid's: `measuredWidth` adds up advance widths (kerning only makes
 * the real text narrower) and adds 2%.
 */
export const EDGE_LINE_WIDTH = 194;
/** Longer labels end with "…" (the full text stays in the content). */
export const EDGE_MAX_LINES = 3;

/**
 * Advance widths in px of printable ASCII (32–126) in the diagram's sans face (Source Sans 3, as
 * "Studykit Sans") at mermaid's 16 px, measured in Chromium with the kit's own font.
 */
const ASCII_WIDTHS = [
  3.2, 4.62, 6.82, 7.95, 7.95, 13.18, 9.74, 3.98, 4.85, 4.85, 6.69, 7.95, 3.98, 4.98, 3.98, 5.6, 7.95, 7.95,
  7.95, 7.95, 7.95, 7.95, 7.95, 7.95, 7.95, 7.95, 3.98, 3.98, 7.95, 7.95, 7.95, 6.8, 13.55, 8.69, 9.41, 9.14,
  9.84, 8.43, 7.9, 9.87, 10.43, 4.21, 7.66, 9.26, 7.78, 11.63, 10.35, 10.62, 9.06, 10.62, 9.1, 8.54, 8.58,
  10.32, 8.24, 12.58, 8.21, 7.62, 8.62, 4.85, 5.6, 4.85, 7.95, 8, 8.67, 8.06, 8.85, 7.3, 8.88, 7.94, 4.67,
  8.06, 8.7, 3.94, 3.95, 7.92, 4.08, 13.26, 8.75, 8.67, 8.88, 8.88, 5.55, 6.7, 5.41, 8.7, 7.47, 11.5, 7.14,
  7.47, 6.8, 4.85, 3.86, 4.85, 7.95,
];

/** Width of one character as drawn (over-estimated for anything but ASCII). */
function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 32 && code < 127) return ASCII_WIDTHS[code - 32] ?? 14;
  if (code >= 0x1f000) return 21; // emoji (Noto Emoji is wider than 1 em)
  if (isWide(char)) return 16.5; // CJK, kana, hangul, full-width forms: 1 em
  return 14; // other scripts and punctuation: wider than any Latin letter but W and m
}

/** Width of text as mermaid measures our escaped label: `#amp;` as `&`, `#35;` as `&#35;`. */
export function measuredWidth(text: string): number {
  const measured = escapeLabel(text)
    .replace(/#amp;/g, '&')
    .replace(/#lt;/g, '<')
    .replace(/#gt;/g, '>')
    .replace(/#(\d+);/g, '&#$1;');
  let width = 0;
  for (const char of measured) width += charWidth(char);
  return width * 1.02;
}

interface Piece {
  text: string;
  /** Joined to the previous piece with a space (false inside a word that was broken). */
  space: boolean;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** User-perceived characters: an emoji with a skin tone or a ZWJ sequence stays whole. */
const charactersOf = (text: string): string[] => [...graphemes.segment(text)].map((part) => part.segment);

/** A letter or digit of a script written with spaces between words (a break between two is mid-word). */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]/u;
/** Punctuation a line must not end with (opening brackets and quotes)… */
const OPENING = /^[\p{Ps}\p{Pi}]/u;
/** …or start with (closing brackets and quotes, commas, stops, colons: also their CJK forms). */
const CLOSING = /^[\p{Pe}\p{Pf},.:;!?%、。，．：；！？]/u;

/**
 * The pieces of a word too wide for one line, split where a line may break without cutting a word:
 * next to a CJK character (those lines break between characters) and after any punctuation or symbol
 * (`text-davinci-003` → `text-` `davinci-` `003`), but not after an opening bracket or quote nor before
 * a closing one or a comma. A run of letters and digits is never split.
 */
function breakWord(word: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let previous = '';
  const characters = charactersOf(word);
  for (const [index, char] of characters.entries()) {
    const opening =
      OPENING.test(previous) || (/^["']$/.test(previous) && WORD_CHAR.test(characters[index] ?? ''));
    const mayBreak =
      current !== '' &&
      (isWide(char) || isWide(previous) || !WORD_CHAR.test(previous)) &&
      // No line ends with an opening bracket or quote, none starts with a closing one or a comma.
      !opening &&
      !CLOSING.test(char);
    if (mayBreak) {
      pieces.push(current);
      current = '';
    }
    current += char;
    previous = char;
  }
  if (current) pieces.push(current);
  return pieces;
}

const BLANK = /[\p{Cc}\p{Zl}\p{Zp}\s]+/gu;
const ELLIPSIS = '…';

const joinPieces = (pieces: readonly Piece[]): string =>
  pieces.map((piece, index) => (index > 0 && piece.space ? ` ${piece.text}` : piece.text)).join('');

/**
 * The display lines of an edge label: each at most `width` px as mermaid measures it, at most
 * `maxLines` of them, broken only where a line may break; a cut label ends with "…".
 */
export function wrapLabel(label: string, width = EDGE_LINE_WIDTH, maxLines = EDGE_MAX_LINES): string[] {
  const pieces: Piece[] = [];
  for (const word of label.replace(BLANK, ' ').trim().split(' ').filter(Boolean)) {
    if (measuredWidth(word) <= width) pieces.push({ text: word, space: true });
    else for (const [index, text] of breakWord(word).entries()) pieces.push({ text, space: index === 0 });
  }

  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let cut = false;
  for (const piece of pieces) {
    if (measuredWidth(joinPieces([...line, piece])) <= width) {
      line.push(piece);
      continue;
    }
    if (line.length > 0) lines.push(line);
    line = [];
    if (lines.length === maxLines || measuredWidth(piece.text) > width) {
      // Out of lines, or one unbreakable run wider than a line (a very long word): the label ends
      // before it; only a label that *starts* with such a run keeps what fits of it.
      if (lines.length === 0) return [fitChars(piece.text, width)];
      cut = true;
      break;
    }
    line = [piece];
  }
  if (line.length > 0) lines.push(line);
  if (!cut) return lines.map(joinPieces);
  // "…" goes at the end of the last line, dropping its last pieces (or the whole line) to make room.
  const fits = (pieces: Piece[]) => measuredWidth(`${joinPieces(pieces)}${ELLIPSIS}`) <= width;
  for (let last = lines.pop(); last; last = lines.pop()) {
    while (last.length > 1 && !fits(last)) last.pop();
    if (fits(last)) return [...lines.map(joinPieces), `${joinPieces(last)}${ELLIPSIS}`];
    if (lines.length === 0) return [fitChars(joinPieces(last), width)];
  }
  return [];
}

/** As many leading characters as fit with a trailing "…" (only for a single run wider than a line). */
function fitChars(text: string, width: number): string {
  let out = '';
  for (const char of charactersOf(text)) {
    if (measuredWidth(`${out}${char}${ELLIPSIS}`) > width) break;
    out += char;
  }
  return `${out}${ELLIPSIS}`;
}

/** A quoted mermaid edge label: the wrapped lines, each escaped, joined by `<br>` (our own markup). */
export function quoteEdgeLabel(label: string): string {
  const lines = wrapLabel(label);
  if (lines.length === 0) return '"#160;"';
  return `"${lines.map((line) => escapeLabel(line)).join('<br>')}"`;
}
