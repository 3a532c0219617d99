/**
 * What the decks can lay out, checked on the content so that `studykit check` catches what would
 * only fail later in `studykit build`. The geometry is the deck's (apps/slides/src/layout.ts): a
 * 980 px canvas less 56 px margins leaves an 868 px body; tables are set at 14–16 px and scaled
 * down to 12 px text at the least, each cell padded 8 px a side; a slide's title is not scaled.
 * The limits were tried in real builds (Source Sans 3): see each one.
 */
import type { Root, RootContent, Table } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Span } from './ast.js';
import type { DiagnosticSink } from './diagnostics.js';
import type { Locator } from './location.js';

/** Characters of a title (a wide CJK character counts as two) that still leave its slide room. */
export const MAX_TITLE_LENGTH = {
  /** On the paper's facts slide at 22 px, above its facts: 300 characters built, 600 did not. */
  paperTitle: 200,
  /** The paper slide's 44 px heading, chips, diagram boxes: 100 built, 130 did not. */
  short: 40,
  /** The cover's 52 px heading (a family's name, a meeting's title): 100 built, 150 did not. */
  coverTitle: 80,
  /** A `##` section is a slide whose 32 px title is not scaled: 300 built; the room left shrinks. */
  sectionTitle: 120,
} as const;

/**
 * Characters of a paper's `headline` (a wide CJK character counts as two): a comparison table gives it
 * one cell beside the paper's name, year and sizes, and cuts nothing at this length.
 */
export const MAX_HEADLINE_LENGTH = 80;

/** Leaves each column about 4 characters at 12 px (30 two-letter columns built, 40 did not); shipped tables have 6. */
export const MAX_TABLE_COLUMNS = 20;

/** The body's width in em of the smallest table text (868 px at 12 px). */
const SLIDE_WIDTH_EM = 868 / 12;
/** A cell's padding and border (17 px at 14 px). */
const CELL_PADDING_EM = 1.2;
/** A word longer than this may break anywhere in a table cell (apps/slides/src/mdast-html.ts). */
const BREAKABLE_WORD = 22;
/** Width of an average lowercase letter, the unit "characters" in messages are counted in. */
const AVERAGE_EM = 0.55;

/** Width in narrow characters: a wide (CJK, full-width) character counts as two. */
export function displayLength(text: string): number {
  let length = 0;
  for (const char of text) length += WIDE.test(char) ? 2 : 1;
  return length;
}

const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u;

/** Reports a title longer than its slide lays out: `Title is 250 characters long; at most 200 fit its slide`. */
export function checkTitle(
  what: string,
  text: string,
  limit: number,
  span: Span,
  sink: DiagnosticSink,
): void {
  const length = displayLength(text);
  if (length <= limit) return;
  const wide = length !== [...text].length ? ', counting a CJK character as two' : '';
  sink.report(
    'title-too-long',
    span,
    `${what} is ${length} characters long${wide}; at most ${limit} fit its slide`,
  );
}

/** Reports a headline longer than a comparison-table cell shows whole. */
export function checkHeadline(text: string, span: Span, sink: DiagnosticSink): void {
  const length = displayLength(text);
  if (length <= MAX_HEADLINE_LENGTH) return;
  const wide = length !== [...text].length ? ', counting a CJK character as two' : '';
  sink.report(
    'headline-too-long',
    span,
    `Headline is ${length} characters long${wide}; at most ${MAX_HEADLINE_LENGTH} fit a comparison table`,
  );
}

/** Reports every table of a file that no slide can lay out (tables sit at block level only). */
export function checkTables(tree: Root, locator: Locator, sink: DiagnosticSink): void {
  const blocks: RootContent[] = [...tree.children];
  for (let index = 0; index < blocks.length; index++) {
    const node = blocks[index] as RootContent;
    if (node.type === 'table') {
      const problem = tableProblem(node);
      const start = node.position?.start.offset ?? 0;
      if (problem) sink.report('table-too-wide', locator.span(start, start), problem);
    } else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
      blocks.push(...(node.children as RootContent[]));
    } else if (node.type === 'footnoteDefinition') {
      blocks.push(...node.children);
    }
  }
}

/**
 * A table is as wide as the widest unbreakable word of each column, plus padding: estimated with
 * generous glyph widths (6 columns of 22-letter words built at the edge, 7 did not, nor 6 of capitals).
 * Not modelled: inline code or a footnote mark in a table keeps the deck from scaling it at all.
 */
function tableProblem(table: Table): string | undefined {
  const columns = Math.max(0, ...table.children.map((row) => row.children.length));
  if (columns > MAX_TABLE_COLUMNS) {
    return `Table has ${columns} columns; a slide shows at most ${MAX_TABLE_COLUMNS}`;
  }
  // A column is at least as wide as its widest unbreakable word, plus padding.
  const widths: number[] = new Array(columns).fill(0);
  for (const row of table.children) {
    row.children.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, narrowestWidth(mdastToString(cell)));
    });
  }
  const needed = widths.reduce((sum, width) => sum + width + CELL_PADDING_EM, 0);
  if (needed <= SLIDE_WIDTH_EM) return undefined;
  const characters = (em: number) => Math.round(em / AVERAGE_EM);
  return `Table is too wide for a slide: the longest words of its ${columns} columns need about ${characters(needed)} characters side by side, a slide holds ${characters(SLIDE_WIDTH_EM)}`;
}

/** The narrowest a cell's text can be set, in em: its widest word, or one character if words may break. */
function narrowestWidth(text: string): number {
  const words = text.split(/\s+/);
  if (words.some((word) => word.length > BREAKABLE_WORD)) return Math.max(0, ...[...text].map(charWidth));
  let widest = 0;
  for (const word of words) {
    // A line may break on either side of a CJK character: such a word is as wide as its widest piece.
    let run = 0;
    for (const char of word) {
      if (WIDE.test(char)) {
        widest = Math.max(widest, run, 1);
        run = 0;
      } else {
        run += charWidth(char);
      }
    }
    widest = Math.max(widest, run);
  }
  return widest;
}

/** Generous widths in em of Source Sans 3 bold (header cells are bold): m and W are the widest. */
function charWidth(char: string): number {
  if (WIDE.test(char)) return 1;
  if (/[mwMW@%]/.test(char)) return 0.9;
  if (/[A-Z]/.test(char)) return 0.65;
  return AVERAGE_EM;
}
