/**
 * What can be known of a mermaid block without a browser: that it names a diagram type. mermaid's own
 * parser needs a DOM (jsdom: ~2 s to load, for every `check`), so the rest of the syntax is checked
 * where it is drawn, and a failure there names the block's file and line. The types are those
 * mermaid 11.17.2 detects (its detectors match a prefix of the first word, as this does).
 */
import type { Diagram } from './ast.js';
import type { DiagnosticSink } from './diagnostics.js';
import type { FigureSource } from './figures.js';
import { printable } from './printable.js';
import { didYouMean } from './suggest.js';

export const MERMAID_TYPES = [
  'flowchart',
  'graph',
  'sequenceDiagram',
  'classDiagram',
  'stateDiagram',
  'erDiagram',
  'journey',
  'gantt',
  'pie',
  'quadrantChart',
  'requirementDiagram',
  'gitGraph',
  'C4Context',
  'C4Container',
  'C4Component',
  'C4Dynamic',
  'C4Deployment',
  'mindmap',
  'timeline',
  'sankey',
  'xychart',
  'block',
  'packet',
  'kanban',
  'architecture',
  'radar-beta',
  'treemap',
  'venn-beta',
  'ishikawa',
  'info',
  'zenuml',
] as const;

/** Front matter (`---` … `---`), `%%{init}%%` directives and `%%` comments come before the type. */
const PREAMBLE = /^(?:\s*---\r?\n[\s\S]*?\r?\n\s*---[^\n]*(?:\n|$))?(?:\s*%%[^\n]*(?:\n|$)|\s*\n)*/;

export function checkDiagram(diagram: Diagram, source: FigureSource, sink: DiagnosticSink): void {
  const start = diagram.position?.start.offset ?? 0;
  const end = diagram.position?.end.offset ?? start;
  const preamble = PREAMBLE.exec(diagram.value)?.[0].length ?? 0;
  const word = /^\s*([^\s;{[(>-]+(?:-[^\s;{[(>-]+)*)/.exec(diagram.value.slice(preamble))?.[1];
  if (!word) {
    sink.report(
      'diagram-invalid',
      source.locator.span(start, end),
      'Mermaid block draws nothing: it is empty',
    );
    return;
  }
  if (MERMAID_TYPES.some((type) => word.startsWith(type))) return;
  // The first line of the block is the fence; the word is on the line of its text.
  const fenceEnd = source.text.indexOf('\n', start) + 1;
  const inFile = fenceEnd > 0 ? source.text.indexOf(word, fenceEnd) : -1;
  const at = inFile !== -1 && inFile < end ? inFile : start;
  const suggestion = didYouMean(word, MERMAID_TYPES);
  sink.report(
    'diagram-invalid',
    source.locator.span(at, at === start ? end : at + word.length),
    `Mermaid block starts with \`${printable(word)}\`, which is no diagram type`,
    `${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Start the block with a diagram type, e.g. \`flowchart LR\` or \`sequenceDiagram\` (https://mermaid.js.org/intro/syntax-reference.html).`,
  );
}
