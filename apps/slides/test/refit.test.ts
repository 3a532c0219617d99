/**
 * When the built deck disagrees with the measuring page (a slide leaves its frame), the deck is laid
 * out again with less room on that slide, once; if it still overflows, the build fails naming it.
 * A wrapped measuring page that under-reports heights stands in for such a disagreement. Both cases
 * start with the same optimistic layout, so Slidev builds that first deck once (memo-slidev.mjs):
 * three builds instead of four.
 */
import { fileURLToPath } from 'node:url';
import type { ProgressEvent } from '@studykit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../tests/temporary.js';
import type { Measurer } from '../src/layout-deck.js';
import { builtSlides, renderInto } from './build-fixture.js';
import { fixtureAst } from './fixtures.js';

const ast = fixtureAst();

const MEMO_SLIDEV = fileURLToPath(new URL('./memo-slidev.mjs', import.meta.url));
beforeAll(() => {
  process.env.STUDYKIT_SLIDEV_BIN = MEMO_SLIDEV;
  process.env.SLIDEV_MEMO_DIR = temporaryFolder('studykit-refit-sites-');
});
afterAll(() => {
  delete process.env.STUDYKIT_SLIDEV_BIN;
  delete process.env.SLIDEV_MEMO_DIR;
});

/** Reports every run of chunks 40 px shorter than it is, and every page as fitting: slides overfill. */
function optimistic(real: Measurer, always: boolean): Measurer {
  const lies = (reserve: number | undefined) => always || !reserve;
  return {
    box: (frame) => real.box(frame),
    singles: (frame, chunks) => real.singles(frame, chunks),
    divide: (frame, divisible, limit, wrap) => real.divide(frame, divisible, limit, wrap),
    formulaZooms: (frame, htmls) => real.formulaZooms(frame, htmls),
    runs: async (frame, chunks) => {
      const measured = await real.runs(frame, chunks);
      if (!lies(frame.reserve)) return measured;
      return { available: measured.available, runs: measured.runs.map((row) => row.map((h) => h - 40)) };
    },
    fit: async (frame, html, readable) => {
      const fit = await real.fit(frame, html, readable);
      return lies(frame.reserve) ? { ...fit, zoom: 1, fits: true } : fit;
    },
  };
}

describe('a built deck that overflows', () => {
  it('is laid out again with less room where it overflowed, and then fits', async () => {
    const outDir = temporaryFolder('studykit-refit-');
    const events: ProgressEvent[] = [];
    await renderInto(ast, outDir, {
      families: ['demo'],
      wrapMeasurer: (real) => optimistic(real, false),
      onProgress: (event) => events.push(event),
    });
    const again = events.filter((e) => /leaves its frame .*laying those slides out again/.test(e.detail));
    expect(again.length).toBe(1);
    expect(builtSlides(outDir, 'demo').length).toBeGreaterThan(10);
  }, 180_000);

  it('fails naming the slide when laying it out again does not help', async () => {
    const outDir = temporaryFolder('studykit-refit-');
    await expect(
      renderInto(ast, outDir, { families: ['demo'], wrapMeasurer: (real) => optimistic(real, true) }),
    ).rejects.toThrow(
      /Slides deck "demo": check failed: in the built deck slide \d+ ".+" leaves its frame \(\d+ px below\)/,
    );
  }, 180_000);
});
