/**
 * measureDiagrams on drawings made to fail it: an edge through a third node, two labels on top of
 * each other, labels shown at half size. And on a clean one, where it finds nothing.
 */
import { launchChromium } from '@studykit/browser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureDiagrams } from '../src/index.js';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Three nodes in a row (A, B, C) as mermaid marks them, with the given edge path and extra labels. */
function drawing(edge: string, extra = '', width = 600): string {
  const node = (x: number, name: string) =>
    `<g class="node" transform="translate(${x}, 50)"><rect x="-40" y="-20" width="80" height="40"/><text style="font-size: 16px">${name}</text></g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 200" width="${width}" height="${width / 3}">
    ${node(60, 'A')}${node(300, 'B')}${node(540, 'C')}
    <path class="flowchart-link" d="${edge}" fill="none" stroke="black"/>
    ${extra}
  </svg>`;
}

async function measure(svg: string) {
  await page.setContent(`<!doctype html><body style="margin: 0">${svg}</body>`);
  return page.evaluate(measureDiagrams, 'svg');
}

describe('measureDiagrams', () => {
  it('finds nothing wrong in an edge that goes around the node between its ends', async () => {
    const clean = await measure(drawing('M 100 50 L 120 50 L 120 150 L 480 150 L 480 50 L 500 50'));
    expect(clean).toEqual({
      diagrams: 1,
      smallestLabelPx: 16,
      overlaps: [],
      edgesThroughNodes: [],
      edgesThroughTitles: [],
    });
  });

  it('names an edge that runs through a node that is not one of its ends', async () => {
    const through = await measure(drawing('M 100 50 L 500 50'));
    expect(through.edgesThroughNodes).toEqual(['A → C through B']);
  });

  it("names an edge that crosses a family's title", async () => {
    const title = `<g class="cluster"><rect x="200" y="100" width="200" height="90"/><g class="cluster-label" transform="translate(270, 105)"><text y="14" style="font-size: 16px">Family</text></g></g>`;
    const crossing = await measure(drawing('M 100 50 L 120 50 L 120 80 L 300 80 L 300 150', title));
    expect(crossing.edgesThroughTitles).toEqual(['A → B through the title Family']);
  });

  it('names two labels whose boxes meet', async () => {
    const labels = `<text x="200" y="150" style="font-size: 16px">first label</text><text x="230" y="155" style="font-size: 16px">second label</text>`;
    const overlapping = await measure(
      drawing('M 100 50 L 120 50 L 120 190 L 480 190 L 480 50 L 500 50', labels),
    );
    expect(overlapping.overlaps).toEqual(['first label / second label']);
  });

  it('gives the label size as shown: a drawing shown at half its size has 8 px labels', async () => {
    const small = await measure(drawing('M 100 50 L 120 50 L 120 150 L 480 150 L 480 50 L 500 50', '', 300));
    expect(small.smallestLabelPx).toBe(8);
  });
});
