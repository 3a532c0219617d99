/**
 * A paragraph that would fill more than about six lines of its slide is a wall of text: the slide
 * keeps the claim, the speaker notes the explanation. Estimated without a browser, from the deck's
 * geometry (apps/slides/src/layout.ts: an 868 px body, 20 px text, lists indented 28 px a level) and
 * the sans faces' own advance widths (@studykit/fonts): hence "about".
 */

import { advanceEm } from '@studykit/fonts';
import type { Paragraph, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { spanOfNodes } from './blocks.js';
import type { DiagnosticSink } from './diagnostics.js';
import { displayLength } from './layout-limits.js';
import type { Locator } from './location.js';

export const MAX_PROSE_LINES = 6;
const BODY_WIDTH_PX = 868;
const BODY_SIZE_PX = 20;
const LIST_INDENT_PX = 28;
/** Fewer narrow characters than this (a wide one counts as two) cannot fill six lines: about 90 fit a line. */
const SHORTEST_WALL = 6 * 60;

/** Reports each paragraph of `nodes` (in lists and quotes too) longer than MAX_PROSE_LINES on a slide. */
export function checkProse(nodes: readonly RootContent[], locator: Locator, sink: DiagnosticSink): void {
  const visit = (node: RootContent, indent: number) => {
    if (node.type === 'paragraph') {
      report(node, indent, locator, sink);
    } else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
      const deeper = node.type === 'list' ? indent + LIST_INDENT_PX : indent;
      for (const child of node.children) visit(child as RootContent, deeper);
    }
  };
  for (const node of nodes) visit(node, 0);
}

/** The paragraph's text, a formula counted by what it draws: a command is one symbol, braces and scripts none. */
function shownText(paragraph: Paragraph): string {
  return paragraph.children
    .map((child) =>
      child.type === 'inlineMath'
        ? child.value.replace(/\\[a-zA-Z]+/g, 'x').replace(/[{}^_\\]/g, '')
        : mdastToString(child),
    )
    .join('');
}

function report(paragraph: Paragraph, indent: number, locator: Locator, sink: DiagnosticSink): void {
  const text = shownText(paragraph).replace(/\s+/g, ' ').trim();
  if (displayLength(text) < SHORTEST_WALL) return;
  const lines = Math.ceil((advanceEm(text) * BODY_SIZE_PX) / (BODY_WIDTH_PX - indent));
  if (lines <= MAX_PROSE_LINES) return;
  sink.report(
    'prose-too-long',
    spanOfNodes([paragraph], locator),
    `Paragraph fills about ${lines} lines of its slide; more than ${MAX_PROSE_LINES} is a wall of text`,
  );
}
