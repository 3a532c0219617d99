/**
 * The renderer on plain mermaid text: what it makes, how it fails, and that a page survives a failure.
 * The lineage's own tests (apps/lineage) look at drawn diagrams the way a reader would.
 */

import { launchChromium } from '@studykit/browser';
import { texToHtml } from '@studykit/math';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DiagramRenderError,
  DiagramSyntaxError,
  MermaidRenderer,
  measureDiagrams,
  PNG_SCALE,
} from '../src/index.js';

const FLOW = 'flowchart LR\n  a["first"] --> b["second"]\n';

let renderer: MermaidRenderer;
beforeAll(async () => {
  renderer = await MermaidRenderer.launch();
}, 60_000);
afterAll(async () => {
  await renderer?.close();
});

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const pdfPages = (pdf: Uint8Array) => latin1(pdf).match(/\/Type\s*\/Page\b/g)?.length ?? 0;

describe('render', () => {
  test('an SVG with its fonts, a PNG at 2×, a one-page PDF titled after the diagram', async () => {
    const { svg, png, pdf } = await renderer.render(FLOW, { id: 'flow', name: 'flow.mmd' });
    expect(svg).toMatch(/^<\?xml [^>]*\?>\n<svg [^>]*id="flow"[^>]*width="(\d+)"[^>]*height="(\d+)"/);
    expect(svg).toContain('first');
    expect(svg).toMatch(/@font-face \{ font-family: 'Studykit Sans'.*data:font\/woff2;base64,/);
    const width = Number(/<svg [^>]*width="(\d+)"/.exec(svg)?.[1]);
    expect(Buffer.from(png).subarray(1, 4).toString()).toBe('PNG');
    expect(Buffer.from(png).readUInt32BE(16)).toBe(width * PNG_SCALE);
    expect(pdfPages(pdf)).toBe(1);
    expect(latin1(pdf)).toContain('/Title (flow)');
    expect(renderer.consoleErrors).toEqual([]);
  }, 60_000);

  test('printPages: one PDF, a page per diagram, with the title asked for', async () => {
    const diagrams = await Promise.all(
      [FLOW, 'flowchart TB\n  c["third"]\n'].map((t) => renderer.renderSvg(t)),
    );
    const pdf = await renderer.printPages(diagrams, { title: 'figures' });
    expect(pdfPages(pdf)).toBe(2);
    expect(latin1(pdf)).toContain('/Title (figures)');
  }, 60_000);
});

describe("a family's title", () => {
  test('is moved along its strip off an edge that ELK brings in through the middle of the box’s top', async () => {
    // An edge from above into a family's box: ELK enters the box through the middle of its top side,
    // where mermaid centres the title.
    const text = [
      '---\nconfig:\n  layout: elk\n---',
      'flowchart TB',
      '  a["An earlier paper"]',
      '  subgraph f["Family"]',
      '    b["A paper with a long name in the family"]',
      '  end',
      '  a --> b',
      '',
    ].join('\n');
    const { svg } = await renderer.renderSvg(text, { id: 'titles' });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent(`<!doctype html><body style="margin: 0">${svg}</body>`);
      const measured = await page.evaluate(measureDiagrams, 'svg');
      expect(measured.diagrams).toBe(1);
      expect(measured.edgesThroughTitles).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe('formulas and SVG images', () => {
  test('printFormulas: a page per formula, its box measured in the page, drawn only with KaTeX’s and the kit’s faces', async () => {
    const { pdf, metrics, emPx } = await renderer.printFormulas([
      { html: texToHtml('\\epsilon', false), display: false },
      { html: texToHtml('\\frac{1}{2} + \\text{损失}', true), display: true },
    ]);
    expect(pdfPages(pdf)).toBe(2);
    expect(emPx).toBeGreaterThan(0);
    // KaTeX draws math at 1.21 em: ε is 0.4306 of that tall, with no depth.
    expect(metrics[0]?.height).toBeCloseTo(0.4306 * 1.21, 2);
    expect(metrics[0]?.depth).toBeCloseTo(0, 2);
    // A display fraction reaches well above and below the baseline.
    expect(metrics[1]?.height).toBeGreaterThan(1);
    expect(metrics[1]?.depth).toBeGreaterThan(0.5);
    const fonts = [...latin1(pdf).matchAll(/\/BaseFont\s*\/[A-Z]{6}\+([\w-]+)/g)].map((match) => match[1]);
    expect(new Set(fonts)).toEqual(
      new Set(['KaTeX_Math-Italic', 'KaTeX_Main-Regular', 'NotoSansSC-Regular']),
    );
    expect(renderer.consoleErrors).toEqual([]);
  }, 60_000);

  test('printSvgImages: a page each, the SVG shown as an image, so its script never runs', async () => {
    const svg = (fill: string) =>
      Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><script>throw new Error('svg script ran')</script><image href="/missing.png" width="1" height="1" onerror="throw new Error('svg handler ran')"/><rect width="120" height="40" fill="${fill}"/></svg>`,
      );
    const pdf = await renderer.printSvgImages([
      { bytes: svg('#c2410c'), width: 120, height: 40 },
      { bytes: svg('#7c3aed'), width: 120, height: 40 },
    ]);
    expect(pdfPages(pdf)).toBe(2);
    // Inlined as markup, the broken <image>'s handler would run (as an <img>'s onerror does).
    expect(renderer.consoleErrors.join('\n')).not.toMatch(/svg (script|handler) ran/);
  }, 60_000);
});

describe('failures', () => {
  test('validate names the line mermaid rejects', async () => {
    const broken = 'flowchart LR\n  n1["ok"]\n  n1 --> n2["unterminated]\n';
    const error = await renderer.validate(broken).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiagramSyntaxError);
    expect((error as DiagramSyntaxError).message).toMatch(/does not parse at line \d+/);
    await expect(renderer.validate(FLOW)).resolves.toBeUndefined();
  });

  test('a failed render leaves the page usable', async () => {
    await expect(renderer.render('flowchart LR\n  a -->')).rejects.toThrow(DiagramSyntaxError);
    const { svg } = await renderer.renderSvg('flowchart LR\n  n1["still works"]');
    expect(svg).toContain('still works');
  });

  test('a closed renderer says so', async () => {
    const spare = await MermaidRenderer.launch();
    expect(spare.usable).toBe(true);
    await spare.close();
    expect(spare.usable).toBe(false);
    await expect(spare.renderSvg('flowchart LR\n  n1["x"]')).rejects.toThrow(/closed/);
  }, 60_000);

  test('a Chromium that does not start is one line, without its browser log', async () => {
    const saved = process.env.STUDYKIT_CHROMIUM;
    process.env.STUDYKIT_CHROMIUM = '/bin/false';
    try {
      const error = await MermaidRenderer.launch().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DiagramRenderError);
      expect((error as Error).message).toMatch(/^Chromium did not start: browserType\.launch: [^\n]*$/);
      expect((error as Error).message).not.toMatch(/Browser logs|<launching>/);
    } finally {
      if (saved === undefined) delete process.env.STUDYKIT_CHROMIUM;
      else process.env.STUDYKIT_CHROMIUM = saved;
    }
  }, 60_000);
});
