/**
 * A generated family of 25 papers (long sections, wide tables, long URLs, code, Chinese, emoji): every
 * slide stays inside its frame and is drawn only with the deck's own fonts, in the browser; the PDF
 * has one page per slide.
 */
import { join } from 'node:path';
import { parse } from '@studykit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCALE_FAMILY, scaleFamilyFiles } from '../../../tests/corpus/index.mjs';
import { skipNote } from '../../../tests/skips.js';
import { temporaryFolder } from '../../../tests/temporary.js';
import { builtSlides, renderInto } from './build-fixture.js';
import { DeckBrowser, noPoppler, readPdf } from './deck-browser.js';

const ast = parse(scaleFamilyFiles(), { currentYear: 2026 });
let outDir: string;
let decks: DeckBrowser;

beforeAll(async () => {
  outDir = temporaryFolder('studykit-scale-');
  await renderInto(ast, outDir);
  decks = await DeckBrowser.start(outDir);
}, 600_000);

afterAll(async () => {
  await decks?.close();
});

describe('a generated family of 25 papers', () => {
  it('parses cleanly', () => {
    expect(ast.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ast.papers).toHaveLength(25);
  });

  it('splits long sections and tables onto numbered slides, and scales nothing below the readable floor', () => {
    const slides = builtSlides(outDir, SCALE_FAMILY);
    expect(slides.filter((s) => /\(\d+\/\d+\)$/.test(s.title)).length).toBeGreaterThan(50);
    for (const slide of slides) expect(slide.zoom).toBeGreaterThanOrEqual(0.6);
  });

  it('keeps every slide inside its frame, drawn only with the deck fonts', async () => {
    const slides = builtSlides(outDir, SCALE_FAMILY);
    const { page, watch } = await decks.open(SCALE_FAMILY);
    try {
      expect(await decks.stepThrough(page, SCALE_FAMILY, slides)).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.badRequests).toEqual([]);
    } finally {
      await page.close();
    }
  }, 600_000);

  it.skipIf(noPoppler)(`prints one PDF page per slide${skipNote(noPoppler)}`, () => {
    const pdf = readPdf(join(outDir, 'slides', `${SCALE_FAMILY}.pdf`));
    expect(pdf.pages).toBe(builtSlides(outDir, SCALE_FAMILY).length);
  });
});
