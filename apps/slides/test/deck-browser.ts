/// <reference lib="dom" />
/**
 * Helpers to look at built decks in real headless Chromium (Debian's, through playwright-core):
 * a static server on 127.0.0.1, a page that records console errors, dialogs and any request that
 * is not to the deck's own files, and per-slide checks.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, type StaticServer, serveFolder } from '@studykit/browser';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { firstMissing, missingTool } from '../../../tests/skips.js';
import { allSlidesRendered } from '../src/browser/print-checks.js';

/** A slide as a test knows it (from the built deck's deck.json). */
export interface ShownSlide {
  kind: string;
  title: string;
}

export interface Watch {
  consoleErrors: string[];
  badRequests: string[];
  dialogs: string[];
}

export class DeckBrowser {
  private constructor(
    readonly outDir: string,
    readonly server: StaticServer,
    readonly browser: Browser,
  ) {}

  static async start(outDir: string): Promise<DeckBrowser> {
    const server = await serveFolder(outDir);
    return new DeckBrowser(outDir, server, await launchChromium());
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
  }

  /** `family`: a family id (its deck in slides/), or a deck's folder such as `meetings/2026-12-03`. */
  async open(family: string, route = '1'): Promise<{ page: Page; watch: Watch }> {
    const page = await this.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const watch: Watch = { consoleErrors: [], badRequests: [], dialogs: [] };
    const origin = this.server.origin;
    page.on('console', (message) => {
      if (message.type() === 'error') watch.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => watch.consoleErrors.push(`pageerror: ${error.message}`));
    page.on('dialog', (dialog) => {
      watch.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) {
        watch.badRequests.push(`outside: ${url}`);
      }
    });
    page.on('requestfailed', (request) => watch.badRequests.push(`failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) watch.badRequests.push(`${response.status()}: ${response.url()}`);
    });
    const folder = family.includes('/') ? family : `slides/${family}`;
    await page.goto(`${origin}/${folder}/#/${route}`);
    await page.locator('.slidev-page').first().waitFor({ state: 'attached', timeout: 20_000 });
    return { page, watch };
  }

  /**
   * Shows every slide in turn; returns what went wrong: content outside the frame, a missing title,
   * a lineage diagram that did not render. Screenshots go to <outDir>/screens when asked.
   */
  async stepThrough(
    page: Page,
    family: string,
    slides: readonly ShownSlide[],
    screenshots = false,
    /** The slide numbers to show (1-based), in order; every slide when not given. */
    only?: readonly number[],
  ): Promise<string[]> {
    const problems: string[] = [];
    const fonts = await FontProbe.attach(page);
    for (const n of only ?? slides.map((_, index) => index + 1)) {
      const slide = slides[n - 1] as ShownSlide;
      await showSlide(page, n);
      if (slide.kind === 'lineage') {
        const svg = page.locator(`.slidev-page-${n} .sk-diagram svg`).first();
        await svg.waitFor({ timeout: 20_000 }).catch(() => problems.push(`slide ${n}: no lineage diagram`));
      }
      for (const font of await fonts.systemFontsIn(`.slidev-page-${n}`))
        problems.push(`slide ${n} "${slide.title}": drawn with a system font: ${font}`);
      const shown = await slideReport(page, n);
      for (const box of shown.outside) problems.push(`slide ${n} "${slide.title}": outside: ${box}`);
      if (!shown.text.includes(slide.title)) problems.push(`slide ${n}: title "${slide.title}" not shown`);
      // The slide number is shown, and on top (not hidden under the slide's background).
      if (n > 1 && (shown.footers.length !== 1 || shown.footers[0] !== `${n} / ${slides.length}`)) {
        problems.push(`slide ${n}: visible footers ${JSON.stringify(shown.footers)}`);
      }
      if (screenshots) {
        mkdirSync(join(this.outDir, 'screens'), { recursive: true });
        await page.screenshot({ path: join(this.outDir, 'screens', `${family}-${n}.png`) });
      }
    }
    return problems;
  }
}

/**
 * Every slide at once, as the deck's PDF is printed from it (Slidev's print route, all slides laid out
 * in one page): what leaves its frame, a title not shown, any glyph a system font drew. One pass
 * instead of a step per slide, for a deck of hundreds of slides (the scale test).
 */
export async function printViewProblems(
  decks: DeckBrowser,
  family: string,
  slides: readonly ShownSlide[],
): Promise<string[]> {
  const { page, watch } = await decks.open(family, 'export');
  try {
    await page.waitForFunction(allSlidesRendered, slides.length, { timeout: 120_000 });
    await page.evaluate(() => document.fonts.ready);
    // The print route mounts every slide, each with its number's class, as the presenter view does.
    const shown = await Promise.all(slides.map((_, index) => slideReport(page, index + 1)));
    const problems: string[] = [];
    shown.forEach(({ outside, text }, index) => {
      const title = slides[index]?.title ?? '';
      for (const box of outside) problems.push(`slide ${index + 1} "${title}": outside: ${box}`);
      if (!text.includes(title)) problems.push(`slide ${index + 1}: title "${title}" not shown`);
    });
    // Asked for the whole print route at once; slide by slide only when one is found, to name it.
    const fonts = await FontProbe.attach(page);
    if ((await fonts.systemFontsIn('#export-content')).length > 0) {
      for (let n = 1; n <= slides.length; n += 1) {
        for (const font of await fonts.systemFontsIn(`.slidev-page-${n}`))
          problems.push(`slide ${n} "${slides[n - 1]?.title}": drawn with a system font: ${font}`);
      }
    }
    problems.push(...watch.consoleErrors.map((error) => `console: ${error}`), ...watch.badRequests);
    return problems;
  } finally {
    await page.close();
  }
}

/**
 * Shows slide n and waits until it is laid out with its text in the deck's fonts. One call into the
 * page per try (a deck of 376 slides is stepped through in the scale test).
 */
export async function showSlide(page: Page, n: number): Promise<void> {
  // A hash set while the app is still starting can be overridden by its router: set it again until
  // the slide shows.
  for (let attempt = 1; ; attempt += 1) {
    const shown = await page.evaluate(async (no) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const until = async (ready: () => boolean, timeoutMs: number) => {
        const deadline = performance.now() + timeoutMs;
        while (!ready()) {
          if (performance.now() > deadline) return false;
          await frame();
        }
        return true;
      };
      const slide = () => document.querySelector<HTMLElement>(`.slidev-page-${no}`);
      window.location.hash = `#/${no}`;
      const visible = await until(() => {
        const element = slide();
        const box = element?.getBoundingClientRect();
        return (
          !!element &&
          !!box &&
          box.width > 0 &&
          box.height > 0 &&
          getComputedStyle(element).visibility !== 'hidden'
        );
      }, 5_000);
      if (!visible) return 'not visible';
      // Slidev mounts the neighbours hidden first, and a slide far from the last one shown starts as
      // a loading placeholder (its code is fetched on the jump): wait until our slide is laid out.
      const laidOut = await until(() => {
        const element = slide();
        return (
          !!element &&
          element.getBoundingClientRect().width > 0 &&
          !!element.querySelector('.sk-slide') &&
          !element.querySelector('.slidev-slide-loading') &&
          (element.textContent ?? '').trim().length > 0
        );
      }, 15_000);
      if (!laidOut) return 'not laid out with its text';
      // A face is fetched the first time a slide uses it (the mono one on the first slide with code):
      // until it arrives Chromium draws with a system font, which the font check would report.
      await document.fonts.ready;
      return 'shown';
    }, n);
    if (shown === 'shown') return;
    if (shown !== 'not visible' || attempt === 3) throw new Error(`slide ${n} ${shown}`);
  }
}

/**
 * What shown slide n shows: the elements whose box leaves the slide frame (1 px tolerance), its
 * rendered text (what the audience sees) and the text of every footer visible on top of the page.
 */
export function slideReport(
  page: Page,
  n: number,
): Promise<{ outside: string[]; text: string; footers: string[] }> {
  return page.evaluate((no) => {
    const slide = document.querySelector<HTMLElement>(`.slidev-page-${no}`);
    const frame = slide?.querySelector('.slidev-layout') ?? slide;
    const outside: string[] = [];
    if (!frame) outside.push('no slide frame');
    else {
      const r = frame.getBoundingClientRect();
      const elements = Array.from(frame.querySelectorAll('*'));
      // Inside a clipping box (KaTeX's 400em-wide root-sign tails), only the box is seen.
      const clips = new Set(elements.filter((element) => getComputedStyle(element).overflow !== 'visible'));
      const clipped = (element: Element) => {
        for (let up = element.parentElement; up && up !== frame; up = up.parentElement)
          if (clips.has(up)) return true;
        return false;
      };
      for (const element of elements) {
        if (clipped(element)) continue;
        const b = element.getBoundingClientRect();
        if (b.width === 0 && b.height === 0) continue;
        if (b.left < r.left - 1 || b.top < r.top - 1 || b.right > r.right + 1 || b.bottom > r.bottom + 1) {
          const text = (element.textContent ?? '').replace(/\s+/g, ' ').slice(0, 60);
          outside.push(
            `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> ${text}`,
          );
        }
      }
    }
    const footers = Array.from(document.querySelectorAll('.sk-footer')).flatMap((element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0) return [];
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return top && element.contains(top) ? [element.textContent?.trim() ?? ''] : [];
    });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the audience sees
    return { outside, text: slide?.innerText ?? '', footers };
  }, n);
}

