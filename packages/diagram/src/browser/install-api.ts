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

  /** A point on the screen. */
  type Point = { x: number; y: number };

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

  /** Whether a screen rectangle meets one of the places a point counts (left, top, right, bottom). */
  type Reaches = (left: number, top: number, right: number, bottom: number) => boolean;

  /**
   * Adds to `points` the points at most 2 units apart along an edge, in screen pixels, of every part
   * of it that `reaches` a place where a point counts (a part lies within its control points' box).
   * mermaid draws edges with absolute M, L, Q, C and A commands: those are sampled here, by their own
   * formulas (asking Chromium for each point, getPointAtLength, took a fifth of drawing a 1,000-paper
   * lineage). A path with any other command is asked point by point.
   */
  function addEdgePoints(path: SVGPathElement, m: DOMMatrix, reaches: Reaches, points: Point[]): void {
    // How many numbers each command takes.
    const COORDINATES: Record<string, number> = { M: 2, L: 2, Q: 4, C: 6, A: 7 };
    const screen = (x: number, y: number): Point => ({
      x: m.a * x + m.c * y + m.e,
      y: m.b * x + m.d * y + m.f,
    });
    const tokens =
      (path.getAttribute('d') ?? '').match(/[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
    const found: Point[] = [];
    let at = 0;
    const numbers = (count: number): number[] | undefined => {
      const values = tokens.slice(at, at + count).map(Number);
      at += count;
      return values.length === count && values.every(Number.isFinite) ? values : undefined;
    };
    // A part drawn by `point(t)` for t in (0, 1], in `steps` equal steps of t, if its control points'
    // box reaches a place that counts (the curve lies inside their hull, on screen as in the path).
    const part = (controls: number[], steps: number, point: (t: number) => [number, number]) => {
      const corners: Point[] = [];
      for (let k = 0; k < controls.length; k += 2)
        corners.push(screen(controls[k] ?? 0, controls[k + 1] ?? 0));
      const xs = corners.map((corner) => corner.x);
      const ys = corners.map((corner) => corner.y);
      if (!reaches(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys))) return;
      const n = Math.max(1, Math.ceil(steps));
      for (let k = 1; k <= n; k++) found.push(screen(...point(k / n)));
    };
    const distance = (ax: number, ay: number, bx: number, by: number) => Math.hypot(bx - ax, by - ay);
    let x = 0;
    let y = 0;
    let drawn = true;
    while (drawn && at < tokens.length) {
      const command = tokens[at++] ?? '';
      const values = numbers(COORDINATES[command] ?? Number.NaN);
      if (!values) {
        drawn = false;
        break;
      }
      const [x0, y0] = [x, y];
      if (command === 'M') {
        [x, y] = values as [number, number];
        part([x, y], 0, () => [x, y]);
      } else if (command === 'L') {
        const [x1, y1] = values as [number, number];
        // A line's length is its parameter's speed: steps of at most 2 units.
        part([x0, y0, x1, y1], distance(x0, y0, x1, y1) / 2, (t) => [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t]);
        [x, y] = [x1, y1];
      } else if (command === 'Q') {
        const [x1, y1, x2, y2] = values as [number, number, number, number];
        // A quadratic moves at most twice its longest control leg per unit of t.
        const leg = Math.max(distance(x0, y0, x1, y1), distance(x1, y1, x2, y2));
        part([x0, y0, x1, y1, x2, y2], leg, (t) => {
          const [a, b, c] = [(1 - t) ** 2, 2 * (1 - t) * t, t ** 2];
          return [a * x0 + b * x1 + c * x2, a * y0 + b * y1 + c * y2];
        });
        [x, y] = [x2, y2];
      } else if (command === 'A') {
        const [rx, ry, rotation, large, sweep, x1, y1] = values as [
          number,
          number,
          number,
          number,
          number,
          number,
          number,
        ];
        if ((large !== 0 && large !== 1) || (sweep !== 0 && sweep !== 1)) {
          drawn = false;
          break;
        }
        const arc = arcCentre(x0, y0, rx, ry, rotation, large, sweep, x1, y1);
        if (!arc)
          part([x0, y0, x1, y1], distance(x0, y0, x1, y1) / 2, (t) => [
            x0 + (x1 - x0) * t,
            y0 + (y1 - y0) * t,
          ]);
        else {
          const { cx, cy, a, b, cos, sin, start, turn } = arc;
          const r = Math.max(a, b);
          // An arc stays inside its ellipse's bounding circle; it moves at most r per radian.
          part(
            [cx - r, cy - r, cx + r, cy - r, cx - r, cy + r, cx + r, cy + r],
            (r * Math.abs(turn)) / 2,
            (t) => {
              const angle = start + turn * t;
              const [ex, ey] = [a * Math.cos(angle), b * Math.sin(angle)];
              return [cx + ex * cos - ey * sin, cy + ex * sin + ey * cos];
            },
          );
        }
        [x, y] = [x1, y1];
      } else {
        const [x1, y1, x2, y2, x3, y3] = values as [number, number, number, number, number, number];
        // A cubic, at most three times its longest control leg.
        const leg = Math.max(distance(x0, y0, x1, y1), distance(x1, y1, x2, y2), distance(x2, y2, x3, y3));
        part([x0, y0, x1, y1, x2, y2, x3, y3], (3 * leg) / 2, (t) => {
          const [a, b, c, d] = [(1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3];
          return [a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3];
        });
        [x, y] = [x3, y3];
      }
    }
    if (drawn) {
      for (const point of found) points.push(point);
      return;
    }
    const length = path.getTotalLength();
    for (let along = 0; along <= length; along += 2)
      points.push(path.getPointAtLength(along).matrixTransform(m));
  }

  /**
   * An SVG arc's ellipse, from its end points (the SVG specification's implementation notes, B.2.4):
   * centre, radii (scaled up when too small), rotation and the angles it runs from and through.
   * Undefined for a zero radius (the arc is then a line) or when it ends where it starts.
   */
  function arcCentre(
    x0: number,
    y0: number,
    rx: number,
    ry: number,
    degrees: number,
    large: number,
    sweep: number,
    x1: number,
    y1: number,
  ):
    | { cx: number; cy: number; a: number; b: number; cos: number; sin: number; start: number; turn: number }
    | undefined {
    let [a, b] = [Math.abs(rx), Math.abs(ry)];
    if (a === 0 || b === 0 || (x0 === x1 && y0 === y1)) return undefined;
    const cos = Math.cos((degrees * Math.PI) / 180);
    const sin = Math.sin((degrees * Math.PI) / 180);
    const px = (cos * (x0 - x1)) / 2 + (sin * (y0 - y1)) / 2;
    const py = (-sin * (x0 - x1)) / 2 + (cos * (y0 - y1)) / 2;
    const excess = (px * px) / (a * a) + (py * py) / (b * b);
    if (excess > 1) [a, b] = [a * Math.sqrt(excess), b * Math.sqrt(excess)];
    const spread = a * a * py * py + b * b * px * px;
    const root = Math.sqrt(Math.max(0, (a * a * b * b - spread) / spread)) * (large === sweep ? -1 : 1);
    const [qx, qy] = [(root * a * py) / b, (-root * b * px) / a];
    const angle = (ux: number, uy: number, vx: number, vy: number) =>
      Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
    const start = angle(1, 0, (px - qx) / a, (py - qy) / b);
    let turn = angle((px - qx) / a, (py - qy) / b, (-px - qx) / a, (-py - qy) / b);
    if (sweep === 0 && turn > 0) turn -= 2 * Math.PI;
    if (sweep === 1 && turn < 0) turn += 2 * Math.PI;
    const cx = cos * qx - sin * qy + (x0 + x1) / 2;
    const cy = sin * qx + cos * qy + (y0 + y1) / 2;
    return { cx, cy, a, b, cos, sin, start, turn };
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
    // Points every 2 px along each edge, where they can cross a title: in its strip, across the
    // family's box (most parts of a large overview's edges pass no title).
    const strips = titles.map(({ frame, box }) => ({
      top: box.top,
      bottom: box.bottom,
      left: Math.min(frame.left, box.left) - 4,
      right: Math.max(frame.right, box.right) + 4,
    }));
    const reaches: Reaches = (left, top, right, bottom) =>
      strips.some(
        (strip) => bottom >= strip.top && top <= strip.bottom && right >= strip.left && left <= strip.right,
      );
    const points: Point[] = [];
    for (const path of svg.querySelectorAll<SVGPathElement>('path.flowchart-link')) {
      const reach = path.getBoundingClientRect();
      const matrix = path.getScreenCTM();
      if (matrix && reaches(reach.left, reach.top, reach.right, reach.bottom))
        addEdgePoints(path, matrix, reaches, points);
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
