/**
 * Formulas, figures and diagrams as deck HTML, without a browser: KaTeX's HTML made inert for Vue,
 * Slidev's markdown and a note's comment; images as the deck's hashed files; mermaid blocks as
 * figures that name their file and line; large figures alone on a slide (with a fake measuring page).
 */
import type { ImageAsset } from '@studykit/core';
import { DiagramSyntaxError } from '@studykit/diagram';
import type { Paragraph, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { chunkBlocks } from '../src/chunks.js';
import type { SlidePlan } from '../src/deck.js';
import { type Figure, figureFile } from '../src/figures.js';
import { rewriteKatexCss } from '../src/katex-style.js';
import { diagramFailure, type LayoutTools, layoutDeck, type Measurer } from '../src/layout-deck.js';
import { mathHtml } from '../src/math-html.js';
import { blockToHtml, phrasingToHtml } from '../src/mdast-html.js';
import { noteHtml } from '../src/note-html.js';
import { stackedRuns } from './stacked-heights.js';

/** The text a browser would show: tags dropped, entities decoded. */
function shownText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Text between the tags, as written (before the browser decodes it). */
function rawText(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

const png: ImageAsset = {
  file: 'papers/figs/samples.png',
  format: 'png',
  width: 800,
  height: 500,
  bytes: 1234,
  digest: 'ab12cd34ef56ab78cd90ef12ab34cd56ef78ab90cd12ef34ab56cd78ef90ab12',
};
const tall: ImageAsset = {
  ...png,
  file: 'tall.jpg',
  format: 'jpeg',
  width: 400,
  height: 900,
  digest: 'f'.repeat(64),
};

function imageParagraph(alt: string, asset?: ImageAsset): Paragraph {
  return {
    type: 'paragraph',
    children: [{ type: 'image', url: 'x.png', alt, ...(asset ? { data: { asset } } : {}) }],
  };
}

describe('formulas', () => {
  it('are KaTeX HTML, with no TeX left in what the slide shows', () => {
    const html = mathHtml('q(x_t \\mid x_{t-1})', false);
    expect(html).toMatch(/^<span class="katex">/);
    expect(shownText(html)).not.toMatch(/\\mid|x_\{|\$/);
    expect(html).not.toMatch(/\n/);
  });

  it('leave no character in their text for Vue, markdown or a comment to act on', () => {
    const html = mathHtml(
      '\\text{\\{\\{ 7*7 \\}\\} \\$x\\$ - - > </div><script>alert(1)</script>} \\{ \\}',
      false,
    );
    const text = rawText(html);
    expect(text).not.toMatch(/[{}$*<>`]|--/);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('</div>');
    // The reader still sees the characters themselves.
    // (KaTeX's spaces in \text are no-break spaces.)
    expect(shownText(html)).toMatch(/\{\{\s7\*7\s\}\}\s\$x\$/);
    expect(shownText(html)).toContain('</div><script>alert(1)</script>');
    // Attribute values carry KaTeX's negative margins as entities: no `--` anywhere.
    expect(html).not.toContain('--');
  });

  it('never turn \\href into a link (trust is off)', () => {
    const html = mathHtml('\\href{javascript:alert(1)}{click} \\url{javascript:alert(2)}', false);
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).not.toMatch(/href=/);
  });

  it('show a display formula as one block, and TeX KaTeX refuses as code', () => {
    const display = blockToHtml({ type: 'math', value: '\\sum_{i=1}^{n} i' });
    expect(display).toMatch(/^<div class="sk-math"><span class="katex&#45;display">/);
    expect(mathHtml('\\frac{', true)).toBe('<code class="sk-math-error">\\frac{</code>');
    const [chunk, ...rest] = chunkBlocks([{ type: 'math', value: 'E = mc^2' }]);
    expect(rest).toEqual([]);
    // Never divided: a display formula does not split across slides.
    expect(chunk?.divisible).toBeUndefined();
  });

  it('typeset inline in a paragraph', () => {
    const html = phrasingToHtml([
      { type: 'text', value: 'The loss ' },
      { type: 'inlineMath', value: '\\epsilon' },
      { type: 'text', value: ' is small.' },
    ]);
    expect(html).toContain('The loss <span class="katex">');
    expect(shownText(html)).toContain('ϵ');
    expect(shownText(html)).not.toContain('epsilon');
  });
});

describe('speaker notes', () => {
  const note: RootContent[] = [
    {
      type: 'paragraph',
      children: [
        { type: 'text', value: 'Say {{ 9*9 }} and <img src=x onerror=alert(1)> --> and ' },
        { type: 'inlineMath', value: 'q(x_t \\mid x_{t-1})' },
        { type: 'text', value: ' aloud; 中文。' },
      ],
    },
    { type: 'math', value: '\\epsilon_\\theta(x_t, t)' },
  ];

  it('are one line of HTML per block, formulas typeset, text all entities', () => {
    const html = noteHtml(note);
    const lines = html.split('\n\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^<p>Say /);
    expect(lines[1]).toMatch(/^<div class="sk-math">/);
    for (const line of lines) expect(line).not.toContain('\n');
    expect(html).not.toContain('--');
    expect(rawText(html)).not.toMatch(/[<>{}$*_[\]`]/);
    expect(html).not.toContain('<img');
    expect(shownText(html)).toContain('Say {{ 9*9 }} and <img src=x onerror=alert(1)> --> and ');
    expect(shownText(html)).toContain('中文。');
    // (KaTeX puts zero-width spaces in its subscripts' boxes.)
    expect(shownText(html).replace(/[\s\u200b]/g, '')).toContain('q(xt∣xt−1)');
  });
});

describe('images', () => {
  it('are the deck’s copy of the file, named by its digest, at the file’s size', () => {
    expect(figureFile(png)).toBe('figures/ab12cd34ef56ab78.png');
    expect(figureFile(tall)).toBe('figures/ffffffffffffffff.jpg');
    const [chunk] = chunkBlocks([imageParagraph('CIFAR-10 样本 <b>', png)], 'papers/a.md');
    expect(chunk?.figure).toMatchObject({ kind: 'image', caption: 'CIFAR-10 样本 <b>' });
    expect(chunk?.images).toEqual([png]);
    expect(chunk?.html).toContain('src="./figures/ab12cd34ef56ab78.png"');
    expect(chunk?.html).toContain('width="800" height="500"');
    expect(chunk?.html).toContain('<figcaption>CIFAR-10 样本 &lt;b&gt;</figcaption>');
  });

  it('show an SVG from content as an image of the deck, never as markup of the slide', () => {
    const svg: ImageAsset = { ...png, file: 'evil.svg', format: 'svg', digest: '0123456789abcdef'.repeat(4) };
    const [chunk] = chunkBlocks([imageParagraph('an SVG with a <script>', svg)]);
    expect(chunk?.html).toMatch(
      /^<figure class="sk-figure"><img class="sk-figure-image" src="\.\/figures\/0123456789abcdef\.svg"/,
    );
    expect(chunk?.html).not.toContain('<svg');
    expect(chunk?.html).not.toContain('<script');
  });

  it('show their alt text when core could not resolve the file, and stay a line high inside text', () => {
    expect(chunkBlocks([imageParagraph('missing', undefined)])[0]?.html).toBe(
      '<p><span class="sk-image-alt">[missing]</span></p>',
    );
    const inline = phrasingToHtml([
      { type: 'text', value: 'see ' },
      { type: 'image', url: 'x.png', alt: 'icon', data: { asset: png } },
    ]);
    expect(inline).toContain('<img class="sk-inline-image" src="./figures/ab12cd34ef56ab78.png" alt="icon"');
  });
});

describe('diagrams', () => {
  const block: RootContent = {
    type: 'diagram',
    language: 'mermaid',
    value: 'flowchart LR\n  A --> B',
    caption: 'Three steps',
    position: { start: { line: 12, column: 1 }, end: { line: 15, column: 4 } },
  };

  it('are figures drawn at build time, named by file and line', () => {
    const [chunk] = chunkBlocks([block], 'papers/instructgpt.md');
    expect(chunk?.figure).toEqual({
      kind: 'diagram',
      mermaid: 'flowchart LR\n  A --> B',
      caption: 'Three steps',
      file: 'papers/instructgpt.md',
      line: 12,
    });
  });

  it('inside a list item or a quotation are figures too, between the text before and after them', () => {
    const para = (value: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] });
    const chunks = chunkBlocks(
      [
        {
          type: 'list',
          ordered: true,
          start: 1,
          spread: false,
          children: [
            { type: 'listItem', spread: true, children: [para('First step:'), block, para('Then on.')] },
            { type: 'listItem', spread: false, children: [para('Second step.')] },
          ],
        },
        { type: 'blockquote', children: [para('As drawn:'), block] },
      ],
      'papers/instructgpt.md',
    );
    expect(
      chunks.map((chunk) =>
        chunk.figure
          ? `figure at line ${chunk.figure.kind === 'diagram' ? chunk.figure.line : '?'}`
          : chunk.html,
      ),
    ).toEqual([
      '<li><p>First step:</p></li>',
      'figure at line 12',
      '<li class="sk-continued"><p>Then on.</p></li>',
      '<li>Second step.</li>',
      '<blockquote><p>As drawn:</p></blockquote>',
      'figure at line 12',
    ]);
    // The list keeps its numbering across the figure: the second item is still item 2.
    expect(chunks.map((chunk) => chunk.indexInGroup)).toEqual([0, undefined, 0, 1, undefined, undefined]);
    expect(chunks.map((chunk) => chunk.html).join('')).not.toContain('flowchart');
  });

  it('that mermaid refuses fail in one line naming the line of the block', () => {
    const figure = chunkBlocks([block], 'papers/instructgpt.md')[0]?.figure as Extract<
      Figure,
      { kind: 'diagram' }
    >;
    const error = new DiagramSyntaxError(
      'The generated mermaid text for the block does not parse at line 2: A -->\nParse error on line 2:\n...A -->\n------^\nExpecting NODE',
      2,
    );
    const message = diagramFailure(figure, error);
    expect(message).not.toContain('\n');
    expect(message).toMatch(
      /^papers\/instructgpt\.md:14: mermaid cannot draw this diagram block: Parse error on line 2:/,
    );
  });
});

describe('KaTeX stylesheet in the deck', () => {
  it('names only woff2 files under ./fonts and falls back to the kit’s faces, never Times', () => {
    const faces: string[] = [];
    const css = rewriteKatexCss(
      '@font-face{font-display:block;font-family:KaTeX_AMS;font-style:normal;font-weight:400;src:url(fonts/KaTeX_AMS-Regular.woff2) format("woff2"),url(fonts/KaTeX_AMS-Regular.woff) format("woff")}.katex{font:normal 1.21em KaTeX_Main,math,Times New Roman,serif;line-height:1.2}.katex .mathnormal{font-family:KaTeX_Math;font-style:italic}',
      "'Kit Sans'",
      (face) => faces.push(`${face.family} ${face.weight} ${face.file}`),
    );
    expect(faces).toEqual(['KaTeX_AMS 400 KaTeX_AMS-Regular.woff2']);
    expect(css).toContain('src:url(./fonts/KaTeX_AMS-Regular.woff2) format("woff2")}');
    expect(css).not.toContain('.woff)');
    expect(css).not.toContain('Times');
    expect(css).toContain("font:normal 1.21em KaTeX_Main,'Kit Sans'");
    expect(css).toContain("font-family:KaTeX_Math,'Kit Sans';");
    expect(css).toContain('font-family:KaTeX_AMS;font-style');
  });
});

describe('layout of figures', () => {
  /** A page 400 px high and 868 px wide: a figure is as tall as its height attribute plus a caption. */
  const BODY = { width: 868, height: 400 };
  const heightOf = (html: string) => {
    const figure = /height="(\d+)"/.exec(html);
    return figure ? Number(figure[1]) + 30 : 40;
  };
  const measurer: Measurer = {
    box: async () => BODY,
    singles: async (_frame, chunks) => ({
      available: BODY.height,
      heights: chunks.map((c) => heightOf(c.html)),
    }),
    runs: async (_frame, chunks) => ({
      available: BODY.height,
      runs: stackedRuns(chunks, heightOf, BODY.height),
    }),
    divide: async () => [],
    // A display formula with a \sum is 1,000 px wide in an 868 px body, any other fits.
    formulaZooms: async (_frame, htmls) =>
      htmls.map((html) =>
        (html.match(/<div class="sk-math">.*?<\/div>/g) ?? []).map((f) =>
          f.includes('&#8721;') ? 0.868 : 1,
        ),
      ),
    fit: async (_frame, html) => ({ zoom: 1, fits: true, used: heightOf(html), available: BODY.height }),
  };
  const tools: LayoutTools = {
    measurer,
    drawDiagram: async () => ({
      svg: '<svg id="d" width="300" height="100"><style>#d{fill:red}</style></svg>',
      width: 300,
      height: 100,
    }),
  };
  const plan = (children: RootContent[]): SlidePlan => ({
    kind: 'section',
    title: 'Results',
    kicker: 'Paper',
    notes: [],
    body: { type: 'flow', chunks: chunkBlocks(children, 'papers/a.md') },
  });
  const text = (value: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] });
  /** A mermaid block without a caption, written from `line` of papers/a.md. */
  const diagramAt = (value: string, line: number): RootContent => ({
    type: 'diagram',
    language: 'mermaid',
    value,
    caption: null,
    position: { start: { line, column: 1 }, end: { line: line + 2, column: 1 } },
  });

  it('gives a large figure a slide of its own, as large as the body allows, with its caption', async () => {
    const layout = await layoutDeck(
      [plan([text('Before.'), imageParagraph('高图 tall', tall), text('After.')])],
      tools,
      'd',
    );
    expect(layout.slides.map((s) => s.title)).toEqual(['Results (1/3)', 'Results (2/3)', 'Results (3/3)']);
    const alone = layout.slides[1]?.bodyHtml ?? '';
    expect(alone).toContain('sk-figure-alone');
    expect(alone).toContain('<figcaption>高图 tall</figcaption>');
    // 400 px less the caption's 30: the JPEG is never enlarged past its pixels, here it shrinks to fit.
    expect(alone).toContain('width="164" height="370"');
    expect(layout.slides[0]?.bodyHtml).toContain('Before.');
    expect(layout.slides[2]?.bodyHtml).toContain('After.');
  });

  it('keeps a small figure in the flow at the body’s width or less, and inlines a drawn diagram', async () => {
    const layout = await layoutDeck(
      [plan([text('Before.'), diagramAt('flowchart LR\n A --> B', 3)])],
      tools,
      'd',
    );
    expect(layout.slides).toHaveLength(1);
    expect(layout.slides[0]?.bodyHtml).toContain(
      '<div class="sk-figure-diagram"><svg id="d" width="300" height="100"></svg>',
    );
    expect(layout.css).toContain('#d{fill:red}');
  });

  it('draws a diagram inside a numbered list item, and numbers the items after it on', async () => {
    const diagram = diagramAt('flowchart LR\n A --> B', 3);
    const layout = await layoutDeck(
      [
        plan([
          {
            type: 'list',
            ordered: true,
            start: 1,
            spread: true,
            children: [
              { type: 'listItem', spread: true, children: [text('First step:'), diagram] },
              { type: 'listItem', spread: true, children: [text('Second step.')] },
            ],
          },
        ]),
      ],
      tools,
      'd',
    );
    expect(layout.slides).toHaveLength(1);
    const html = layout.slides[0]?.bodyHtml ?? '';
    expect(html).toContain('<div class="sk-figure-diagram"><svg id="d" width="300" height="100"></svg>');
    expect(html).not.toContain('flowchart');
    expect(html).toMatch(
      /<ol start="1"><li><p>First step:<\/p><\/li><\/ol>.*sk-figure-diagram.*<ol start="2"><li><p>Second step\.<\/p><\/li><\/ol>/s,
    );
  });

  it('scales a display formula wider than the body down to its width, and leaves a narrow one', async () => {
    const layout = await layoutDeck(
      [
        plan([
          { type: 'math', value: '\\sum_i x_i' },
          { type: 'math', value: 'x' },
        ]),
      ],
      tools,
      'd',
    );
    const html = layout.slides[0]?.bodyHtml ?? '';
    // 868 px of body for 1,000 px of formula.
    expect(html.match(/<div class="sk-math"[^>]*>/g)).toEqual([
      '<div class="sk-math" style="zoom: 0.86">',
      '<div class="sk-math">',
    ]);
  });

  it('names the block when mermaid cannot draw it', async () => {
    const failing: LayoutTools = {
      measurer,
      drawDiagram: async () => {
        throw new DiagramSyntaxError(
          'The generated mermaid text does not parse at line 1: flowchart ??\nParse error on line 1',
          1,
        );
      },
    };
    const diagram = diagramAt('flowchart ??', 7);
    await expect(layoutDeck([plan([diagram])], failing, 'd')).rejects.toThrow(
      /^papers\/a\.md:8: mermaid cannot draw this diagram block: Parse error on line 1\./,
    );
  });
});
