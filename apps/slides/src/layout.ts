/**
 * The slide geometry the paginator estimates against. deck-style.ts builds the deck's CSS from the
 * same numbers, so an estimate and the rendered slide cannot drift apart silently; the browser test
 * then checks that nothing actually leaves its frame.
 */
export const CANVAS_WIDTH = 980;
export const CANVAS_HEIGHT = Math.round((CANVAS_WIDTH * 9) / 16); // 551

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
/** Header height for a one-line title: kicker line + title line + gap. */
export const HEADER_HEIGHT = KICKER_SIZE * 1.5 + 4 + TITLE_SIZE * 1.2 + TITLE_GAP;
/**
 * Height the body may fill. The estimate is rough (no font metrics in Node), so it keeps ~3% in
 * reserve; the browser test measures the real boxes.
 */
export const BODY_BUDGET = Math.floor((CANVAS_HEIGHT - PAD_TOP - PAD_BOTTOM - HEADER_HEIGHT) * 0.97);

/** Average advance of a Latin character as a fraction of the font size (sans-serif, mixed case). */
export const LATIN_EM = 0.53;
/** Word wrapping wastes part of each line. */
export const WRAP_SLACK = 1.04;
