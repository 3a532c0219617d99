/**
 * Height estimates (in canvas pixels) for text laid out in the deck's CSS: lines are broken greedily
 * with the deck font's real advance widths (font-widths.ts), the way Chromium wraps `<p>`/`<li>` text.
 * Every doubt rounds up: no kerning, no break after hyphens, wide characters at a full em.
 */
import type { PhrasingContent } from 'mdast';
import { BOLD_WIDTHS, ITALIC_WIDTHS, REGULAR_WIDTHS, WIDTH_RANGES } from './font-widths.js';
import { isWide } from './mdast-html.js';

export type Face = 'regular' | 'bold' | 'italic' | 'mono';

/** A piece of inline text in one face; `scale` is its font size relative to the block's. */
export interface TextRun {
  text: string;
  face: Face;
  scale: number;
  /** Horizontal padding (px) around the run, e.g. inline code's background. */
  pad: number;
}

const TABLES: Record<Exclude<Face, 'mono'>, readonly (readonly number[])[]> = {
  regular: REGULAR_WIDTHS,
  bold: BOLD_WIDTHS,
  italic: ITALIC_WIDTHS,
};
/** DejaVu Sans Mono's advance; characters the tables lack get a generous fallback. */
const MONO_EM = 0.603;
const FALLBACK_EM = 0.7;

/** Advance width of one character in ems. */
export function charEm(char: string, face: Face): number {
  if (isWide(char)) return 1;
  if (face === 'mono') return MONO_EM;
  const code = char.codePointAt(0) ?? 0;
  const table = TABLES[face];
  for (let i = 0; i < WIDTH_RANGES.length; i += 1) {
    const [from, to] = WIDTH_RANGES[i] as readonly [number, number];
    if (code >= from && code <= to) return ((table[i] as readonly number[])[code - from] ?? 0) / 1000;
  }
  return FALLBACK_EM;
}

/** Width of a plain text in pixels at a font size. */
export function textWidth(text: string, fontSize: number, face: Face = 'regular'): number {
  let ems = 0;
  for (const char of text) ems += charEm(char, face);
  return ems * fontSize;
}

/**
 * Lines that inline runs need in a box `width` px wide. Breaks fall at spaces and around wide (CJK)
 * characters, a word longer than the line breaks anywhere (`overflow-wrap: anywhere`), '\n' is a
 * forced break (a `<br>`), and a space at a line end hangs.
 */
export function runsLineCount(runs: readonly TextRun[], fontSize: number, width: number): number {
  let lines = 1;
  let line = 0; // width of the current line, spaces between words included
  let word = 0; // width of the unbreakable piece being read
  const place = (piece: number) => {
    if (piece === 0) return;
    if (line > 0 && line + piece > width) {
      lines += 1;
      line = 0;
    }
    if (piece > width) {
      // overflow-wrap: anywhere — the piece fills whole lines, its rest starts the next.
      lines += Math.ceil(piece / width) - 1;
      line = piece - (Math.ceil(piece / width) - 1) * width;
    } else {
      line += piece;
    }
  };
  for (const run of runs) {
    const size = fontSize * run.scale;
    word += run.pad / 2;
    for (const char of run.text) {
      if (char === '\n') {
        place(word);
        word = 0;
        lines += 1;
        line = 0;
      } else if (char === ' ') {
        place(word);
        word = 0;
        if (line > 0) line += charEm(' ', run.face) * size;
      } else if (isWide(char)) {
        place(word);
        word = 0;
        place(size);
      } else {
        word += charEm(char, run.face) * size;
      }
    }
    word += run.pad / 2;
  }
  place(word);
  return lines;
}

/**
 * Lines a plain text needs (at least one). Newlines are soft breaks (shown as spaces) unless
 * `preformatted`, as in a code block.
 */
export function lineCount(
  text: string,
  fontSize: number,
  width: number,
  preformatted = false,
  face: Face = 'regular',
): number {
  const lines = preformatted ? text.split('\n') : [text.replace(/\s+/g, ' ').trim()];
  let total = 0;
  for (const line of lines)
    total += runsLineCount([{ text: line.replace(/\s/g, ' '), face, scale: 1, pad: 0 }], fontSize, width);
  return total;
}

