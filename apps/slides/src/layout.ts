/**
 * The slide geometry and type sizes: deck-style.ts builds the deck's CSS from these numbers. Heights
 * are never computed from them: the paginator measures every slide in Chromium (measure-page.ts).
 */
export const CANVAS_WIDTH = 980;
/** Slidev's canvas height for 16:9 (it rounds the same way when printing). */
export const CANVAS_HEIGHT = Math.round(CANVAS_WIDTH / (16 / 9));

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
/** Between two columns of a slide that shows two short blocks side by side. */
export const COLUMN_GAP = 32;

/** Tables are never set below 14 px: a wide table wraps and splits between rows instead. */
export const TABLE_SIZE = 16;
export const TABLE_COMPACT_SIZE = 14;
export const TABLE_LINE = 1.35;
export const TABLE_CELL_PAD_Y = 5;
export const TABLE_CELL_PAD_X = 8;

export const CODE_SIZE = 15;
export const CODE_LINE = 1.4;

/**
 * A block that cannot be divided and does not fit is scaled down, but never so far that its smallest
 * text drops below this many canvas pixels (about 23 px on a 1920 px projector).
 */
export const READABLE_PX = 12;
/**
 * A section a little taller than its slide is shown down to this zoom rather than split into a
 * half-empty pair (a presenter shrinks a slide a notch before adding one); 18 px body text at 0.9.
 */
export const MIN_FLOW_ZOOM = 0.9;
/** The diagram on the lineage slide is enlarged at most this much (small families look lost otherwise). */
export const DIAGRAM_MAX_ZOOM = 2.4;
/** The size mermaid sets every lineage label in (nodes, edges, family titles), in px. */
export const DIAGRAM_LABEL_PX = 16;
/** A lineage label is never smaller than this share of the body text: a larger lineage takes more slides. */
export const DIAGRAM_MIN_LABEL = 0.6;
/** The smallest scale of a lineage drawing on a slide: its 16 px labels at 0.6 × 20 px = 12 px. */
export const DIAGRAM_MIN_ZOOM = (DIAGRAM_MIN_LABEL * BODY_SIZE) / DIAGRAM_LABEL_PX;
/**
 * A figure whose measured height (at the body's width, never enlarged) passes this share of the body
 * gets a slide of its own, drawn as large as the body allows, with its alt text as the caption.
 */
export const LARGE_FIGURE = 0.5;
/** A display formula wider than the body is scaled down to fit it, but not below this. */
export const FORMULA_MIN_ZOOM = 0.5;
