/**
 * Prints a built deck to PDF in the warm Chromium: the built site is served on 127.0.0.1 (a free
 * port, so decks print side by side), opened on Slidev's print route, checked slide by slide for
 * anything outside its frame, then printed one slide per page with a bookmark per paper, dated with
 * the build's date. What runs
 * in the page is browser/print-checks.ts.
 */
import { reproduciblePdf, serveFolder } from '@studykit/browser';
import type { BrowserContext } from 'playwright-core';
import { fontsReady } from './browser/fonts.js';
import { allSlidesRendered, findOverflows, type Overflow } from './browser/print-checks.js';
import type { DeckSlide } from './deck.js';
import { CANVAS_HEIGHT, CANVAS_WIDTH } from './layout.js';
import { withPaperOutline } from './pdf-outline.js';

export type { Overflow };

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
    await page.waitForFunction(allSlidesRendered, slides.length, { timeout: 60_000 });
    await page.evaluate(fontsReady);
    const overflows = await page.evaluate(findOverflows);
    const pdf = await page.pdf({
      width: `${CANVAS_WIDTH}px`,
      height: `${CANVAS_HEIGHT}px`,
      margin: { top: '0', right: '0', bottom: '0', left: '0' },
      printBackground: true,
      preferCSSPageSize: true,
    });
    return { pdf: reproduciblePdf(await withPaperOutline(pdf, slides), pdfDate), overflows };
  } finally {
    await page.close().catch(() => {});
    await server.close();
  }
}