export function textHeight(
  text: string,
  fontSize: number,
  lineHeight: number,
  width: number,
  preformatted = false,
  face: Face = 'regular',
): number {
  return lineCount(text, fontSize, width, preformatted, face) * fontSize * lineHeight;
}

/** Runs of inline mdast content, with the faces the deck's CSS gives them. */
export function phrasingRuns(nodes: readonly PhrasingContent[], face: Face = 'regular'): TextRun[] {
  const runs: TextRun[] = [];
  const text = (value: string, runFace = face, scale = 1, pad = 0) =>
    runs.push({ text: value.replace(/\s+/g, ' '), face: runFace, scale, pad });
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        text(node.value);
        break;
      case 'strong':
        runs.push(...phrasingRuns(node.children, 'bold'));
        break;
      case 'emphasis':
        runs.push(...phrasingRuns(node.children, face === 'bold' ? 'bold' : 'italic'));
        break;
      case 'inlineCode':
        text(node.value, 'mono', 0.85, 10);
        break;
      case 'html':
        text(node.value, 'mono', 0.85);
        break;
      case 'break':
        runs.push({ text: '\n', face, scale: 1, pad: 0 });
        break;
      case 'image':
      case 'imageReference':
        if (node.alt) text(`[${node.alt}]`);
        break;
      case 'footnoteReference':
        text(`[${node.identifier}]`);
        break;
      default: {
        // Links, deletions and extensions: their text in the surrounding face.
        const other = node as { children?: PhrasingContent[]; value?: unknown };
        if (other.children) runs.push(...phrasingRuns(other.children, face));
        else if (typeof other.value === 'string') text(other.value);
      }
    }
  }
  // Collapse spaces across runs and drop the leading/trailing ones, as white-space: normal does.
  let previousSpace = true;
  for (const run of runs) {
    let out = '';
    for (const char of run.text) {
      if (char === ' ' && previousSpace) continue;
      out += char;
      previousSpace = char === ' ' || char === '\n';
    }
    run.text = out;
  }
  return runs;
}

/** Height of inline content in a box of the given width. */
export function phrasingHeight(
  nodes: readonly PhrasingContent[],
  fontSize: number,
  lineHeight: number,
  width: number,
  face: Face = 'regular',
): number {
  const runs = phrasingRuns(nodes, face);
  const lines = runsLineCount(runs, fontSize, width);
  // Smaller monospace text (inline code) sits lower in its line and makes that line ~1px taller.
  const monoRuns = runs.filter((run) => run.face === 'mono' && run.scale !== 1 && run.text.trim()).length;
  return lines * fontSize * lineHeight + Math.min(lines, monoRuns) * MONO_LINE_EXTRA;
}

const MONO_LINE_EXTRA = 1.5;

/**
 * Min-content and max-content widths (px) of inline runs: the widest unbreakable piece (a single
 * character when `breakAnywhere`) and the whole text on one line.
 */
export function runsContentWidths(
  runs: readonly TextRun[],
  fontSize: number,
  breakAnywhere = false,
): { min: number; max: number } {
  let min = 0;
  let max = 0;
  let line = 0;
  let word = 0;
  const endWord = () => {
    min = Math.max(min, word);
    word = 0;
  };
  for (const run of runs) {
    const size = fontSize * run.scale;
    word += run.pad / 2;
    line += run.pad / 2;
    for (const char of run.text) {
      if (char === '\n') {
        endWord();
        max = Math.max(max, line);
        line = 0;
        continue;
      }
      const advance = charEm(char, run.face) * size;
      line += advance;
      if (char === ' ') endWord();
      else if (isWide(char) || breakAnywhere) {
        endWord();
        word = advance;
        endWord();
      } else word += advance;
    }
    word += run.pad / 2;
    line += run.pad / 2;
  }
  endWord();
  return { min, max: Math.max(max, line) };
}
