/**
 * Handout layouts as page geometry: the paper, its orientation, the header and folio lines, and the
 * cell each slide of a page gets. Pure numbers (PostScript points, top-down); nothing is drawn here.
 */
import { geometryFor, type PaperSize } from '@studykit/typeset';

export const HANDOUT_LAYOUTS = ['notes', 'lines', '2up', '4up', '6up'] as const;
export type HandoutLayout = (typeof HANDOUT_LAYOUTS)[number];

/** A rectangle, top-down: `top` is measured from the top edge of the page. */
export interface Box {
  x: number;
  top: number;
  width: number;
  height: number;
}

export interface PageGrid {
  width: number;
  height: number;
  /** Baseline of the running header and of the folio. */
  headerBaseline: number;
  folioBaseline: number;
  /** Where slides, notes and writing lines go. */
  body: Box;
  /** One cell per slide of a page, in reading order (rows, then columns). */
  cells: Box[];
}

const SIDE = 48;
const TOP = 66;
const BOTTOM = 54;
/** Between two cells: room for a slide's number, and a clear cut between neighbours. */
export const CELL_GAP = 24;

/** Rows × columns, and whether the page is turned: four slides in a 2 × 2 grid print larger across. */
const GRID: Record<HandoutLayout, { rows: number; columns: number; landscape: boolean }> = {
  // Turned: each slide has its notes beside it, at the slide's height.
  notes: { rows: 2, columns: 1, landscape: true },
  lines: { rows: 3, columns: 1, landscape: false },
  '2up': { rows: 2, columns: 1, landscape: false },
  '4up': { rows: 2, columns: 2, landscape: true },
  '6up': { rows: 3, columns: 2, landscape: false },
};

export function slidesPerPage(layout: HandoutLayout): number {
  const grid = GRID[layout];
  return grid.rows * grid.columns;
}

export function pageCount(layout: HandoutLayout, slides: number): number {
  return Math.max(1, Math.ceil(slides / slidesPerPage(layout)));
}

export function pageGrid(layout: HandoutLayout, paper: PaperSize): PageGrid {
  const grid = GRID[layout];
  const paperSize = geometryFor(paper);
  const [width, height] = grid.landscape
    ? [paperSize.height, paperSize.width]
    : [paperSize.width, paperSize.height];
  const body: Box = { x: SIDE, top: TOP, width: width - 2 * SIDE, height: height - TOP - BOTTOM };
  const cellWidth = (body.width - (grid.columns - 1) * CELL_GAP) / grid.columns;
  const cellHeight = (body.height - (grid.rows - 1) * CELL_GAP) / grid.rows;
  const cells: Box[] = [];
  for (let row = 0; row < grid.rows; row++) {
    for (let column = 0; column < grid.columns; column++) {
      cells.push({
        x: body.x + column * (cellWidth + CELL_GAP),
        top: body.top + row * (cellHeight + CELL_GAP),
        width: cellWidth,
        height: cellHeight,
      });
    }
  }
  return { width, height, headerBaseline: TOP - 26, folioBaseline: height - BOTTOM + 30, body, cells };
}

/** The largest box of the slide's aspect (width / height) inside `cell`, centred. */
export function fitSlide(cell: Box, aspect: number): Box {
  const width = Math.min(cell.width, cell.height * aspect);
  const height = width / aspect;
  return {
    x: cell.x + (cell.width - width) / 2,
    top: cell.top + (cell.height - height) / 2,
    width,
    height,
  };
}
