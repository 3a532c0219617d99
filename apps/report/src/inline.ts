/**
 * Markdown inline content (mdast phrasing nodes) → styled runs. Raw HTML is kept as literal text:
 * content is untrusted and nothing in it is ever interpreted.
 */
import type { Block } from '@studykit/core';
import { HARD_BREAK, isCjk, type Run, type TextStyle } from '@studykit/typeset';
import { safeHttpUrl } from '@studykit/view';
import { NO_ART, type NotesArt } from './notes-art.js';
import { LINK } from './theme.js';

export type BlockNode = Block['children'][number];
type ParagraphNode = Extract<BlockNode, { type: 'paragraph' }>;
export type InlineNode = ParagraphNode['children'][number];

/**
 * A soft line break in the source is a space between words, but nothing between two Chinese
 * characters (a space there would show as a gap).
 */
function softBreaks(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t]*/g, (match, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + match.length] ?? '';
    return isCjk(before) && isCjk(after) ? '' : ' ';
  });
}

/**
 * `art`: the report's formulas (an inline formula becomes an object on the baseline; one that could
 * not be drawn shows its TeX, never with its dollars). `figures`: the number given to each image
 * drawn as a figure after its paragraph, which the text then names.
 */
export function inlineRuns(
  nodes: readonly InlineNode[],
  style: TextStyle,
  art: NotesArt = NO_ART,
  figures: ReadonlyMap<InlineNode, string> = new Map(),
): Run[] {
  const runs: Run[] = [];
  const visit = (node: InlineNode, current: TextStyle): void => {
    const figure = figures.get(node);
    if (figure !== undefined) {
      runs.push({ text: figure, style: current });
      return;
    }
    // `$…$` (mdast-util-math's inlineMath; core's types do not carry that package's node types).
    const math = node as { type: string; value?: unknown };
    if (math.type === 'inlineMath' && typeof math.value === 'string') {
      const object = art.formulas.object(math.value);
      runs.push(
        object
          ? { text: math.value, style: current, object }
          : { text: math.value, style: { ...current, italic: true } },
      );
      return;
    }
    switch (node.type) {
      case 'text':
        runs.push({ text: softBreaks(node.value), style: current });
        return;
      case 'html':
        runs.push({ text: softBreaks(node.value), style: current });
        return;
      case 'inlineCode':
        runs.push({
          text: node.value.replace(/\s+/g, ' '),
          style: {
            ...current,
            family: 'mono',
            bold: false,
            italic: false,
            size: current.size * 0.9,
            code: true,
          },
        });
        return;
      case 'emphasis':
        for (const child of node.children) visit(child, { ...current, italic: true });
        return;
      case 'strong':
        for (const child of node.children) visit(child, { ...current, bold: true });
        return;
      case 'delete':
        for (const child of node.children) visit(child, current);
        return;
      case 'break':
        runs.push({ text: HARD_BREAK, style: current });
        return;
      case 'link': {
        // The kit's one link rule (@studykit/view): http(s) only, as in the decks and the diagram.
        const url = safeHttpUrl(node.url);
        const linkStyle: TextStyle = url ? { ...current, link: url, color: LINK } : current;
        for (const child of node.children) visit(child, linkStyle);
        return;
      }
      case 'linkReference':
        for (const child of node.children) visit(child, current);
        return;
      case 'image':
      case 'imageReference':
        // An image not drawn stands as its alt text in brackets, as on a slide: no word of the kit's
        // (an English "image:" in a Chinese report, #21).
        if (node.alt) runs.push({ text: `[${node.alt}]`, style: { ...current, italic: true } });
        return;
      case 'footnoteReference':
        runs.push({ text: `[${node.label ?? node.identifier}]`, style: current });
        return;
      default: {
        const unknown = node as { value?: unknown; children?: InlineNode[] };
        if (typeof unknown.value === 'string') runs.push({ text: unknown.value, style: current });
        for (const child of unknown.children ?? []) visit(child, current);
      }
    }
  };
  for (const node of nodes) visit(node, style);
  return runs;
}
