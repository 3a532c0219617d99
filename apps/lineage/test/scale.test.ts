/**
 * A semester-long reading list: generated lineages of 200 and 1,000 papers build every lineage file,
 * the main diagram becomes an overview of the families, the family diagrams keep every paper, no
 * label is cut mid-word, and a failure at scale reaches the CLI as one line. No wall-clock asserts
 * (bench/lineage-scale.mjs times these sizes).
 */
import type { OutputFile, StudyAst } from '@studykit/core';
import { CAPTURE_LIMITS, DiagramRenderError, MermaidRenderer } from '@studykit/diagram';
import { paperLabel, toMermaid, toOverviewMermaid, wrapLabel } from '@studykit/lineage-mermaid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE, study } from '../../../packages/lineage-mermaid/test/fixture.js';
import { HOSTILE_LABELS } from '../../../packages/lineage-mermaid/test/hostile.js';
import { syntheticLineage } from '../../../tests/corpus/index.mjs';
import { renderLineage } from '../src/index.js';
import { Inspector } from './inspect.js';

let renderer: MermaidRenderer;
let inspector: Inspector;

beforeAll(async () => {
  [renderer, inspector] = await Promise.all([MermaidRenderer.launch(), Inspector.launch()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([renderer?.close(), inspector?.close()]);
});

const file = (files: OutputFile[], path: string): OutputFile['contents'] => {
  const found = files.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no file ${path}`);
  return found.contents;
};
const text = (files: OutputFile[], path: string) => file(files, path) as string;
const bytes = (files: OutputFile[], path: string) => file(files, path) as Uint8Array;

/** The PDF's pages and the first page's size in inches. */
function pdfPages(pdf: Uint8Array): { pages: number; width: number; height: number } {
  const raw = Buffer.from(pdf).toString('latin1');
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(raw);
  return {
    pages: raw.match(/\/Type\s*\/Page\b/g)?.length ?? 0,
    width: Number(box?.[1]) / 72,
    height: Number(box?.[2]) / 72,
  };
}

/** The labelled edges a family diagram draws: into the family's papers. */
function labelsDrawnIn(ast: StudyAst, familyId: string): string[] {
  const inFamily = new Set(ast.papers.filter((paper) => paper.family === familyId).map((paper) => paper.id));
  return ast.edges.filter((edge) => inFamily.has(edge.to) && edge.label).map((edge) => edge.label as string);
}

/** What the reader sees of the lineage at a size: every file, checked like a reader would. */
async function expectReadableAtScale(ast: StudyAst, files: OutputFile[], familiesToInspect: number) {
  const families = ast.families.filter((family) => ast.papers.some((paper) => paper.family === family.id));
  expect(files.map((f) => f.path).sort()).toEqual(
    [
      ...['mmd', 'svg', 'png', 'pdf'].map((ext) => `lineage/lineage.${ext}`),
      ...families.flatMap((family) => [
        `lineage/lineage-${family.id}.mmd`,
        `lineage/lineage-${family.id}.svg`,
      ]),
      'lineage/lineage-families.pdf',
    ].sort(),
  );
  // The report's chapter figures: one page per family, all in one PDF.
  const figures = Buffer.from(bytes(files, 'lineage/lineage-families.pdf')).toString('latin1');
  expect(figures.match(/\/Type\s*\/Page\b/g)).toHaveLength(families.length);

  // The main diagram is the overview: a box per family with its papers and years, counted links.
  expect(text(files, 'lineage/lineage.mmd')).toBe(toOverviewMermaid(ast));
  const overview = await inspector.svg(text(files, 'lineage/lineage.svg'));
  for (const family of families) {
    const years = ast.papers.filter((paper) => paper.family === family.id).map((paper) => paper.year);
    const count = years.length;
    expect(overview.texts).toContain(
      `${family.name} ${count} paper${count === 1 ? '' : 's'} · ${Math.min(...years)}–${Math.max(...years)}`,
    );
  }
  const counted = overview.texts
    .map((label) => /^(\d+) links?$/.exec(label))
    .reduce((sum, match) => sum + (match ? Number(match[1]) : 0), 0);
  expect(counted).toBe(ast.edges.filter((edge) => edge.crossFamily).length);
  expect(overview.tags).not.toContain('foreignObject');

  // The PNG stays within what Chromium captures; the PDF is one page within 200 inches.
  const png = await inspector.png(bytes(files, 'lineage/lineage.png'));
  expect(png.width * png.height).toBeLessThanOrEqual(CAPTURE_LIMITS.pngPixels);
  expect(Math.max(png.width, png.height)).toBeLessThanOrEqual(CAPTURE_LIMITS.pngSide);
  expect(png.width / overview.width).toBeGreaterThanOrEqual(CAPTURE_LIMITS.minPngScale);
  expect(png.inked).toBeGreaterThan(0.02);
  const pdf = pdfPages(bytes(files, 'lineage/lineage.pdf'));
  expect(pdf.pages).toBe(1);
  expect(Math.max(pdf.width, pdf.height)).toBeLessThanOrEqual(200);

  // The family diagrams keep every paper: each in its family's text, drawn in its family's SVG.
  for (const paper of ast.papers) {
    expect(text(files, `lineage/lineage-${paper.family}.mmd`)).toContain(`"${paperLabel(paper)}"`);
  }
  for (const family of families.slice(0, familiesToInspect)) {
    const view = await inspector.svg(text(files, `lineage/lineage-${family.id}.svg`));
    for (const paper of ast.papers.filter((p) => p.family === family.id))
      expect(view.texts).toContain(paperLabel(paper));
    // No label is cut mid-word: every edge label is drawn in exactly the lines we broke it into at
    // word boundaries (label-width.test.ts checks those), so mermaid broke none of them again.
    const rows = (await inspector.edgeLabelRows()).map((lines) => lines.join('\n')).sort();
    const expected = labelsDrawnIn(ast, family.id)
      .map((label) => wrapLabel(label).join('\n'))
      .sort();
    expect(rows).toEqual(expected);
  }
}

describe('200 papers', () => {
  const ast = syntheticLineage(200) as StudyAst;
  let files: OutputFile[];
  beforeAll(async () => {
    files = await renderLineage(ast, { renderer });
  }, 180_000);

  test('builds svg, png and pdf: an overview of 8 families, each family in detail', async () => {
    expect(ast.families).toHaveLength(8);
    await expectReadableAtScale(ast, files, 8);
    expect(renderer.consoleErrors).toEqual([]);
  }, 120_000);
});

describe('1,000 papers', () => {
  const ast = syntheticLineage(1000) as StudyAst;
  let files: OutputFile[];
  beforeAll(async () => {
    files = await renderLineage(ast, { renderer });
  }, 300_000);

  test('builds svg, png and pdf: an overview of 40 families, each family in detail', async () => {
    expect(ast.families).toHaveLength(40);
    await expectReadableAtScale(ast, files, 10);
  }, 180_000);
});

describe('labels at any size', () => {
  test('no edge label is cut mid-word: hostile, Chinese, emoji and long ones are drawn as we wrapped them', async () => {
    const labels = [
      ...HOSTILE_LABELS,
      ...new Set(syntheticLineage(200).edges.flatMap((edge: { label?: string }) => edge.label ?? [])),
    ];
    const ast = study(
      [{ id: 'f', name: 'Labels', colour: '#123456', order: 1 }],
      labels.map((label, i) => ({
        id: `p${i}`,
        family: 'f',
        short: `P${i}`,
        year: 2000 + (i % 20),
        ...(i > 0 ? { buildsOn: [{ id: `p${i - 1}`, label }] } : {}),
      })),
    );
    const { svg } = await renderer.renderSvg(toMermaid(ast), { id: 'labels' });
    await inspector.svg(svg);
    const rows = (await inspector.edgeLabelRows()).map((lines) => lines.join('\n')).sort();
    expect(rows).toEqual(
      labels
        .slice(1)
        .map((label) => wrapLabel(label).join('\n'))
        .sort(),
    );
  }, 60_000);
});

describe('failures at scale', () => {
  test('a diagram too large for the PNG fails with one line naming the output, the cause and what to do', async () => {
    const error = await renderLineage(FIXTURE, { renderer, limits: { pngPixels: 10_000 } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DiagramRenderError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(
      /^lineage\.png: the diagram is [\d,]+ × [\d,]+ px, too large to capture even at 0\.25× .*; open lineage\.svg instead/,
    );
  }, 60_000);

  test("a Playwright failure reaches the CLI as one line, without Playwright's call log", async () => {
    // A capture given 1 ms fails inside Playwright, whose message carries a multi-line call log.
    const error = await renderLineage(FIXTURE, { renderer, limits: { timeoutMs: 1 } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DiagramRenderError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).not.toContain('Call log');
    expect(message).not.toContain('\u001b');
    // Whichever capture fails first: the main diagram's PNG or PDF, or the family diagrams' PDF.
    expect(message).toMatch(
      /^(lineage\.(png|pdf): Chromium could not (capture|print) the [\d,]+ × [\d,]+ px diagram|lineage-families\.pdf: Chromium could not print the \d+ diagrams?) /,
    );
    expect(message).toMatch(/Timeout 1ms exceeded/);
    // The renderer still works afterwards.
    const again = await renderLineage(FIXTURE, { renderer });
    expect(again.map((f) => f.path)).toContain('lineage/lineage.png');
  }, 60_000);
});
