/**
 * The measuring page on its own (no Slidev build): the room a slide's body has, and the room held
 * back when a built deck showed a slide overflowing (render-decks.ts lays it out again with less).
 */
import { launchChromium } from '@studykit/browser';
import { fontFaceCss, subsetFonts } from '@studykit/fonts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckCss } from '../src/deck-style.js';
import { SlideMeasurer } from '../src/measure-page.js';

let browser: Browser;
let measurer: SlideMeasurer;

beforeAll(async () => {
  browser = await launchChromium();
  const fonts = await subsetFonts('Kicker Title body text');
  const css = deckCss(
    '#0f766e',
    fontFaceCss(fonts, (font) => `./fonts/${font.fileName}`),
  );
  measurer = await SlideMeasurer.open(await browser.newContext(), css, fonts);
}, 60_000);

afterAll(async () => {
  await measurer?.close();
  await browser?.close();
});

const frame = { kind: 'section', kicker: 'Kicker', title: 'Title' };

describe('the measuring page', () => {
  it("gives a body the frame's width less its padding and most of its height", async () => {
    const box = await measurer.box(frame);
    expect(box.width).toBeGreaterThan(800);
    expect(box.height).toBeGreaterThan(300);
  });

  it('holds back the reserve at the bottom of the body', async () => {
    const full = await measurer.box(frame);
    const reduced = await measurer.box({ ...frame, reserve: 100 });
    expect(reduced.width).toBe(full.width);
    expect(reduced.height).toBeCloseTo(full.height - 100, 5);
    const fit = await measurer.fit({ ...frame, reserve: 100 }, '<p>body text</p>', 16);
    expect(fit.available).toBeCloseTo(full.height - 100, 5);
  });
});
