/// <reference lib="dom" />
/**
 * Prints a built deck to PDF in the warm Chromium: the built site is served on 127.0.0.1 (a free
 * port, so decks print side by side), opened on Slidev's print route, checked slide by slide for
 * anything outside its frame, then printed one slide per page, dated with the build's date.
 */
import { reproduciblePdf, serveFolder } from '@studykit/browser';
import type { BrowserContext } from 'playwright-core';
import type { DeckSlide } from './deck.js';
import { CANVAS_HEIGHT, CANVAS_WIDTH } from './layout.js';

/** A slide of the built deck whose content passes the frame's content edge (canvas pixels). */
export interface Overflow {
  /** 0-based slide index. */
  slide: number;
  below: number;
  right: number;
}

export interface PrintedDeck {
  pdf: Uint8Array;
  overflows: Overflow[];
}

export function describeOverflow(overflow: Overflow, title: string): string {
  const how = [
    overflow.below > 1 ? `${Math.round(overflow.below)} px below` : '',
    overflow.right > 1 ? `${Math.round(overflow.right)} px to the right` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `slide ${overflow.slide + 1} "${title}" leaves its frame (${how})`;
}

export async function printDeck(
  context: BrowserContext,
  siteDir: string,
  slides: readonly DeckSlide[],
  /** The PDF's /CreationDate and /ModDate: the build's date, so the same deck gives the same bytes. */
  pdfDate: Date,
): Promise<PrintedDeck> {
  const server = await serveFolder(siteDir);
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: CANVAS_WIDTH, height: CANVAS_HEIGHT });
    await page.route('**/*', (route) =>
      route.request().url().startsWith(`${server.origin}/`) || route.request().url().startsWith('data:')
        ? route.continue()
        : route.abort('blockedbyclient'),
    );
    await page.goto(`${server.origin}/#/export`, { waitUntil: 'load' });
    await page.emulateMedia({ colorScheme: 'light', media: 'print' });
    await page.waitForFunction(
      (count) =>
        document.querySelectorAll('#export-content .print-slide-container').length === count &&
        document.querySelectorAll('.slidev-slide-loading').length === 0 &&
        [...document.querySelectorAll('#export-content .print-slide-container')].every((slide) =>
          slide.querySelector('.sk-slide'),
        ),
      slides.length,
      { timeout: 60_000 },
    );
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    // Against the frame's content edge: what layout-deck.ts promised (the padding holds the slide number).
    const overflows: Overflow[] = await page.evaluate(() => {
      const found: { slide: number; below: number; right: number }[] = [];
      document.querySelectorAll('#export-content .print-slide-container').forEach((container, slide) => {
        const frame = container.querySelector<HTMLElement>('.slidev-layout');
        if (!frame) return;
        const r = frame.getBoundingClientRect();
        const scale = r.width / frame.offsetWidth || 1;
        const style = getComputedStyle(frame);
        const bottom = r.bottom - Number.parseFloat(style.paddingBottom) * scale;
        const right = r.right - Number.parseFloat(style.paddingRight) * scale;
        let below = 0;
        let beyond = 0;
        for (const element of frame.querySelectorAll('.sk-slide *')) {
          const b = element.getBoundingClientRect();
          if (b.width === 0 && b.height === 0) continue;
          below = Math.max(below, (b.bottom - bottom) / scale);
          beyond = Math.max(beyond, (b.right - right) / scale);
        }
        if (below > 1 || beyond > 1) found.push({ slide, below, right: beyond });
      });
      return found;
    });
    const pdf = await page.pdf({
      width: `${CANVAS_WIDTH}px`,
      height: `${CANVAS_HEIGHT}px`,
      margin: { top: '0', right: '0', bottom: '0', left: '0' },
      printBackground: true,
      preferCSSPageSize: true,
    });
    return { pdf: reproduciblePdf(pdf, pdfDate), overflows };
  } finally {
    await page.close().catch(() => {});
    await server.close();
  }
}
