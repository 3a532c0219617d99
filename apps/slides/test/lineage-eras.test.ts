/**
 * How layoutDeck cuts a lineage too large for one slide into eras, on a diagram renderer stand-in whose
 * drawings grow with the papers they show (each paper 100 px along the drawing, 50 px across; an era
 * that does not start the lineage also draws a few stubs: nodes for the earlier papers it builds on, as
 * many as each test asks). Every era is the longest run of papers that
 * stays readable, the same eras drawing every candidate from one paper up would give, found with a
 * handful of drawings.
 */
import { describe, expect, it } from 'vitest';
import type { SlidePlan } from '../src/deck.js';
import { DIAGRAM_MAX_ZOOM, DIAGRAM_MIN_ZOOM } from '../src/layout.js';
import { type LayoutTools, layoutDeck, type Measurer } from '../src/layout-deck.js';

const BODY = { width: 868, height: 400 };
const PAPER = 100;
const ACROSS = 50;

const measurer: Measurer = {
  box: async () => BODY,
  singles: async () => ({ available: BODY.height, heights: [] }),
  runs: async () => ({ available: BODY.height, runs: [] }),
  divide: async () => [],
  formulaZooms: async (_frame, htmls) => htmls.map(() => []),
  fit: async () => ({ zoom: 1, fits: true, used: 0, available: BODY.height }),
};

/** The lineage's mermaid text stand-in: the papers it draws, and how many stubs. */
const text = (papers: readonly string[], stubs: number) => `${papers.join(',')};${stubs}`;

function lineagePlan(papers: readonly string[], stubs: number): SlidePlan {
  return {
    kind: 'lineage',
    title: 'Lineage',
    kicker: 'Demo',
    notes: [],
    body: {
      type: 'diagram',
      mermaid: { LR: text(papers, 0), TB: text(papers, 0) },
      papers,
      era: (run) => {
        const drawn = run[0] === papers[0] ? 0 : stubs;
        return { LR: text(run, drawn), TB: text(run, drawn) };
      },
    },
  };
}

/** Draws a text: left to right, the papers one after another; top to bottom, two to a row. */
function renderer(drawn: string[]): LayoutTools {
  return {
    measurer,
    drawDiagram: async (mermaid, id) => {
      drawn.push(id);
      const [papers = '', stubs = '0'] = mermaid.split(';');
      const nodes = papers.split(',').length + Number(stubs);
      const along = nodes * PAPER;
      const [width, height] = id.endsWith('-lr')
        ? [along, ACROSS]
        : [ACROSS * 2, Math.ceil(nodes / 2) * PAPER];
      return {
        svg: `<svg width="${width}" height="${height}" data-papers="${papers}"></svg>`,
        width,
        height,
      };
    },
  };
}

/** The eras the one-paper-at-a-time search gives: from each start, the longest readable run. */
function erasByEveryCandidate(count: number, stubs: number): number[] {
  const readable = (from: number, size: number) => {
    const nodes = size + (from === 0 ? 0 : stubs);
    const lr = Math.min(BODY.width / (nodes * PAPER), BODY.height / ACROSS, DIAGRAM_MAX_ZOOM);
    const tb = Math.min(
      BODY.width / (ACROSS * 2),
      BODY.height / (Math.ceil(nodes / 2) * PAPER),
      DIAGRAM_MAX_ZOOM,
    );
    return Math.max(lr, tb) >= DIAGRAM_MIN_ZOOM;
  };
  const sizes: number[] = [];
  for (let from = 0; from < count; ) {
    let size = 1;
    while (from + size < count && readable(from, size + 1)) size++;
    sizes.push(size);
    from += size;
  }
  return sizes;
}

async function eras(count: number, stubs: number) {
  const papers = Array.from({ length: count }, (_, index) => `p${index + 1}`);
  const drawn: string[] = [];
  const { slides } = await layoutDeck([lineagePlan(papers, stubs)], renderer(drawn), 'd');
  const sizes = slides.map((slide) => /data-papers="([^"]*)"/.exec(slide.bodyHtml)?.[1]?.split(',').length);
  return { sizes, titles: slides.map((slide) => slide.title), drawn };
}

describe('lineage eras', () => {
  it('takes the longest readable run of papers into each era, with few drawings', async () => {
    const { sizes, titles, drawn } = await eras(25, 0);
    expect(sizes).toEqual(erasByEveryCandidate(25, 0));
    expect(sizes).toEqual([11, 11, 3]);
    expect(titles).toEqual(['Lineage (1/3)', 'Lineage (2/3)', 'Lineage (3/3)']);
    // The whole lineage, then 11 and 12 papers twice, then the last 3 (each drawn both ways).
    expect(drawn.length).toBe(2 + 2 * 5);
  });

  it('gives the same eras when a guess is too long (eras after the first draw stubs)', async () => {
    for (const count of [2, 9, 12, 25, 40]) {
      const { sizes } = await eras(count, 3);
      expect(sizes, `${count} papers`).toEqual(erasByEveryCandidate(count, 3));
    }
    const { sizes, drawn } = await eras(40, 3);
    expect(sizes).toEqual([11, 8, 8, 8, 5]);
    expect(drawn.length).toBeLessThan(2 * 40);
  });

  it('shows one era of a single paper when even one paper is not readable', async () => {
    const { sizes } = await eras(14, 20);
    expect(sizes).toEqual(erasByEveryCandidate(14, 20));
    expect(sizes).toEqual([11, 1, 1, 1]);
  });
});
