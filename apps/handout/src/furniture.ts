/**
 * What every handout page carries besides the slides: the running header (study · subject, date),
 * the folio, a hairline frame and a number for each slide, and ruled lines to write on. Text goes
 * through @studykit/typeset, so the header and folio use the report's faces and fallback order.
 */
import {
  INK,
  type Line,
  MUTED,
  type PageCanvas,
  RULE,
  type Run,
  type TextStyle,
  type Typesetter,
} from '@studykit/typeset';
import type { Box, PageGrid } from './layouts.js';

export interface HeaderText {
  study: string;
  subject: string;
  date: string;
}

const FURNITURE_SIZE = 8.5;
const FURNITURE_LEADING = 11;
/** Writing lines sit a comfortable handwriting pitch apart (about 7 mm). */
export const WRITING_PITCH = 20;

function sans(size: number, color: TextStyle['color'], bold = false): TextStyle {
  return { family: 'sans', size, color, ...(bold ? { bold: true } : {}) };
}

/** One line of `runs` in `width`, cut with an ellipsis when it would wrap (a long study title). */
function oneLine(
  typesetter: Typesetter,
  runs: Run[],
  width: number,
  align: 'left' | 'right' | 'center',
): Line {
  return typesetter.oneLine(runs, { width, leading: FURNITURE_LEADING, align });
}

export function drawHeader(
  canvas: PageCanvas,
  typesetter: Typesetter,
  grid: PageGrid,
  header: HeaderText,
): void {
  const { x, width } = grid.body;
  const date = oneLine(
    typesetter,
    [{ text: header.date, style: sans(FURNITURE_SIZE, MUTED) }],
    width,
    'right',
  );
  const title = oneLine(
    typesetter,
    [
      { text: header.study, style: sans(FURNITURE_SIZE, INK, true) },
      { text: `  ·  ${header.subject}`, style: sans(FURNITURE_SIZE, MUTED) },
    ],
    Math.max(40, width - date.width - 24),
    'left',
  );
  canvas.line(title, x, grid.headerBaseline);
  canvas.line(date, x, grid.headerBaseline);
  canvas.rule(x, grid.headerBaseline + 7, x + width, grid.headerBaseline + 7, 0.4, RULE);
}

export function drawFolio(canvas: PageCanvas, typesetter: Typesetter, grid: PageGrid, text: string): void {
  const line = oneLine(typesetter, [{ text, style: sans(FURNITURE_SIZE, MUTED) }], grid.body.width, 'center');
  canvas.line(line, grid.body.x, grid.folioBaseline);
}

/** The slide's number in the deck, small, right under its frame's right edge. */
export function drawSlideNumber(
  canvas: PageCanvas,
  typesetter: Typesetter,
  slide: Box,
  number: number,
): void {
  const line = oneLine(typesetter, [{ text: String(number), style: sans(7.5, MUTED) }], slide.width, 'right');
  canvas.line(line, slide.x, slide.top + slide.height + 10);
}

/** A hairline round the slide: a white slide would otherwise melt into the paper. */
export function drawFrame(canvas: PageCanvas, slide: Box): void {
  const left = slide.x;
  const right = slide.x + slide.width;
  const top = slide.top;
  const bottom = slide.top + slide.height;
  canvas.rule(left, top, right, top, 0.6, RULE);
  canvas.rule(right, top, right, bottom, 0.6, RULE);
  canvas.rule(right, bottom, left, bottom, 0.6, RULE);
  canvas.rule(left, bottom, left, top, 0.6, RULE);
}

/** Ruled lines to write on, one every WRITING_PITCH down the box (none if it is too short). */
export function drawWritingLines(canvas: PageCanvas, box: Box): void {
  for (let y = box.top + WRITING_PITCH; y <= box.top + box.height + 0.01; y += WRITING_PITCH) {
    canvas.rule(box.x, y, box.x + box.width, y, 0.4, RULE);
  }
}
