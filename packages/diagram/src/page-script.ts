/**
 * The script that runs inside the rendering page (kept as text: it runs in Chromium, not in Node).
 * It loads mermaid once and exposes `studykitLineage.render` / `studykitLineage.parse`.
 */

import { cssStack, FAMILIES } from '@studykit/fonts';

/** The kit's sans stack (Source Sans 3, then Noto Sans SC, then Noto Emoji): the same on every machine. */
export const DIAGRAM_FONT = cssStack('sans');

export const MERMAID_CONFIG = {
  startOnLoad: false,
  // strict: no script in labels, click callbacks disabled (href links still work).
  securityLevel: 'strict',
  // Top-level flag: SVG <text> labels instead of <foreignObject> HTML, so the SVG also renders outside
  // browsers (librsvg, Inkscape, PDF tools). The flowchart-level flag is deprecated and partial.
  htmlLabels: false,
  theme: 'default',
  themeVariables: { fontFamily: DIAGRAM_FONT },
  // No automatic wrapping: mermaid splits long words mid-character (and so mid entity code), and a
  // label with <br> goes through a path that decodes entities itself. Labels stay on one line.
  flowchart: { useMaxWidth: false, curve: 'basis', wrappingWidth: 100_000 },
  // A 200-paper lineage is far past the defaults (50,000 characters, 500 edges).
  maxTextSize: 2_000_000,
  maxEdges: 20_000,
};

export const PAGE_SCRIPT = `
import mermaid from '/mermaid/mermaid.esm.min.mjs';

mermaid.initialize(${JSON.stringify(MERMAID_CONFIG)});

// SVG-text labels keep numeric entity codes as literal text (&#35;): turn them back into characters.
// A user's own & and # are always escaped, so a literal "&#" here only comes from our escaping. An
// edge label wider than 200px is wrapped by mermaid mid-word, possibly inside a code, so a code is
// decoded across the text nodes of one <text> (mermaid drops characters only at spaces, and codes
// hold none). One pass: decoded text is never decoded again.
function decodeNumericEntities(textElement) {
  const nodes = [];
  const walker = document.createTreeWalker(textElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  const joined = nodes.map((node) => node.data).join('');
  const codes = [];
  for (const match of joined.matchAll(/&#(\\d{1,7});/g)) {
    const code = Number(match[1]);
    if (code <= 0x10ffff) codes.push({ at: match.index, length: match[0].length, char: String.fromCodePoint(code) });
  }
  if (codes.length === 0) return;
  const out = nodes.map(() => '');
  let owner = 0;
  let ownerEnd = nodes[0].data.length;
  let next = 0;
  for (let i = 0; i < joined.length; ) {
    while (i >= ownerEnd && owner < nodes.length - 1) ownerEnd += nodes[++owner].data.length;
    const code = codes[next];
    if (code && code.at === i) {
      out[owner] += code.char;
      i += code.length;
      next++;
    } else {
      out[owner] += joined[i];
      i++;
    }
  }
  nodes.forEach((node, index) => {
    if (node.data !== out[index]) node.data = out[index];
  });
}

// mermaid puts every word of an SVG-text label in its own <tspan> starting with a space; librsvg drops
// that leading space ("GPT-3·2020"). Merge neighbouring word spans that share their styling.
function mergeWordSpans(svg) {
  for (const row of svg.querySelectorAll('tspan.text-outer-tspan')) {
    let previous = null;
    for (const span of [...row.children]) {
      const same = previous && span.tagName === previous.tagName &&
        span.getAttributeNames().every((name) => span.getAttribute(name) === previous.getAttribute(name)) &&
        previous.getAttributeNames().length === span.getAttributeNames().length &&
        span.children.length === 0 && previous.children.length === 0;
      if (same) {
        previous.textContent += span.textContent;
        span.remove();
      } else {
        previous = span;
      }
    }
  }
}

// SVG-text edge labels have no background, so the line runs through the words: put a white box behind.
function backEdgeLabels(svg) {
  for (const text of svg.querySelectorAll('g.edgeLabel text')) {
    if (!text.textContent.trim()) continue;
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
    text.parentNode.insertBefore(rect, text);
  }
}

// mermaid decodes a click link's href (%2F becomes /, %26 becomes &), which changes the address:
// give each node's link back the exact URL of its \`click <node> href "<url>"\` statement (safeHref's
// output, which holds no quote). Node ids are "<svg id>-flowchart-<node>-<counter>".
function restoreLinks(svg, id, text) {
  const hrefs = new Map();
  for (const match of text.matchAll(/^\\s*click (\\S+) href "([^"]*)"/gm)) hrefs.set(match[1], match[2]);
  const prefix = id + '-flowchart-';
  for (const node of svg.querySelectorAll('g.node')) {
    const link = node.closest('a');
    if (!link || !node.id.startsWith(prefix)) continue;
    const href = hrefs.get(node.id.slice(prefix.length).replace(/-\\d+$/, ''));
    if (href) link.setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', href);
  }
}

function removeLeftovers(id) {
  // mermaid leaves its scratch element (and an error diagram) in the body when rendering fails.
  for (const leftover of document.querySelectorAll('#d' + id + ', #' + id + ', #i' + id)) {
    if (!leftover.closest('#stage')) leftover.remove();
  }
}

async function render(id, text) {
  const stage = document.getElementById('stage');
  stage.replaceChildren();
  // Every face is loaded before mermaid measures a label (a late font would misplace the boxes).
  await Promise.all(${JSON.stringify(Object.values(FAMILIES))}.map((family) => document.fonts.load('16px "' + family + '"', text)));
  let result;
  try {
    result = await mermaid.render(id, text);
  } catch (error) {
    removeLeftovers(id);
    return { ok: false, message: String(error && error.message ? error.message : error) };
  }
  removeLeftovers(id);
  stage.innerHTML = result.svg;
  const svg = stage.querySelector('svg');
  restoreLinks(svg, id, text);
  for (const text of svg.querySelectorAll('text, title, desc')) decodeNumericEntities(text);
  mergeWordSpans(svg);
  await document.fonts.ready;
  backEdgeLabels(svg);
  // Explicit pixel size: a standalone SVG (and the PDF page) needs one; drop the responsive max-width.
  const box = svg.viewBox.baseVal;
  const width = Math.ceil(box && box.width ? box.width : svg.getBBox().width);
  const height = Math.ceil(box && box.height ? box.height : svg.getBBox().height);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.style.removeProperty('max-width');
  if (!svg.getAttribute('style')) svg.removeAttribute('style');
  // XMLSerializer adds the xmlns:xlink declaration that mermaid's own string lacks for click links.
  return { ok: true, svg: new XMLSerializer().serializeToString(svg), width, height };
}

async function parse(text) {
  try {
    await mermaid.parse(text);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: String(error && error.message ? error.message : error) };
  }
}

window.studykitLineage = { render, parse, version: mermaid.version ?? null, ready: true };
`;
