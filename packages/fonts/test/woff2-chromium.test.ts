/**
 * Chromium takes the WOFF2 files we write (woff2.ts) — its sanitizer refuses a malformed one — and
 * draws text with them: every face of a deck's subsets loads, and the DevTools protocol says the text
 * was drawn by our faces, not by a font of this machine.
 */
import { launchChromium } from '@studykit/browser';
import { dataUri, fontFaceCss, subsetFonts } from '@studykit/fonts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TEXT = 'Attention is all you need — 注意力机制 😀 Ωμέγα';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(() => browser?.close());

describe('WOFF2 subsets in Chromium', () => {
  it('every face loads, and draws the text', async () => {
    const fonts = await subsetFonts(TEXT);
    expect(fonts.map((font) => font.fileName)).toContain('studykit-cjk-400.woff2');
    const page = await browser.newPage();
    await page.setContent(
      `<style>${fontFaceCss(fonts, dataUri)} p { font-family: 'Studykit Sans', 'Studykit CJK', 'Studykit Emoji'; }</style><p>${TEXT}</p>`,
    );
    const statuses = await page.evaluate(() =>
      Promise.all(
        [...document.fonts].map((face) =>
          face.load().then(
            () => face.status,
            () => 'error',
          ),
        ),
      ),
    );
    expect(statuses).toEqual(fonts.map(() => 'loaded'));
    const session = await page.context().newCDPSession(page);
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'p' });
    const { fonts: drawn } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(drawn.filter((font) => font.glyphCount > 0 && !font.isCustomFont)).toEqual([]);
    // Web fonts report the names their files carry (the families our faces are cut from).
    expect(drawn.map((font) => [font.familyName, font.isCustomFont]).sort()).toEqual([
      ['Noto Emoji', true],
      ['Noto Sans SC', true],
      ['Source Sans 3', true],
    ]);
  });
});