/** Elements of a slide whose box leaves the slide frame (1 px tolerance). */
export async function outOfFrame(page: Page, n: number): Promise<string[]> {
  return (await slideReport(page, n)).outside;
}

/** The rendered text of slide n. */
export async function slideText(page: Page, n: number): Promise<string> {
  return (await slideReport(page, n)).text;
}

export function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);
}

/** Why the PDF checks cannot run here (poppler-utils missing), or undefined (see tests/skips.ts). */
export const noPoppler = firstMissing(missingTool('pdfinfo'), missingTool('pdftotext'));

/** Page count and whitespace-free text of a PDF (poppler-utils). */
export function readPdf(path: string): { pages: number; text: string } {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), text: text.replace(/\s+/g, '') };
}

/**
 * How much of slide n's body its content takes, in canvas pixels: from the body's top to the lowest
 * element's bottom, and the body box's height. Null for a slide without a body (the lineage).
 */
export function bodyUsage(page: Page, n: number): Promise<{ used: number; available: number } | null> {
  return page.evaluate((no) => {
    const slide = document.querySelector(`.slidev-page-${no}`);
    const frame = slide?.querySelector('.slidev-layout');
    const body = slide?.querySelector('.sk-body');
    if (!frame || !body) return null;
    const scale = frame.getBoundingClientRect().width / (frame as HTMLElement).offsetWidth;
    const box = body.getBoundingClientRect();
    let bottom = box.top;
    for (const element of Array.from(body.querySelectorAll('*'))) {
      const rect = element.getBoundingClientRect();
      if (rect.height > 0) bottom = Math.max(bottom, rect.bottom);
    }
    return { used: (bottom - box.top) / scale, available: box.height / scale };
  }, n);
}

