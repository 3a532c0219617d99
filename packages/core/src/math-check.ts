/**
 * Formulas checked with the engine that draws them (KaTeX, through @studykit/math): TeX it refuses is
 * reported with its own message, at the character it names. And the classic `$` pitfall: two prices
 * in one paragraph (`under $500 … under $100`) read as one formula.
 */
import { texError } from '@studykit/math';
import type { Math as DisplayMath, InlineMath } from 'mdast-util-math';
import type { DiagnosticSink } from './diagnostics.js';
import type { FigureSource } from './figures.js';
import { printable } from './printable.js';

export function checkMath(node: InlineMath | DisplayMath, source: FigureSource, sink: DiagnosticSink): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  const display = node.type === 'math';
  if (!display && looksLikeMoney(node.value)) {
    sink.report(
      'math-dollar',
      source.locator.span(start, end),
      `\`${printable(shorten(source.text.slice(start, end)))}\` reads as a formula: are these two prices?`,
    );
    return;
  }
  const problem = texError(node.value, display);
  if (!problem) return;
  // A formula whose text is not in the file as written (a quoted YAML string) is reported as a whole.
  const asWritten = display || source.text.startsWith('$', start);
  const at =
    problem.offset === null || !asWritten
      ? start
      : sourceOffset(source.text, start, end, node.value, display, problem.offset);
  sink.report(
    'math-invalid',
    source.locator.span(at, at === start ? end : at + 1),
    `KaTeX cannot typeset this formula: ${printable(problem.message)}`,
  );
}

/** An inline formula that starts with a digit and ends with a space is text between two prices. */
function looksLikeMoney(tex: string): boolean {
  return /^\d/.test(tex) && /\s$/.test(tex);
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 28)} … ${line.slice(-28)}` : line;
}

const LINE = /\r\n|\r|\n/;

/**
 * Where the character at `offset` of a formula's TeX is in the file. The TeX is the text between the
 * delimiters, less what markdown takes away: a space on each side of an inline formula, and on each
 * line the quote markers and indentation of the list or quote around it. Each line of the TeX is found
 * on its line of the file, after that prefix.
 */
export function sourceOffset(
  text: string,
  start: number,
  end: number,
  tex: string,
  display: boolean,
  offset: number,
): number {
  const raw = text.slice(start, end);
  let contentStart: number;
  if (display) {
    const firstBreak = raw.search(LINE);
    if (firstBreak === -1) return start;
    contentStart = start + firstBreak + (raw.slice(firstBreak, firstBreak + 2) === '\r\n' ? 2 : 1);
  } else {
    const fence = /^\$+/.exec(raw)?.[0].length ?? 1;
    contentStart = start + fence;
    const inner = raw.slice(fence, raw.length - fence);
    // Markdown drops one space (or line ending) on each side when both sides have one.
    if (!inner.startsWith(tex.split(LINE)[0] ?? '')) contentStart += inner.startsWith('\r\n') ? 2 : 1;
  }
  // The line of the TeX holding `offset` (each line with where it starts in the TeX), and the column.
  const texLines: { from: number; text: string }[] = [];
  const breaks = /\r\n|\r|\n/g;
  let from = 0;
  for (let found = breaks.exec(tex); found; found = breaks.exec(tex)) {
    texLines.push({ from, text: tex.slice(from, found.index) });
    from = found.index + found[0].length;
  }
  texLines.push({ from, text: tex.slice(from) });
  const line = Math.max(
    0,
    texLines.findLastIndex((texLine) => texLine.from <= offset),
  );
  const { from: lineFrom, text: texLine } = texLines[line] as { from: number; text: string };
  const column = Math.min(offset - lineFrom, texLine.length);
  // An inline formula's first line starts right after its opening dollars.
  if (line === 0 && !display) return Math.min(contentStart + column, end);
  // The file's line that holds TeX line `line`.
  let lineStart = contentStart;
  for (let index = 0; index < line; index++) {
    const rest = text.slice(lineStart, end);
    const found = LINE.exec(rest);
    if (!found) return start;
    lineStart += found.index + found[0].length;
  }
  const fileLine = text.slice(lineStart, end).split(LINE)[0] ?? '';
  // The prefix is quote markers and white space; the TeX line starts at the last place after it that matches.
  const prefix = /^[\s>]*/.exec(fileLine)?.[0].length ?? 0;
  let at = prefix;
  while (at > 0 && !fileLine.startsWith(texLine, at)) at--;
  return Math.min(lineStart + at + column, end);
}
