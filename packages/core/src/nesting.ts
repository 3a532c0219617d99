/**
 * How deeply markdown may nest. Every walk over a tree (ours, mdast-util-to-string, the renderers',
 * V8's serialiser for the parse cache and the worker threads, Vue's compiler in the deck build)
 * recurses once per level: a 2,000-deep quote is 2 KB of text and a stack overflow. A file nested
 * deeper than the limit is reported and nothing walks its tree.
 */
import type { Nodes, Root } from 'mdast';

/** Far beyond any notes (the shipped papers nest 3 levels), far below any stack. */
export const MAX_NESTING = 64;

export const NESTING_MESSAGE = `Markdown is nested more than ${MAX_NESTING} levels deep (quotes, lists, emphasis or links inside each other)`;

/**
 * Quotes and list items indent a slide's text a step each: past this many (measured: 16 nested lists
 * and 30 nested quotes still built, 24 lists and 64 quotes did not) the deck cannot lay them out.
 */
export const MAX_BLOCK_NESTING = 12;

export const BLOCK_NESTING_MESSAGE = `Quotes and lists are nested more than ${MAX_BLOCK_NESTING} levels deep; a slide cannot indent that far`;

const BLOCK_TYPES: ReadonlySet<string> = new Set(['blockquote', 'listItem', 'footnoteDefinition']);

/**
 * What an author nests, one level each. A `list` comes with its items, table rows and cells with
 * their table, and paragraphs and headings never hold blocks: the tree is at most about twice as deep.
 */
const LEVEL_TYPES: ReadonlySet<string> = new Set([
  'blockquote',
  'listItem',
  'footnoteDefinition',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
]);

/**
 * The first node (in reading order) nested past MAX_NESTING, or whose quotes and lists are nested
 * past MAX_BLOCK_NESTING, with what to say; undefined when none is. A loop, not a recursion.
 */
export function firstTooDeep(tree: Root): { node: Nodes; message: string } | undefined {
  const nodes: Nodes[] = [tree];
  const levels: [number, number][] = [[0, 0]];
  while (nodes.length > 0) {
    const node = nodes.pop() as Nodes;
    const [outer, blocks] = levels.pop() as [number, number];
    const level = outer + (LEVEL_TYPES.has(node.type) ? 1 : 0);
    const blockLevel = blocks + (BLOCK_TYPES.has(node.type) ? 1 : 0);
    if (level > MAX_NESTING) return { node, message: NESTING_MESSAGE };
    if (blockLevel > MAX_BLOCK_NESTING) return { node, message: BLOCK_NESTING_MESSAGE };
    if (!('children' in node)) continue;
    for (let index = node.children.length - 1; index >= 0; index--) {
      nodes.push(node.children[index] as Nodes);
      levels.push([level, blockLevel]);
    }
  }
  return undefined;
}

/** One level of a line's container prefix: a `>` or a list marker (indent, marker, spaces after). */
const CONTAINER_MARKER = /([ \t]{0,3})(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*/y;

/**
 * Offset of the first quote or list marker past MAX_NESTING at the start of a line, for when the
 * tree itself could not be built: a cheap look at line prefixes (it does not see indented nesting).
 */
export function firstDeepLinePrefix(text: string): number | undefined {
  for (let lineStart = 0; lineStart < text.length; ) {
    let at = lineStart;
    for (let level = 1; ; level++) {
      CONTAINER_MARKER.lastIndex = at;
      const marker = CONTAINER_MARKER.exec(text);
      if (!marker) break;
      if (level > MAX_NESTING) return at + (marker[1] as string).length;
      at = CONTAINER_MARKER.lastIndex;
    }
    const lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) break;
    lineStart = lineEnd + 1;
  }
  return undefined;
}
