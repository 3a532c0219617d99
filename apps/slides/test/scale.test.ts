/**
 * A generated family of 25 papers (long sections, wide tables, long URLs, code, Chinese, emoji): every
 * slide stays inside its frame and is drawn only with the deck's own fonts, in the browser; the PDF
 * has one page per slide; its lineage, too large for one slide, is cut into eras, each readable where
 * the deck shows it.
 */
import { join } from 'node:path';
import { parse } from '@studykit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCALE_FAMILY, scaleFamilyFiles } from '../../../tests/corpus/index.mjs';
import { skipNote } from '../../../tests/skips.js';
import { temporaryFolder } from '../../../tests/temporary.js';
import { builtSlides, renderInto } from './build-fixture.js';
import { DeckBrowser, noPoppler, printViewProblems, readPdf, showSlide } from './deck-browser.js';
import { measureLineageSlide } from './lineage-measures.js';

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
    expect(await printViewProblems(decks, SCALE_FAMILY, slides)).toEqual([]);
  }, 600_000);

  it('shows slides as the presenter steps through them: the first ones, one in 25, each lineage era and the last', async () => {
    const slides = builtSlides(outDir, SCALE_FAMILY);
    // Every slide was checked at once above; here, a sample as the presenter sees it: the first three
    // slides, one in every 25, each lineage era and the last, in order.
    const shown = slides.flatMap((slide, index) =>
      index < 3 || index % 25 === 0 || slide.kind === 'lineage' || index === slides.length - 1
        ? [index + 1]
        : [],
    );
    const { page, watch } = await decks.open(SCALE_FAMILY);
    try {
      expect(await decks.stepThrough(page, SCALE_FAMILY, slides, false, shown)).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.badRequests).toEqual([]);
    } finally {
      await page.close();
    }
  }, 300_000);

  it('cuts its lineage into eras, each readable: no label below 0.6 of the body text, none overlapping, no edge through a node', async () => {
    const slides = builtSlides(outDir, SCALE_FAMILY);
    const eras = slides.flatMap((slide, index) =>
      slide.kind === 'lineage' ? [{ ...slide, n: index + 1 }] : [],
    );
    expect(eras.length).toBeGreaterThan(1);
    expect(eras[0]?.title).toMatch(/\(1\/\d+\)$/);
    // Every era has notes of its own: the arrows it draws, none repeated on another era.
    const notes = eras.map((era) =>
      era.notes
        .flat()
        .map((note) => note.text)
        .join(' '),
    );
    expect(notes.filter((note) => note === '')).toEqual([]);
    expect(new Set(notes).size).toBe(notes.length);
    const { page } = await decks.open(SCALE_FAMILY);
    try {
      const problems: string[] = [];
      for (const era of eras) {
        await showSlide(page, era.n);
        // The deck's body text size, as a paragraph of this slide would have it.
        await page.evaluate((n) => {
          const probe = document.createElement('p');
          probe.className = 'sk-probe';
          probe.style.cssText = 'position: absolute; visibility: hidden';
          probe.textContent = 'Body';
          document.querySelector(`.slidev-page-${n} .sk-body`)?.append(probe);
        }, era.n);
        const shown = `.slidev-page-${era.n}`;
        const where = `slide ${era.n} "${era.title}"`;
        problems.push(
          ...(await measureLineageSlide(page, where, `${shown} .sk-diagram svg`, `${shown} .sk-probe`))
            .problems,
        );
      }
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 300_000);

  it.skipIf(noPoppler)(`prints one PDF page per slide${skipNote(noPoppler)}`, () => {
    const pdf = readPdf(join(outDir, 'slides', `${SCALE_FAMILY}.pdf`));
    expect(pdf.pages).toBe(builtSlides(outDir, SCALE_FAMILY).length);
  });
});
