/**
 * Reference-style links and footnotes resolved once, in core, so that no renderer loses them:
 * `[text][ref]` and `![alt][ref]` become plain links and images with the definition's URL (the
 * definitions leave the tree), and footnote definitions leave the tree too, numbered in the order
 * of their first reference; each reference carries that number as its label.
 */
import type { Definition, FootnoteDefinition, Nodes, Root, RootContent } from 'mdast';

export interface ResolvedReferences {
  /** Footnote definitions in reading order (first referenced first; unreferenced ones last). */
  footnotes: { label: string; identifier: string; children: RootContent[] }[];
}

type Parent = Extract<Nodes, { children: unknown[] }>;

function walk(node: Nodes, visit: (node: Nodes, parent: Parent | undefined) => void, parent?: Parent): void {
  visit(node, parent);
  if ('children' in node) for (const child of node.children as Nodes[]) walk(child, visit, node as Parent);
}

export function resolveReferences(tree: Root): ResolvedReferences {
  const definitions = new Map<string, Definition>();
  const footnoteDefinitions = new Map<string, FootnoteDefinition>();
  walk(tree, (node) => {
    if (node.type === 'definition' && !definitions.has(node.identifier))
      definitions.set(node.identifier, node);
    if (node.type === 'footnoteDefinition' && !footnoteDefinitions.has(node.identifier))
      footnoteDefinitions.set(node.identifier, node);
  });

  const order: string[] = [];
  walk(tree, (node, parent) => {
    if (!parent) return;
    const index = (parent.children as Nodes[]).indexOf(node);
    if (node.type === 'linkReference') {
      const definition = definitions.get(node.identifier);
      if (!definition) return;
      const link: Nodes = {
        type: 'link',
        url: definition.url,
        title: definition.title ?? null,
        children: node.children,
      };
      if (node.position) link.position = node.position;
      (parent.children as Nodes[])[index] = link;
    } else if (node.type === 'imageReference') {
      const definition = definitions.get(node.identifier);
      if (!definition) return;
      const image: Nodes = {
        type: 'image',
        url: definition.url,
        title: definition.title ?? null,
        alt: node.alt ?? '',
      };
      if (node.position) image.position = node.position;
      (parent.children as Nodes[])[index] = image;
    } else if (node.type === 'footnoteReference' && footnoteDefinitions.has(node.identifier)) {
      if (!order.includes(node.identifier)) order.push(node.identifier);
      node.label = String(order.indexOf(node.identifier) + 1);
    }
  });
  for (const identifier of footnoteDefinitions.keys())
    if (!order.includes(identifier)) order.push(identifier);

  // Definitions are resolved: they leave the tree wherever they were written.
  walk(tree, (node) => {
    if ('children' in node) {
      (node as Parent).children = (node.children as Nodes[]).filter(
        (child) => child.type !== 'definition' && child.type !== 'footnoteDefinition',
      ) as Parent['children'];
    }
  });
  return {
    footnotes: order.map((identifier, index) => ({
      label: String(index + 1),
      identifier,
      children: (footnoteDefinitions.get(identifier)?.children ?? []) as RootContent[],
    })),
  };
}
