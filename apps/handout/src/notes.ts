/**
 * A slide's speaker notes set in a box with @studykit/typeset's typesetter (UAX #14 breaks and
 * kinsoku, so Chinese breaks between characters, never inside a word). Formulas are set as the report
 * sets them: inline on the baseline, a `$$…$$` one centred on a line of its own. Long notes step down
 * in size; past the smallest size they are cut with an ellipsis rather than run into the next slide.
 */
import {
  baselineOf,
  Formulas,
  HARD_BREAK,
  INK,
  type Line,
  lineHeight,
  type Run,
  type TextStyle,
  type Typesetter,
} from '@studykit/typeset';
import type { NoteParagraph, NoteSpan } from '@studykit/view';

export interface SetLine {
  line: Line;
  /** Baseline below the top of the notes box. */
  baseline: number;
}

export interface SetNotes {
  lines: SetLine[];
  height: number;
  size: number;
  /** Some text did not fit even at the smallest size and was cut. */
  cut: boolean;
}

/** The report's body is 10.2 pt; notes are a step smaller and may shrink to 7.5 pt before they are cut. */
export const NOTE_SIZES = [9.6, 9, 8.5, 8, 7.5] as const;
const LEADING = 1.42;
const PARAGRAPH_GAP = 0.4;
const ELLIPSIS = '…';

function style(size: number): TextStyle {
  return { family: 'serif', size, color: INK };
}

/** What a note is cut into: single characters, and formulas whole. */
type Unit = string | Extract<NoteSpan, { tex: string }>;
type Paragraph = Unit[];

function paragraphsOf(notes: readonly NoteParagraph[]): Paragraph[] {
  return notes
    .map((note): Paragraph => {
      const spans: readonly NoteSpan[] = typeof note === 'string' ? [{ text: note }] : note;
      const units: Paragraph = [];
      for (const span of spans) {
        if ('tex' in span) units.push(span);
        else units.push(...Array.from(span.text.replace(/\s+/g, ' ')));
      }
      // Trimmed like text: no space at either end.
      while (units[0] === ' ') units.shift();
      while (units[units.length - 1] === ' ') units.pop();
      return units;
    })
    .filter((units) => units.length > 0);
}

function runsOf(paragraph: Paragraph, size: number, formulas: Formulas): Run[] {
  const runs: Run[] = [];
  let text = '';
  const flush = () => {
    if (text) runs.push({ text, style: style(size) });
    text = '';
  };
  for (const unit of paragraph) {
    if (typeof unit === 'string') {
      text += unit;
      continue;
    }
    const object = formulas.object(unit.tex, unit.display);
    // A display formula takes a line of its own.
    if (unit.display) text = `${text.trimEnd()}${text.trim() ? HARD_BREAK : ''}`;
    flush();
    runs.push(
      object ? { text: unit.tex, style: style(size), object } : { text: unit.tex, style: style(size) },
    );
    if (unit.display) text = HARD_BREAK;
  }
  flush();
  return runs;
}

function layout(
  typesetter: Typesetter,
  paragraphs: readonly Paragraph[],
  width: number,
  size: number,
  formulas: Formulas,
): SetNotes {
  const leading = size * LEADING;
  const lines: SetLine[] = [];
  let top = 0;
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) top += leading * PARAGRAPH_GAP;
    for (const line of typesetter.lines(runsOf(paragraph, size, formulas), {
      width,
      leading,
      // Ragged-right: a narrow column set justified opens wide gaps between words.
      align: 'left',
    })) {
      // A line holding a display formula alone is centred.
      const alone = line.pieces.length === 1 && line.pieces[0]?.object;
      const shift = alone ? Math.max(0, (width - line.width) / 2) : 0;
      const placed = shift
        ? { ...line, pieces: line.pieces.map((piece) => ({ ...piece, x: piece.x + shift })) }
        : line;
      lines.push({ line: placed, baseline: top + baselineOf(line) });
      top += lineHeight(line);
    }
  });
  return { lines, height: top, size, cut: false };
}

/** Height the notes take at the largest size: the notes layout sizes its slides from it. */
export function notesHeight(
  typesetter: Typesetter,
  notes: readonly NoteParagraph[],
  width: number,
  formulas = new Formulas(),
): number {
  return layout(typesetter, paragraphsOf(notes), width, NOTE_SIZES[0], formulas).height;
}

export function setNotes(
  typesetter: Typesetter,
  notes: readonly NoteParagraph[],
  width: number,
  height: number,
  formulas = new Formulas(),
): SetNotes {
  const paragraphs = paragraphsOf(notes);
  for (const size of NOTE_SIZES) {
    const set = layout(typesetter, paragraphs, width, size, formulas);
    if (set.height <= height) return set;
  }
  // Keep the longest prefix that fits with its ellipsis (binary search over characters and formulas).
  const smallest = NOTE_SIZES[NOTE_SIZES.length - 1] as number;
  const total = paragraphs.reduce((sum, units) => sum + units.length, 0);
  const prefix = (count: number): Paragraph[] => {
    const kept: Paragraph[] = [];
    let left = count;
    for (const units of paragraphs) {
      if (left <= 0) break;
      kept.push(units.slice(0, left));
      left -= units.length;
    }
    const last = kept.pop() ?? [];
    while (last[last.length - 1] === ' ') last.pop();
    return [...kept, [...last, ELLIPSIS]];
  };
  let low = 0;
  let high = total - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (layout(typesetter, prefix(middle), width, smallest, formulas).height <= height) low = middle;
    else high = middle - 1;
  }
  return { ...layout(typesetter, prefix(low), width, smallest, formulas), cut: true };
}

/** Every formula in the notes, for printing them all at once. */
export function formulasIn(notes: readonly NoteParagraph[]): { tex: string; display: boolean }[] {
  return notes.flatMap((note) =>
    typeof note === 'string' ? [] : note.flatMap((span) => ('tex' in span ? [span] : [])),
  );
}
