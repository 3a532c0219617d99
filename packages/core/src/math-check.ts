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
  const at =
    problem.offset === null
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
  const texLines = tex.split(LINE);
  // The line of the TeX holding `offset`, and the column within it.
  let line = 0;
  let column = Math.min(offset, tex.length);
  let consumed = 0;
  for (const [index, texLine] of texLines.entries()) {
    const next =
      consumed +
      texLine.length +
      (tex.slice(consumed + texLine.length).match(/^(\r\n|\r|\n)/)?.[0].length ?? 0);
    if (offset < next || index === texLines.length - 1) {
      line = index;
      column = Math.min(offset - consumed, texLine.length);
      break;
    }
    consumed = next;
  }
  if (line === 0) return Math.min(contentStart + column, end);
  // The file's line that holds TeX line `line`.
  let lineStart = contentStart;
  for (let index = 0; index < line; index++) {
    const rest = text.slice(lineStart, end);
    const found = LINE.exec(rest);
    if (!found) return start;
    lineStart += found.index + found[0].length;
  }
  const fileLine = text.slice(lineStart, end).split(LINE)[0] ?? '';
  const texLine = texLines[line] ?? '';
  // The prefix is quote markers and white space; the TeX line starts at the last place after it that matches.
  const prefix = /^[\s>]*/.exec(fileLine)?.[0].length ?? 0;
  let at = prefix;
  while (at > 0 && !fileLine.startsWith(texLine, at)) at--;
  return Math.min(lineStart + at + column, end);
}
