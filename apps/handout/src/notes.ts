/**
 * A slide's speaker notes set in a box with @studykit/typeset's typesetter (UAX #14 breaks and
 * kinsoku, so Chinese breaks between characters, never inside a word). Long notes step down in size;
 * past the smallest size they are cut with an ellipsis rather than run into the next slide.
 */
import { baselineOf, INK, type Line, type TextStyle, type Typesetter } from '@studykit/typeset';

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

function paragraphsOf(notes: readonly string[]): string[] {
  return notes.map((note) => note.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

function layout(
  typesetter: Typesetter,
  paragraphs: readonly string[],
  width: number,
  size: number,
): SetNotes {
  const leading = size * LEADING;
  const lines: SetLine[] = [];
  let top = 0;
  paragraphs.forEach((text, index) => {
    if (index > 0) top += leading * PARAGRAPH_GAP;
    for (const line of typesetter.lines([{ text, style: style(size) }], {
      width,
      leading,
      align: 'justify',
    })) {
      lines.push({ line, baseline: top + baselineOf(line) });
      top += leading;
    }
  });
  return { lines, height: top, size, cut: false };
}

/** Height the notes take at the largest size: the notes layout sizes its slides from it. */
export function notesHeight(typesetter: Typesetter, notes: readonly string[], width: number): number {
  return layout(typesetter, paragraphsOf(notes), width, NOTE_SIZES[0]).height;
}

export function setNotes(
  typesetter: Typesetter,
  notes: readonly string[],
  width: number,
  height: number,
): SetNotes {
  const paragraphs = paragraphsOf(notes);
  for (const size of NOTE_SIZES) {
    const set = layout(typesetter, paragraphs, width, size);
    if (set.height <= height) return set;
  }
  // Keep the longest prefix that fits with its ellipsis (binary search over characters).
  const smallest = NOTE_SIZES[NOTE_SIZES.length - 1] as number;
  // Code points, not UTF-16 units: a cut never splits an emoji's surrogate pair.
  const characters = paragraphs.map((text) => Array.from(text));
  const total = characters.reduce((sum, chars) => sum + chars.length, 0);
  const prefix = (count: number): string[] => {
    const kept: string[] = [];
    let left = count;
    for (const chars of characters) {
      if (left <= 0) break;
      kept.push(chars.slice(0, left).join(''));
      left -= chars.length;
    }
    const last = kept.pop()?.trimEnd() ?? '';
    return [...kept, `${last}${ELLIPSIS}`];
  };
  let low = 0;
  let high = total - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (layout(typesetter, prefix(middle), width, smallest).height <= height) low = middle;
    else high = middle - 1;
  }
  return { ...layout(typesetter, prefix(low), width, smallest), cut: true };
}
