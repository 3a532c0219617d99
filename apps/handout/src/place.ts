/**
 * Where each slide of a page goes in its cell, and what sits with it: its notes (notes layout),
 * ruled lines beside it (lines layout) or nothing (2up, 4up, 6up).
 */
import type { Formulas, Typesetter } from '@studykit/typeset';
import type { NoteParagraph } from '@studykit/view';
import { type Box, fitSlide, type HandoutLayout } from './layouts.js';
import { notesHeight } from './notes.js';

export interface Placement {
  slide: Box;
  /** Notes, then writing lines in what the notes leave (notes layout). */
  notes?: Box;
  /** Writing lines only (lines layout). */
  lines?: Box;
}

/** Room under a slide for its number. */
const NUMBER_ROOM = 15;
/** The notes layout keeps at least this much under a slide: about seven lines of notes. */
const MIN_NOTES = 100;
/** A slide never shrinks below this share of the text width to make room for long notes. */
const MIN_SLIDE_SHARE = 0.55;
/** Notes beside a slide: the slide takes at most, and for long notes at least, these shares of the width. */
const BESIDE_SLIDE_SHARE = 0.6;
const MIN_BESIDE_SLIDE_SHARE = 0.45;
/** Notes go beside a slide when their column is at least this wide (about 35 characters), else under it. */
const MIN_BESIDE = 170;
const BESIDE_GAP = 18;
/** How much a slide shrinks per step while long notes do not fit beside it. */
const SHRINK = 0.96;
/** In the lines layout the slide takes this share of the width; the lines take the rest. */
const LINES_SLIDE_SHARE = 0.58;
const LINES_GAP = 20;

export function placeSlides(
  layout: HandoutLayout,
  cells: readonly Box[],
  aspect: number,
  notes: readonly (readonly NoteParagraph[])[],
  typesetter: Typesetter,
  formulas?: Formulas,
): Placement[] {
  if (layout === 'notes') return placeWithNotes(cells, aspect, notes, typesetter, formulas);
  return notes.map((_, index) => {
    const cell = cells[index] as Box;
    const room: Box = { ...cell, height: cell.height - NUMBER_ROOM };
    if (layout !== 'lines') return { slide: fitSlide(room, aspect) };
    const width = Math.min(cell.width * LINES_SLIDE_SHARE, room.height * aspect);
    const slide: Box = {
      x: cell.x,
      top: cell.top + (room.height - width / aspect) / 2,
      width,
      height: width / aspect,
    };
    const left = slide.x + slide.width + LINES_GAP;
    return {
      slide,
      lines: { x: left, top: slide.top, width: cell.x + cell.width - left, height: slide.height },
    };
  });
}

/**
 * One slide per half page, its notes beside it where the cell is wide enough (the notes layout turns
 * the page for that), else under it. The slides of a page share one size: as large as the page's
 * longest notes allow, so that both halves line up.
 */
function placeWithNotes(
  cells: readonly Box[],
  aspect: number,
  notes: readonly (readonly NoteParagraph[])[],
  typesetter: Typesetter,
  formulas?: Formulas,
): Placement[] {
  const first = cells[0] as Box;
  const widest = Math.min(first.height * aspect, first.width * BESIDE_SLIDE_SHARE);
  if (first.width - widest - BESIDE_GAP < MIN_BESIDE)
    return placeUnder(cells, aspect, notes, typesetter, formulas);
  const narrowest = first.width * MIN_BESIDE_SLIDE_SHARE;
  let width = widest;
  const fits = (slideNotes: readonly NoteParagraph[]) =>
    notesHeight(typesetter, slideNotes, first.width - width - BESIDE_GAP, formulas) <= first.height;
  for (const slideNotes of notes) {
    while (width > narrowest && !fits(slideNotes)) width = Math.max(narrowest, width * SHRINK);
  }
  const height = width / aspect;
  return notes.map((_, index) => {
    const cell = cells[index] as Box;
    const left = cell.x + width + BESIDE_GAP;
    return {
      slide: { x: cell.x, top: cell.top, width, height },
      notes: { x: left, top: cell.top, width: cell.x + cell.width - left, height: cell.height },
    };
  });
}

/** One slide per half page, its notes below across the full width (a cell too narrow for beside). */
function placeUnder(
  cells: readonly Box[],
  aspect: number,
  notes: readonly (readonly NoteParagraph[])[],
  typesetter: Typesetter,
  formulas?: Formulas,
): Placement[] {
  const first = cells[0] as Box;
  const largest = Math.min(first.width, (first.height - NUMBER_ROOM - MIN_NOTES) * aspect);
  const smallest = Math.min(largest, first.width * MIN_SLIDE_SHARE);
  let width = largest;
  for (const slideNotes of notes) {
    const needed = notesHeight(typesetter, slideNotes, first.width, formulas);
    width = Math.min(width, Math.max(smallest, (first.height - NUMBER_ROOM - needed) * aspect));
  }
  const height = width / aspect;
  return notes.map((_, index) => {
    const cell = cells[index] as Box;
    const slide: Box = { x: cell.x, top: cell.top, width, height };
    const top = slide.top + height + NUMBER_ROOM;
    return { slide, notes: { x: cell.x, top, width: cell.width, height: cell.top + cell.height - top } };
  });
}
