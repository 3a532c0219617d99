import type { Heading, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Block, Span } from './ast.js';
import type { Locator } from './location.js';

/** A `##` heading and everything up to the next one. */
export interface HeadingGroup {
  heading: Heading;
  title: string;
  nodes: RootContent[];
}

/** Splits the body (frontmatter removed) at headings of `depth`; nodes before the first one are the lead. */
export function groupByHeading(
  nodes: readonly RootContent[],
  depth: number,
): { lead: RootContent[]; groups: HeadingGroup[] } {
  const lead: RootContent[] = [];
  const groups: HeadingGroup[] = [];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === depth) {
      groups.push({ heading: node, title: mdastToString(node).trim(), nodes: [] });
    } else if (groups.length > 0) {
      (groups[groups.length - 1] as HeadingGroup).nodes.push(node);
    } else {
      lead.push(node);
    }
  }
  return { lead, groups };
}

export function bodyNodes(tree: Root): RootContent[] {
  return tree.children.filter((node) => node.type !== 'yaml');
}

/**
 * Plain text of block content, one line per block (mdast-util-to-string alone would glue list
 * items and table cells together).
 */
export function plainText(nodes: readonly RootContent[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'list':
        case 'listItem':
        case 'blockquote':
          return plainText(node.children as RootContent[]);
        case 'table':
          return node.children
            .map((row) => row.children.map((cell) => mdastToString(cell)).join(' | '))
            .join('\n');
        case 'html':
        case 'code':
          return node.value;
        default:
          return mdastToString(node);
      }
    })
    .filter((text) => text.length > 0)
    .join('\n');
}

export function toBlock(nodes: RootContent[]): Block {
  return { children: nodes, text: plainText(nodes) };
}

/** From the start of the first node to the end of the last. */
export function spanOfNodes(
  nodes: readonly { position?: { start: { offset?: number }; end: { offset?: number } } }[],
  locator: Locator,
): Span {
  const first = nodes[0]?.position?.start.offset ?? 0;
  const last = nodes[nodes.length - 1]?.position?.end.offset ?? first;
  return locator.span(first, last);
}
