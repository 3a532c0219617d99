/**
 * A frontmatter string read as one line of markdown (a meeting's discussion question), so that a
 * formula or emphasis in it is typeset like the notes. Positions point into the file: at each
 * character when the YAML value is written as is (plain or quoted without escapes), else at the value.
 */
import type { Nodes, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Block, Span } from './ast.js';
import type { Locator } from './location.js';
import { parseMarkdown } from './markdown.js';
import { firstTooDeep } from './nesting.js';

/**
 * `value` as phrasing content. Markdown that would make a block of it (`1. …`, `# …`, two
 * paragraphs) is kept as plain text: a question is one line on the closing slide.
 */
export function readInlineMarkdown(value: string, at: Span, text: string, locator: Locator): Block {
  const tree = parseMarkdown(value);
  const only = tree.children[0];
  if (tree.children.length !== 1 || only?.type !== 'paragraph' || firstTooDeep(tree)) {
    return { children: [{ type: 'text', value, position: { start: at.start, end: at.end } }], text: value };
  }
  const raw = text.slice(at.start.offset, at.end.offset);
  // Where the value's first character is in the file, when the YAML holds it character for character.
  const base =
    raw === value
      ? at.start.offset
      : /^(["']).*\1$/s.test(raw) && raw.slice(1, -1) === value
        ? at.start.offset + 1
        : undefined;
  const pending: Nodes[] = [...only.children];
  while (pending.length > 0) {
    const node = pending.pop() as Nodes;
    const position = node.position;
    if (position) {
      node.position =
        base === undefined
          ? { start: at.start, end: at.end }
          : {
              start: locator.point(base + (position.start.offset ?? 0)),
              end: locator.point(base + (position.end.offset ?? 0)),
            };
    }
    if ('children' in node) pending.push(...(node.children as Nodes[]));
  }
  return { children: only.children as RootContent[], text: mdastToString(only) };
}
