/**
 * The slide geometry the paginator estimates against. deck-style.ts builds the deck's CSS from the
 * same numbers, so an estimate and the rendered slide cannot drift apart silently; the browser test
 * then checks that nothing actually leaves its frame.
 */
export const CANVAS_WIDTH = 980;

export const PAD_X = 56;
export const PAD_TOP = 34;
export const PAD_BOTTOM = 40;

export const KICKER_SIZE = 14;
export const TITLE_SIZE = 32;
export const TITLE_GAP = 16;

export const BODY_SIZE = 20;
export const BODY_LINE = 1.45;
export const PARAGRAPH_GAP = 12;
export const LIST_INDENT = 28;
export const LIST_ITEM_GAP = 6;
export const HEADING_SIZE = 22;

export const TABLE_SIZE = 16;
export const TABLE_COMPACT_SIZE = 13;
export const TABLE_LINE = 1.35;
export const TABLE_CELL_PAD_Y = 5;
export const TABLE_CELL_PAD_X = 9;

export const CODE_SIZE = 15;
export const CODE_LINE = 1.4;

export const BODY_WIDTH = CANVAS_WIDTH - 2 * PAD_X;
/** Slidev's canvas is exactly width / (16/9) tall (551.25 px); the CSS lays out against that. */
const FRAME_HEIGHT = (CANVAS_WIDTH * 9) / 16;
const KICKER_BLOCK = KICKER_SIZE * 1.5 + 4;
const TITLE_LINE = TITLE_SIZE * 1.2;
/** Header height for a title of `titleLines` lines: kicker line + title lines + gap. */
export function headerHeight(titleLines = 1): number {
  return KICKER_BLOCK + titleLines * TITLE_LINE + TITLE_GAP;
}
export const HEADER_HEIGHT = headerHeight(1);
/** The body box of a slide with a one-line title (the flex item below the header). */
export const BODY_HEIGHT = FRAME_HEIGHT - PAD_TOP - PAD_BOTTOM - HEADER_HEIGHT;
/**
 * What the measured chunks may add up to on a page. Every chunk's height includes the margin below
 * it (as the CSS sets it), and the last one's margin may fall outside the box: hence + PARAGRAPH_GAP.
 * The estimates in measure.ts use the deck font's real advance widths and round every doubt up
 * (no kerning, no hyphen breaks), so only a few pixels are held back.
 */
export const BUDGET_RESERVE = 6;
export function bodyBudget(titleLines = 1): number {
  return Math.floor(BODY_HEIGHT - (titleLines - 1) * TITLE_LINE + PARAGRAPH_GAP - BUDGET_RESERVE);
}
export const BODY_BUDGET = bodyBudget(1);
/** Height of the box the lineage diagram is fitted into. */
export const DIAGRAM_HEIGHT = Math.floor(BODY_HEIGHT) - 12;
