/// <reference lib="dom" />
/**
 * What a reader notices of a drawn mermaid flowchart, measured where it is shown (a slide, the
 * diagram page): the smallest label in screen px, labels that overlap, and edges that run through a
 * node that is not one of their ends (each path sampled with getPointAtLength). Runs in the page
 * (page.evaluate sends its source): it uses only its argument and the page's globals.
 */

export interface DiagramMeasures {
  /** Diagrams found under the selector. */
  diagrams: number;
  /** The smallest rendered font size of any node, edge or cluster label, in screen px (0: no label). */
  smallestLabelPx: number;
  /** "GPT-3 · 2020 / Codex · 2021": two labels whose boxes overlap. */
  overlaps: string[];
  /** "GPT-3 → ChatGPT through Alpaca": an edge passing through a node that is not one of its ends. */
  edgesThroughNodes: string[];
  /** "GPT-3 → ChatGPT through the title GLM and ChatGLM": an edge crossing a family's title. */
  edgesThroughTitles: string[];
}

export function measureDiagrams(selector: string): DiagramMeasures {
  // A box shrunk by `inset` px on each side: touching a border or a rounded corner is not "through".
  const inside = (box: DOMRect, x: number, y: number, inset: number): boolean =>
    x > box.left + inset && x < box.right - inset && y > box.top + inset && y < box.bottom - inset;
  const meets = (a: DOMRect, b: DOMRect): boolean =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  // The lines of a label (one <tspan> each) joined by a space, as a reader reads them.
  const textOf = (element: Element): string => {
    const lines = [...element.querySelectorAll(':scope > tspan')];
    const parts =
      lines.length > 0 ? lines.map((line) => line.textContent ?? '') : [element.textContent ?? ''];
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  };

  const result: DiagramMeasures = {
    diagrams: 0,
    smallestLabelPx: 0,
    overlaps: [],
    edgesThroughNodes: [],
    edgesThroughTitles: [],
  };
  let smallest = Number.POSITIVE_INFINITY;
  for (const svg of document.querySelectorAll<SVGSVGElement>(selector)) {
    result.diagrams++;
    const nodes = [...svg.querySelectorAll<SVGGElement>('g.node')].map((node) => ({
      name: textOf(node),
      box: (node.querySelector('rect, polygon, circle, path') ?? node).getBoundingClientRect(),
    }));
    const titles = [...svg.querySelectorAll<SVGGElement>('g.cluster-label')]
      .map((title) => ({ name: textOf(title), box: title.getBoundingClientRect() }))
      .filter((title) => title.name && title.box.width > 0);

    // Every piece of text a reader reads: node labels, edge labels, cluster titles.
    const labels: { name: string; box: DOMRect }[] = [];
    for (const text of svg.querySelectorAll<SVGTextElement>('text')) {
      const name = textOf(text);
      if (!name) continue;
      const box = text.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // The rendered size: the computed font size scaled by the element's screen transform.
      const matrix = text.getScreenCTM();
      const scale = matrix ? Math.hypot(matrix.a, matrix.b) : 1;
      const size = Number.parseFloat(getComputedStyle(text).fontSize) * scale;
      if (size > 0) smallest = Math.min(smallest, size);
      labels.push({ name, box });
    }
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i], labels[j]];
        if (a && b && meets(a.box, b.box)) result.overlaps.push(`${a.name} / ${b.name}`);
      }
    }

    for (const path of svg.querySelectorAll<SVGPathElement>('path.flowchart-link')) {
      const length = path.getTotalLength();
      const matrix = path.getScreenCTM();
      if (!matrix || length === 0) continue;
      const points: DOMPoint[] = [];
      for (let at = 0; at <= length; at += 2) points.push(path.getPointAtLength(at).matrixTransform(matrix));
      const [first, last] = [points[0], points[points.length - 1]];
      if (!first || !last) continue;
      // The ends: the nodes the path starts and stops at (within a few px of their border).
      const nearest = (point: DOMPoint) =>
        nodes
          .map((node) => ({
            node,
            gap: Math.hypot(
              Math.max(node.box.left - point.x, 0, point.x - node.box.right),
              Math.max(node.box.top - point.y, 0, point.y - node.box.bottom),
            ),
          }))
          .reduce((a, b) => (b.gap < a.gap ? b : a)).node;
      if (nodes.length === 0) continue;
      const ends = new Set([nearest(first), nearest(last)]);
      const edgeName = [...ends].map((end) => end.name).join(' → ');
      for (const title of titles) {
        if (points.some((point) => inside(title.box, point.x, point.y, 0)))
          result.edgesThroughTitles.push(`${edgeName} through the title ${title.name}`);
      }
      for (const node of nodes) {
        if (ends.has(node)) continue;
        if (points.some((point) => inside(node.box, point.x, point.y, 2))) {
          result.edgesThroughNodes.push(`${edgeName} through ${node.name}`);
        }
      }
    }
  }
  result.smallestLabelPx = Number.isFinite(smallest) ? Math.round(smallest * 100) / 100 : 0;
  return result;
}
