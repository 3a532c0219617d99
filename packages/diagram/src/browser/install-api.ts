/// <reference lib="dom" />
/**
 * The rendering page's own code: given mermaid, it installs `window.studykitDiagram` (page-api.ts),
 * which draws mermaid text as a standalone SVG. page-script.ts sends this function's source text to
 * the page, so everything it needs is inside it or in its arguments: no imports, no outer names.
 */
import type { Mermaid, MermaidConfig } from 'mermaid';
import type { DrawResult, ParseOutcome } from './page-api.js';

export interface PageSetup {
  config: MermaidConfig;
  /** Font families the labels may use: each is loaded before mermaid measures a label. */
  families: readonly string[];
}

export function installDiagramApi(mermaid: Mermaid, setup: PageSetup): void {
  mermaid.initialize(setup.config);

  const messageOf = (error: unknown): string =>
    String(
      typeof error === 'object' && error !== null && 'message' in error && error.message
        ? error.message
        : error,
    );

  // SVG-text labels keep numeric entity codes as literal text (&#35;): turn them back into characters.
  // A user's own & and # are always escaped, so a literal "&#" here only comes from our escaping. An
  // edge label wider than 200px is wrapped by mermaid mid-word, possibly inside a code, so a code is
  // decoded across the text nodes of one <text> (mermaid drops characters only at spaces, and codes
  // hold none). One pass: decoded text is never decoded again.
  function decodeNumericEntities(textElement: Element): void {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(textElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const joined = nodes.map((node) => node.data).join('');
    const codes: { at: number; length: number; char: string }[] = [];
    for (const match of joined.matchAll(/&#(\d{1,7});/g)) {
      const code = Number(match[1]);
      if (code <= 0x10ffff)
        codes.push({ at: match.index, length: match[0].length, char: String.fromCodePoint(code) });
    }
    if (codes.length === 0) return;
    const out = nodes.map(() => '');
    let owner = 0;
    let ownerEnd = nodes[0]?.data.length ?? 0;
    let next = 0;
    for (let i = 0; i < joined.length; ) {
      while (i >= ownerEnd && owner < nodes.length - 1) {
        owner++;
        ownerEnd += nodes[owner]?.data.length ?? 0;
      }
      const code = codes[next];
      if (code && code.at === i) {
        out[owner] += code.char;
        i += code.length;
        next++;
      } else {
        out[owner] += joined[i] ?? '';
        i++;
      }
    }
    nodes.forEach((node, index) => {
      const decoded = out[index] ?? '';
      if (node.data !== decoded) node.data = decoded;
    });
  }

  // mermaid puts every word of an SVG-text label in its own <tspan> starting with a space; librsvg
  // drops that leading space ("GPT-3·2020"). Merge neighbouring word spans that share their styling.
  function mergeWordSpans(svg: SVGSVGElement): void {
    for (const row of svg.querySelectorAll('tspan.text-outer-tspan')) {
      let previous: Element | null = null;
      for (const span of [...row.children]) {
        const before: Element | null = previous;
        const same =
          before !== null &&
          span.tagName === before.tagName &&
          span.getAttributeNames().every((name) => span.getAttribute(name) === before.getAttribute(name)) &&
          before.getAttributeNames().length === span.getAttributeNames().length &&
          span.children.length === 0 &&
          before.children.length === 0;
        if (same) {
          before.textContent = (before.textContent ?? '') + (span.textContent ?? '');
          span.remove();
        } else {
          previous = span;
        }
      }
    }
  }

  // SVG-text edge labels have no background, so the line runs through the words: put a white box behind.
  function backEdgeLabels(svg: SVGSVGElement): void {
    for (const text of svg.querySelectorAll<SVGTextElement>('g.edgeLabel text')) {
      if (!text.textContent?.trim()) continue;
      const box = text.getBBox();
      const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      rect.setAttribute('class', 'studykit-label-back');
      rect.setAttribute('x', String(box.x - 4));
      rect.setAttribute('y', String(box.y - 1));
      rect.setAttribute('width', String(box.width + 8));
      rect.setAttribute('height', String(box.height + 2));
      rect.setAttribute('rx', '3');
      rect.setAttribute('fill', '#ffffff');
      rect.setAttribute('fill-opacity', '0.9');
      text.parentNode?.insertBefore(rect, text);
    }
  }

  /**
   * Points at most 2 units apart along an edge, in screen pixels. mermaid draws edges with absolute
   * M, L, Q and C commands: those are sampled here, by their own formulas (asking Chromium for each
   * point, getPointAtLength, took a fifth of drawing a 1,000-paper lineage). A path with any other
   * command (an arc) is asked point by point.
   */
  function edgePoints(path: SVGPathElement, m: DOMMatrix): { x: number; y: number }[] {
    // How many numbers each command takes.
    const COORDINATES: Record<string, number> = { M: 2, L: 2, Q: 4, C: 6 };
    const points: { x: number; y: number }[] = [];
    const add = (x: number, y: number) =>
      points.push({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f });
    const tokens =
      (path.getAttribute('d') ?? '').match(/[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
    let at = 0;
    const numbers = (count: number): number[] | undefined => {
      const values = tokens.slice(at, at + count).map(Number);
      at += count;
      return values.length === count && values.every(Number.isFinite) ? values : undefined;
    };
    // A segment from (x, y), drawn by `point(t)` for t in (0, 1], in `steps` equal steps of t.
    const segment = (steps: number, point: (t: number) => [number, number]) => {
      const n = Math.max(1, Math.ceil(steps));
      for (let k = 1; k <= n; k++) add(...point(k / n));
    };
    const distance = (ax: number, ay: number, bx: number, by: number) => Math.hypot(bx - ax, by - ay);
    let x = 0;
    let y = 0;
    let drawn = true;
    while (drawn && at < tokens.length) {
      const command = tokens[at++];
      const values = numbers(COORDINATES[command ?? ''] ?? Number.NaN);
      if (!values) {
        drawn = false;
        break;
      }
      if (command === 'M') {
        [x, y] = values as [number, number];
        add(x, y);
        continue;
      }
      const [x0, y0] = [x, y];
      if (command === 'L') {
        const [x1, y1] = values as [number, number];
        // A line's length is its parameter's speed: steps of at most 2 units.
        segment(distance(x0, y0, x1, y1) / 2, (t) => [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t]);
        [x, y] = [x1, y1];
      } else if (command === 'Q') {
        const [x1, y1, x2, y2] = values as [number, number, number, number];
        // A quadratic moves at most twice its longest control leg per unit of t.
        const leg = Math.max(distance(x0, y0, x1, y1), distance(x1, y1, x2, y2));
        segment(leg, (t) => {
          const [a, b, c] = [(1 - t) ** 2, 2 * (1 - t) * t, t ** 2];
          return [a * x0 + b * x1 + c * x2, a * y0 + b * y1 + c * y2];
        });
        [x, y] = [x2, y2];
      } else {
        const [x1, y1, x2, y2, x3, y3] = values as [number, number, number, number, number, number];
        // A cubic, at most three times its longest control leg.
        const leg = Math.max(distance(x0, y0, x1, y1), distance(x1, y1, x2, y2), distance(x2, y2, x3, y3));
        segment((3 * leg) / 2, (t) => {
          const [a, b, c, d] = [(1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3];
          return [a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3];
        });
        [x, y] = [x3, y3];
      }
    }
    if (drawn) return points;
    const asked: { x: number; y: number }[] = [];
    const length = path.getTotalLength();
    for (let along = 0; along <= length; along += 2)
      asked.push(path.getPointAtLength(along).matrixTransform(m));
    return asked;
  }

  // ELK brings an edge into a family's box through the middle of its top side, where mermaid centres
  // the family's title: move a crossed title along its strip to the nearest place no edge crosses.
  function clearClusterTitles(svg: SVGSVGElement): void {
    const scale = svg.getScreenCTM()?.a || 1;
    // Everything is measured before any title moves: a title moved between two measurements would
    // make Chromium lay the whole drawing out again for the next one. (A title's move changes no
    // other title's box.)
    const titles = Array.from(svg.querySelectorAll<SVGGElement>('g.cluster > g.cluster-label')).flatMap(
      (label) => {
        const frame = label.parentElement?.querySelector('rect')?.getBoundingClientRect();
        const box = label.getBoundingClientRect();
        return frame && box.width > 0 ? [{ label, frame, box }] : [];
      },
    );
    if (titles.length === 0) return;
    // Points every 2 px along each edge that reaches a title's strip (sampling a path walks along it;
    // most edges of a large overview pass no title).
    const points: { x: number; y: number }[] = [];
    for (const path of svg.querySelectorAll<SVGPathElement>('path.flowchart-link')) {
      const reach = path.getBoundingClientRect();
      const near = titles.some(
        ({ frame, box }) =>
          reach.bottom >= box.top &&
          reach.top <= box.bottom &&
          reach.right >= Math.min(frame.left, box.left) - 4 &&
          reach.left <= Math.max(frame.right, box.right) + 4,
      );
      const matrix = path.getScreenCTM();
      if (!near || !matrix) continue;
      points.push(...edgePoints(path, matrix));
    }
    const moves: { label: SVGGElement; shift: number }[] = [];
    for (const { label, frame, box } of titles) {
      // Only the points level with the title can cross it, wherever along its strip it goes.
      const level = points.filter((point) => point.y > box.top && point.y < box.bottom);
      const crossed = (left: number, right: number) =>
        level.some((point) => point.x > left && point.x < right);
      if (!crossed(box.left - 2, box.right + 2)) continue;
      // Candidate left edges every 4 px across the strip, nearest to the centred place first.
      const candidates: number[] = [];
      for (let left = frame.left + 6; left + box.width <= frame.right - 6; left += 4) candidates.push(left);
      candidates.sort((a, b) => Math.abs(a - box.left) - Math.abs(b - box.left));
      const free = candidates.find((left) => !crossed(left - 2, left + box.width + 2));
      if (free !== undefined) moves.push({ label, shift: (free - box.left) / scale });
    }
    for (const { label, shift } of moves) {
      const moved = (label.getAttribute('transform') ?? '').replace(
        /translate\(\s*([-\d.e]+)[\s,]+([-\d.e]+)\s*\)/,
        (_, x: string, y: string) => `translate(${Number(x) + shift}, ${y})`,
      );
      label.setAttribute('transform', moved);
    }
  }

  // mermaid decodes a click link's href (%2F becomes /, %26 becomes &), which changes the address:
  // give each node's link back the exact URL of its `click <node> href "<url>"` statement (the
  // caller's escaping leaves no quote in it). Node ids are "<svg id>-flowchart-<node>-<counter>".
  function restoreLinks(svg: SVGSVGElement, id: string, text: string): void {
    const hrefs = new Map<string, string>();
    for (const match of text.matchAll(/^\s*click (\S+) href "([^"]*)"/gm)) {
      if (match[1] !== undefined && match[2] !== undefined) hrefs.set(match[1], match[2]);
    }
    const prefix = `${id}-flowchart-`;
    for (const node of svg.querySelectorAll('g.node')) {
      const link = node.closest('a');
      if (!link || !node.id.startsWith(prefix)) continue;
      const href = hrefs.get(node.id.slice(prefix.length).replace(/-\d+$/, ''));
      if (href) link.setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', href);
    }
  }

  // mermaid leaves its scratch element (and an error diagram) in the body when rendering fails.
  function removeLeftovers(id: string): void {
    for (const leftover of document.querySelectorAll(`#d${id}, #${id}, #i${id}`)) {
      if (!leftover.closest('#stage')) leftover.remove();
    }
  }

  async function render(id: string, text: string): Promise<DrawResult> {
    const stage = document.getElementById('stage');
    if (!stage) return { ok: false, message: 'the page has no #stage' };
    stage.replaceChildren();
    // Every face is loaded before mermaid measures a label (a late font would misplace the boxes).
    await Promise.all(setup.families.map((family) => document.fonts.load(`16px "${family}"`, text)));
    let drawn: string;
    try {
      drawn = (await mermaid.render(id, text)).svg;
    } catch (error) {
      removeLeftovers(id);
      return { ok: false, message: messageOf(error) };
    }
    removeLeftovers(id);
    stage.innerHTML = drawn;
    const svg = stage.querySelector('svg');
    if (!svg) return { ok: false, message: 'mermaid drew no <svg>' };
    restoreLinks(svg, id, text);
    for (const label of svg.querySelectorAll('text, title, desc')) decodeNumericEntities(label);
    mergeWordSpans(svg);
    await document.fonts.ready;
    backEdgeLabels(svg);
    clearClusterTitles(svg);
    // Explicit pixel size: a standalone SVG (and the PDF page) needs one; drop the responsive max-width.
    const box = svg.viewBox.baseVal;
    const width = Math.ceil(box?.width ? box.width : svg.getBBox().width);
    const height = Math.ceil(box?.height ? box.height : svg.getBBox().height);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    svg.style.removeProperty('max-width');
    if (!svg.getAttribute('style')) svg.removeAttribute('style');
    // XMLSerializer adds the xmlns:xlink declaration that mermaid's own string lacks for click links.
    return { ok: true, svg: new XMLSerializer().serializeToString(svg), width, height };
  }

  async function parse(text: string): Promise<ParseOutcome> {
    try {
      await mermaid.parse(text);
      return { ok: true };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    }
  }

  window.studykitDiagram = { render, parse };
}
