/**
 * The lineage slides of the shipped meeting decks and of a generated family of 12 papers, laid out by
 * the deck's own layout (measuring page, diagram renderer) and shown in Chromium with the deck's CSS
 * and fonts, without a Slidev build: labels at least 0.6 of the body text, none on top of another,
 * no edge through a node that is not one of its ends, every part inside the slide's body.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '@studykit/browser';
import type { StudyAst } from '@studykit/core';
import { loadContent } from '@studykit/core/fs';
import { MermaidRenderer } from '@studykit/diagram';
import { fontFaceCss, subsetFonts } from '@studykit/fonts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticLineage } from '../../../tests/corpus/index.mjs';
import { planDeck, planMeetingDeck, type SlidePlan } from '../src/deck.js';
import { deckCss } from '../src/deck-style.js';
import { layoutDeck } from '../src/layout-deck.js';
import { SlideMeasurer } from '../src/measure-page.js';
import { deckText } from '../src/render-decks.js';
import { measureLineageSlide } from './lineage-measures.js';

const CONTENT = fileURLToPath(new URL('../../../content', import.meta.url));

let browser: Browser;
let renderer: MermaidRenderer;
let shipped: StudyAst;

beforeAll(async () => {
  [browser, renderer, shipped] = await Promise.all([
    launchChromium(),
    MermaidRenderer.launch(),
    loadContent(CONTENT),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([renderer?.close(), browser?.close()]);
});

interface ShownLineage {
  titles: string[];
  ratios: number[];
  problems: string[];
  /** Each slide's notes, as the presenter reads them. */
  notes: string[];
}

/** The deck's lineage plan laid out as the build does it, each slide shown at the canvas size. */
async function showLineage(plans: readonly SlidePlan[], slug: string): Promise<ShownLineage> {
  const lineage = plans.filter((plan) => plan.kind === 'lineage');
  const fonts = await subsetFonts(deckText(lineage));
  const context = await browser.newContext();
  try {
    const measurer = await SlideMeasurer.open(
      context,
      deckCss(
        '#0f766e',
        fontFaceCss(fonts, (font) => `./fonts/${font.fileName}`),
      ),
      fonts,
    );
    const layout = await layoutDeck(
      lineage,
      {
        measurer,
        drawDiagram: (text, id, name) => renderer.renderSvg(text, { id, name, embedFonts: false }),
      },
      slug,
    );
    const box = await measurer.box({ kind: 'lineage', kicker: '', title: 'Lineage (1/2)' });
    const inline = (font: (typeof fonts)[number]) =>
      `data:font/woff2;base64,${Buffer.from(font.woff2).toString('base64')}`;
    const css = deckCss('#0f766e', fontFaceCss(fonts, inline)) + layout.css;
    const page = await context.newPage();
    const shown: ShownLineage = { titles: [], ratios: [], problems: [], notes: [] };
    for (const slide of layout.slides) {
      await page.setContent(
        `<!doctype html><style>${css}</style><div class="slidev-layout sk-page" style="width: 980px"><div class="sk-body"><p class="sk-probe">Body</p><div class="sk-room" style="width: ${box.width}px; height: ${box.height}px">${slide.bodyHtml}</div></div></div>`,
      );
      await page.evaluate(() => document.fonts.ready);
      const where = `${slug} "${slide.title}"`;
      const measure = await measureLineageSlide(page, where, '.sk-diagram svg', '.sk-probe');
      const overflow = await page.evaluate(() => {
        const svg = document.querySelector('.sk-diagram svg')?.getBoundingClientRect();
        const room = document.querySelector('.sk-room')?.getBoundingClientRect();
        return svg && room && (svg.width > room.width + 1 || svg.height > room.height + 1)
          ? `${Math.round(svg.width)}×${Math.round(svg.height)} in ${Math.round(room.width)}×${Math.round(room.height)}`
          : '';
      });
      // LINEAGE_PICTURES=<folder> keeps each slide as a picture (docs/lineage-layout.md shows them).
      const pictures = process.env.LINEAGE_PICTURES;
      if (pictures)
        await page
          .locator('.sk-room')
          .screenshot({ path: join(pictures, `${slug}-${shown.titles.length + 1}.png`) });
      shown.titles.push(slide.title);
      shown.notes.push(slide.notes.map((note) => note.text).join(' '));
      shown.ratios.push(measure.ratio);
      shown.problems.push(
        ...measure.problems,
        ...(overflow ? [`${where}: larger than the body: ${overflow}`] : []),
      );
    }
    return shown;
  } finally {
    await context.close();
  }
}

describe('the lineage slide', () => {
  it('of every shipped meeting deck: readable labels, no overlap, no edge through a node', async () => {
    const problems: string[] = [];
    for (const meeting of shipped.meetings) {
      const shown = await showLineage(planMeetingDeck(shipped, meeting.id), `meeting-${meeting.id}`);
      expect(shown.titles.length).toBeGreaterThan(0);
      expect({
        meeting: meeting.id,
        withoutNotes: shown.titles.filter((_, i) => shown.notes[i] === ''),
      }).toEqual({
        meeting: meeting.id,
        withoutNotes: [],
      });
      problems.push(...shown.problems);
    }
    expect(shipped.meetings.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 300_000);

  // The generated 25-paper family, cut into eras, is measured where its built deck shows it
  // (scale.test.ts), not laid out a second time here.

  // 12 papers on every run (the test time budget, #22); 4, 7, 12 and 25 when making the pictures of
  // docs/lineage-layout.md.
  it.each(process.env.LINEAGE_PICTURES ? [4, 7, 12, 25] : [12])(
    'of a generated family of %i papers with ancestors in another family: every era readable',
    async (count) => {
      const ast = syntheticLineage(2 * count, { familyCount: 2, familySize: count });
      const shown = await showLineage(planDeck(ast, 'family-2'), `family-of-${count}`);
      expect(shown.problems).toEqual([]);
      expect(Math.min(...shown.ratios)).toBeGreaterThanOrEqual(0.6);
    },
    300_000,
  );
});
