/**
 * The renderer on plain mermaid text: what it makes, how it fails, and that a page survives a failure.
 * The lineage's own tests (apps/lineage) look at drawn diagrams the way a reader would.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DiagramRenderError, DiagramSyntaxError, MermaidRenderer, PNG_SCALE } from '../src/index.js';

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
