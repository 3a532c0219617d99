/**
 * The PNG of a drawn diagram at `scale` output px per diagram px: the SVG is redrawn at that size (it
 * is vector) and the page is captured from its top-left corner.
 */
import type { Page } from 'playwright-core';
import { sizeStage } from './browser/stage.js';
import { PNG_SCALE } from './capture-limits.js';

export interface Shot {
  /** The diagram's size in CSS px. */
  width: number;
  height: number;
  scale: number;
  timeoutMs: number;
}

/**
 * Captures one at a time. A page behind another gets no animation frames, and a screenshot waits for
 * one: with a second page busy drawing, a capture waited for it to finish (5.5 s instead of 0.3 s).
 * So with several pages open the captured page is brought to the front, and captures take turns.
 */
export class Screenshots {
  private last: Promise<unknown> = Promise.resolve();

  constructor(private readonly severalPages: () => boolean) {}

  capture(page: Page, shot: Shot): Promise<Uint8Array> {
    const run = this.last.then(() => capturePng(page, shot, this.severalPages()));
    this.last = run.catch(() => {});
    return run;
  }
}

async function capturePng(page: Page, shot: Shot, toFront: boolean): Promise<Uint8Array> {
  // The context's device scale is PNG_SCALE: CSS px × PNG_SCALE = output px.
  const [cssWidth, cssHeight] = [
    (shot.width * shot.scale) / PNG_SCALE,
    (shot.height * shot.scale) / PNG_SCALE,
  ];
  await page.evaluate(sizeStage, [cssWidth, cssHeight] as const);
  if (toFront) await page.bringToFront();
  const png = await page.screenshot({
    type: 'png',
    scale: 'device',
    animations: 'disabled',
    fullPage: true,
    clip: { x: 0, y: 0, width: cssWidth, height: cssHeight },
    timeout: shot.timeoutMs,
  });
  return new Uint8Array(png);
}
