/**
 * A speaker note as the printed outputs set it: its text with the formulas kept apart, so that a
 * handout typesets `$…$` instead of printing its TeX. deck.json carries each note as these spans.
 */
import type { Block } from '@studykit/core';

/** Text, or a formula's TeX (`display`: a `$$…$$` block, set on a line of its own). */
export type NoteSpan = { text: string } | { tex: string; display: boolean };

/** A note as one paragraph: plain text (what older deck.json files hold) or its spans. */
export type NoteParagraph = string | readonly NoteSpan[];

type Node = { type: string; value?: unknown; children?: Node[] };

/** The note's text, blocks separated by a space, with each formula as its own span. */
export function noteSpans(note: Block): NoteSpan[] {
  const spans: NoteSpan[] = [];
  const text = (value: string) => {
    const last = spans[spans.length - 1];
    if (last && 'text' in last) last.text += value;
    else spans.push({ text: value });
  };
  const visit = (node: Node): void => {
    if ((node.type === 'inlineMath' || node.type === 'math') && typeof node.value === 'string') {
      spans.push({ tex: node.value, display: node.type === 'math' });
    } else if (typeof node.value === 'string') {
      text(node.value);
    } else if (node.type === 'break') {
      text(' ');
    }
    for (const child of node.children ?? []) visit(child);
  };
  (note.children as unknown as Node[]).forEach((node, index) => {
    if (index > 0) text(' ');
    visit(node);
  });
  return spans;
}