/**
 * Which fonts Chromium drew text with, through the DevTools protocol (`CSS.getPlatformFontsForNode`):
 * a web font of the deck reports `isCustomFont`; anything else is a font of this machine.
 */
export class FontProbe {
  private constructor(private readonly session: CDPSession) {}

  static async attach(page: Page): Promise<FontProbe> {
    const session = await page.context().newCDPSession(page);
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    return new FontProbe(session);
  }

  /** Fonts that drew glyphs under the element(s) matching `selector` and are not web fonts. */
  async systemFontsIn(selector: string): Promise<string[]> {
    return (await this.fontsIn(selector)).filter((font) => !font.custom).map((font) => font.family);
  }

  /** Every font that drew at least one glyph under the selector, and whether it is a web font. */
  async fontsIn(selector: string): Promise<{ family: string; custom: boolean }[]> {
    // Only the elements holding text of their own are asked: the protocol answers for a node's own
    // text nodes, so the others answer nothing (and asking them was a third of stepping through a
    // 330-slide deck). They are marked for the query, and unmarked after.
    await this.mark(selector, true);
    try {
      // Only the root: querySelectorAll hands back the nodes it finds. (The whole tree, which the
      // frontend does not need, cost ~150 ms a slide on a 376-slide deck.)
      const { root } = await this.session.send('DOM.getDocument', { depth: 0 });
      const { nodeIds } = await this.session.send('DOM.querySelectorAll', {
        nodeId: root.nodeId,
        selector: `[${PROBE_MARK}]`,
      });
      // Asked all at once: the answers come back in one round trip instead of one per node.
      const answers = await Promise.all(
        nodeIds.map((nodeId) => this.session.send('CSS.getPlatformFontsForNode', { nodeId })),
      );
      const found = new Map<string, boolean>();
      for (const { fonts } of answers) {
        for (const font of fonts) if (font.glyphCount > 0) found.set(font.familyName, font.isCustomFont);
      }
      return [...found].map(([family, custom]) => ({ family, custom }));
    } finally {
      await this.mark(selector, false);
    }
  }

  private async mark(selector: string, mark: boolean): Promise<void> {
    const { exceptionDetails } = await this.session.send('Runtime.evaluate', {
      expression: `(${markTextHolders.toString()})(${JSON.stringify(selector)}, ${mark})`,
    });
    // A probe that marked nothing would find no font at all: fail instead.
    if (exceptionDetails)
      throw new Error(`FontProbe: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  }
}

/** The attribute that marks, for one probe, the elements whose own text Chromium drew. */
const PROBE_MARK = 'data-sk-font-probe';

/** Marks (or unmarks) the elements matching `selector`, and those under it, that hold text of their own. */
function markTextHolders(selector: string, mark: boolean): void {
  for (const element of Array.from(document.querySelectorAll(`${selector}, ${selector} *`))) {
    const ownText = Array.from(element.childNodes).some(
      (child) => child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').trim() !== '',
    );
    if (mark && ownText) element.setAttribute('data-sk-font-probe', '');
    else element.removeAttribute('data-sk-font-probe');
  }
}
