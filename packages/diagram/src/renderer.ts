/**
 * Renders mermaid text to SVG, PNG and a one-page vector PDF inside one headless Chromium page.
 * Launch once, render many: mermaid is loaded once per page, so the watch mode can keep it warm.
 */
import { availableParallelism } from 'node:os';
import { launchChromium, reproduciblePdf, sourceDate } from '@studykit/browser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LineageRenderError, oneLine, syntaxErrorFrom } from './errors.js';
import { assetFor, PAGE_URL } from './page-assets.js';
import { embedFonts } from './svg-fonts.js';

export interface RenderOptions {
  /** Id of the `<svg>` element (and prefix of mermaid's inner ids); letters, digits and hyphens. */
  id?: string;
  /**
   * What the diagram is, for error messages: its mermaid file, e.g. "lineage-glm.mmd" (the PNG and
   * PDF are named after it: "lineage-glm.png").
   */
  name?: string;
  /**
   * Embed the subset fonts in the SVG (default true: a standalone file must carry them). A deck that
   * inlines the SVG has the faces already.
   */
  embedFonts?: boolean;
}

export interface FullRenderOptions extends RenderOptions {
  /** Size limits of the PNG and PDF (tests lower them to force a failure). */
  limits?: Partial<CaptureLimits>;
  /**
   * Asked with the drawn size before anything else is done with the SVG: false stops the render with
   * `DiagramDeclined` (the lineage then draws its overview instead of a detail too large to read).
   */
  fits?: (width: number, height: number) => boolean;
  /**
   * Called with the SVG as soon as it exists, before the PNG and PDF are made: the watch mode writes
   * it at once, so the diagram on screen updates without waiting for the raster and print formats.
   */
  onSvg?: (svg: string) => Promise<void> | void;
  /**
   * The date the PDF carries (its /CreationDate and /ModDate): the build's, so that the same diagram
   * gives the same bytes. Default `sourceDate()`: SOURCE_DATE_EPOCH, else now.
   */
  pdfDate?: Date;
}

export interface RenderedSvg {
  svg: string;
  width: number;
  height: number;
}

export interface RenderedDiagram {
  svg: string;
  png: Uint8Array;
  pdf: Uint8Array;
}

/** PNG screenshots at 2× when the diagram is small enough: an integer scale keeps lines and text crisp. */
export const PNG_SCALE = 2;

/**
 * What a capture may be. Chromium's element screenshot failed on a 33,000 × 6,700 px diagram (221 Mpx,
 * "Unable to capture screenshot") and timed out on larger ones; on this 2-core machine a capture costs
 * about 0.05 s per Mpx (32 Mpx ≈ 2 s, 64 Mpx ≈ 3.3 s). A PDF page may be at most 200 inches a side.
 */
export interface CaptureLimits {
  /** Most pixels in the PNG. */
  pngPixels: number;
  /** Longest side of the PNG (16,384 px: what image viewers and GPU textures take). */
  pngSide: number;
  /** Below this scale the labels are unreadable (16 px text drawn 4 px high): the PNG fails instead. */
  minPngScale: number;
  /** Longest side of the PDF page in CSS px (200 in × 96); larger diagrams are scaled down to fit. */
  pdfSide: number;
  /** How long one capture or print may take. */
  timeoutMs: number;
}

export const CAPTURE_LIMITS: Readonly<CaptureLimits> = {
  pngPixels: 32_000_000,
  pngSide: 16_384,
  minPngScale: 0.25,
  pdfSide: 19_200,
  timeoutMs: 60_000,
};

/** Kept for callers of the first version: the 2× budget is now `CAPTURE_LIMITS.pngPixels`. */
export const PNG_MAX_PIXELS_AT_2X = CAPTURE_LIMITS.pngPixels;

/**
 * The PNG's scale for a diagram of `width` × `height` CSS px: 2× when that fits the limits, else 1×,
 * else the largest fraction (in hundredths) that fits; undefined when even `minPngScale` does not.
 */
export function pngScaleFor(
  width: number,
  height: number,
  limits: CaptureLimits = CAPTURE_LIMITS,
): number | undefined {
  const fits = Math.min(
    Math.sqrt(limits.pngPixels / Math.max(1, width * height)),
    limits.pngSide / Math.max(1, width),
    limits.pngSide / Math.max(1, height),
  );
  if (fits >= 2) return 2;
  if (fits >= 1) return 1;
  const scale = Math.floor(fits * 100) / 100;
  return scale >= limits.minPngScale ? scale : undefined;
}

/** The PDF's scale: 1 unless a side is longer than a PDF page may be. */
export function pdfScaleFor(width: number, height: number, limits: CaptureLimits = CAPTURE_LIMITS): number {
  return Math.min(1, limits.pdfSide / Math.max(1, width), limits.pdfSide / Math.max(1, height));
}

/** "40,000 × 9,000 px" */
const size = (width: number, height: number) =>
  `${width.toLocaleString('en-US')} × ${height.toLocaleString('en-US')} px`;

/** Flags for rendering on several pages at once: Chromium must not slow down the pages it thinks are in the background. */
const PARALLEL_ARGS = [
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

/** `render` stopped because `fits` said the drawn diagram is too large; nothing was written. */
export class DiagramDeclined extends Error {
  override readonly name = 'DiagramDeclined';
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    super(`the diagram is ${size(width, height)}`);
  }
}

export interface LaunchRendererOptions {
  /** Pages to open at once (default 1); more can be opened later with `widen`. */
  pages?: number;
}

type PageResult = { ok: true; svg: string; width: number; height: number } | { ok: false; message: string };
type PageApi = {
  render(id: string, text: string): Promise<PageResult>;
  parse(text: string): Promise<{ ok: true } | { ok: false; message: string }>;
};

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n';

function svgId(options: RenderOptions): string {
  const id = (options.id ?? 'lineage').replace(/[^A-Za-z0-9-]/g, '-');
  return /^[A-Za-z]/.test(id) ? id : `d-${id}`;
}

export class MermaidRenderer {
  /** Console errors and uncaught page errors since launch (a clean render leaves this empty). */
  readonly consoleErrors: string[] = [];
  private readonly pages: Page[] = [];
  private readonly idle: Page[] = [];
  private readonly waiting: ((page: Page) => void)[] = [];
  /** Calls not finished yet (running or waiting for a page): `close` lets them end first. */
  private readonly running = new Set<Promise<unknown>>();
  private opening: Promise<void> = Promise.resolve();
  /** One capture at a time: the page being captured is brought to the front (see `capture`). */
  private capturing: Promise<unknown> = Promise.resolve();
  private closing = false;
  private disconnected = false;

  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
  ) {
    browser.on('disconnected', () => {
      this.disconnected = true;
    });
  }

  /** False once closed or once Chromium went away (a watch loop then launches a new renderer). */
  get usable(): boolean {
    return !this.closing && !this.disconnected;
  }

  /** How many pages render at once. */
  get pageCount(): number {
    return this.pages.length;
  }

  /** Start Debian's Chromium, open the page(s) and load mermaid once in each. */
  static async launch(options: LaunchRendererOptions = {}): Promise<MermaidRenderer> {
    // Playwright's launch errors carry Chromium's log: one line of it is enough for the CLI.
    const browser = await launchChromium({ args: PARALLEL_ARGS }).catch((error: unknown) => {
      throw new LineageRenderError(`Chromium did not start: ${oneLine(error, 400)}`);
    });
    try {
      const context = await browser.newContext({
        deviceScaleFactor: PNG_SCALE,
        viewport: { width: 1280, height: 800 },
        serviceWorkers: 'block',
      });
      // The page's network is closed: only our page and mermaid's bundle are answered.
      await context.route('**/*', async (route) => {
        const asset = await assetFor(route.request().url());
        if (asset) await route.fulfill({ status: 200, body: asset.body, contentType: asset.contentType });
        else await route.abort('blockedbyclient');
      });
      const renderer = new MermaidRenderer(browser, context);
      await renderer.widen(Math.max(1, options.pages ?? 1));
      return renderer;
    } catch (error) {
      await browser.close().catch(() => {});
      throw error;
    }
  }

  /**
   * Open pages until `count` render at once (at most one per core): a large lineage draws its family
   * diagrams side by side. Resolves when they have loaded mermaid.
   */
  widen(count: number): Promise<void> {
    const target = Math.min(count, Math.max(1, availableParallelism()));
    // A page that failed to open earlier does not stop this attempt.
    this.opening = this.opening
      .catch(() => {})
      .then(async () => {
        const wanted = Math.max(0, target - this.pages.length);
        await Promise.all(Array.from({ length: wanted }, () => this.openPage()));
      });
    return this.opening;
  }

  private async openPage(): Promise<void> {
    const page = await this.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(error.message));
    try {
      await page.goto(PAGE_URL);
      await page.waitForFunction(
        () => (globalThis as { studykitLineage?: { ready?: boolean } }).studykitLineage?.ready,
        null,
        { timeout: 30_000 },
      );
    } catch (error) {
      await page.close().catch(() => {});
      throw new LineageRenderError(
        `mermaid did not load in Chromium: ${oneLine(this.consoleErrors.join('; ') || error)}`,
      );
    }
    this.pages.push(page);
    this.release(page);
  }

  /** Throws LineageSyntaxError, naming the offending line, if mermaid's own parser rejects `text`. */
  validate(text: string, options: RenderOptions = {}): Promise<void> {
    return this.onPage(async (page) => {
      const result = await page.evaluate(
        (source) => (globalThis as unknown as { studykitLineage: PageApi }).studykitLineage.parse(source),
        text,
      );
      if (!result.ok) throw syntaxErrorFrom(text, result.message, options.name ?? 'the lineage');
    });
  }

  /** SVG only (what the per-family diagrams need). mermaid parses the text before it draws anything. */
  renderSvg(text: string, options: RenderOptions = {}): Promise<RenderedSvg> {
    return this.onPage((page) => this.svgOnPage(page, text, options));
  }

  /**
   * SVG, PNG and a one-page vector PDF sized to the diagram. The PNG is 2× when the diagram is small
   * enough, else 1×, else scaled down to stay under `CAPTURE_LIMITS`; the PDF page is the diagram's
   * size, scaled down when a side would pass 200 inches.
   */
  render(text: string, options: FullRenderOptions = {}): Promise<RenderedDiagram> {
    return this.onPage(async (page) => {
      const limits = { ...CAPTURE_LIMITS, ...options.limits };
      const { svg, width, height } = await this.svgOnPage(page, text, options);
      if (options.fits && !options.fits(width, height)) throw new DiagramDeclined(width, height);
      await options.onSvg?.(svg);
      const base = (options.name ?? 'lineage').replace(/\.mmd$/, '');

      const scale = pngScaleFor(width, height, limits);
      if (scale === undefined) {
        throw new LineageRenderError(
          `${base}.png: the diagram is ${size(width, height)}, too large to capture even at ${limits.minPngScale}× (at most ${(limits.pngPixels / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2 })} Mpx and ${limits.pngSide.toLocaleString('en-US')} px a side); open ${base}.svg instead (it is written in full), or split the largest families`,
        );
      }
      const png = await this.capture(page, width, height, scale, limits).catch((error: unknown) => {
        throw new LineageRenderError(
          `${base}.png: Chromium could not capture the ${size(width, height)} diagram at ${scale}× (${oneLine(error)}); open ${base}.svg instead, or build again on a less busy machine`,
        );
      });
      const pdfDate = options.pdfDate ?? sourceDate();
      const pdf = await this.print(page, width, height, limits, pdfDate).catch((error: unknown) => {
        throw new LineageRenderError(
          `${base}.pdf: Chromium could not print the ${size(width, height)} diagram (${oneLine(error)}); open ${base}.svg instead, or build again on a less busy machine`,
        );
      });
      return { svg, png, pdf };
    });
  }

  /**
   * Already drawn SVGs as one vector PDF, a page each, every page the size of its diagram (CSS named
   * pages): one print for all the family diagrams, which the report places in its chapters. Their
   * embedded fonts are left out here: the page has the same faces whole (and one document cannot hold
   * several subsets under one family name).
   */
  printPages(
    diagrams: readonly RenderedSvg[],
    limits: Partial<CaptureLimits> = {},
    pdfDate: Date = sourceDate(),
  ): Promise<Uint8Array> {
    const { pdfSide, timeoutMs } = { ...CAPTURE_LIMITS, ...limits };
    const sheets = diagrams.map(({ svg, width, height }) => {
      const scale = pdfScaleFor(width, height, { ...CAPTURE_LIMITS, pdfSide });
      return {
        svg: svg.replace(XML_DECLARATION, '').replace(/@font-face\s*\{[^}]*\}/g, ''),
        width: Math.ceil(width * scale),
        height: Math.ceil(height * scale),
      };
    });
    return this.onPage(async (page) => {
      await page.evaluate(async (sheets) => {
        // Runs in the page (no DOM types in this Node package).
        const { document } = globalThis as unknown as { document: PrintDocument };
        const style = document.createElement('style');
        style.id = 'print-sheets';
        // One spare pixel a page: rounding must never spill a sliver onto a page of its own.
        style.textContent = `#stage { display: none; }\n${sheets
          .map(
            (sheet, index) =>
              `@page sheet${index} { size: ${sheet.width}px ${sheet.height + 1}px; margin: 0; }\n` +
              `.sheet${index} { page: sheet${index}; width: ${sheet.width}px; height: ${sheet.height}px; overflow: hidden; line-height: 0; }`,
          )
          .join('\n')}`;
        const container = document.createElement('div');
        container.id = 'print-sheets-body';
        container.innerHTML = sheets
          .map((sheet, index) => `<div class="sheet${index}">${sheet.svg}</div>`)
          .join('');
        sheets.forEach((sheet, index) => {
          const svg = container.querySelector(`.sheet${index} > svg`);
          if (!svg) return;
          svg.style.width = `${sheet.width}px`;
          svg.style.height = `${sheet.height}px`;
        });
        document.head.append(style);
        document.body.append(container);
        await document.fonts.ready;
      }, sheets);
      try {
        const pdf = await withTimeout(
          page.pdf({ preferCSSPageSize: true, printBackground: true }),
          timeoutMs,
          'page.pdf',
        );
        return reproduciblePdf(pdf, pdfDate);
      } finally {
        await page.evaluate(() => {
          const { document } = globalThis as unknown as { document: PrintDocument };
          document.getElementById('print-sheets')?.remove();
          document.getElementById('print-sheets-body')?.remove();
        });
      }
    });
  }

  /**
   * The PNG at `scale` output px per diagram px: the SVG is redrawn at that size (it is vector) and
   * the page is captured from its top-left corner. A page behind another gets no animation frames,
   * and a screenshot waits for one: with a second page busy drawing, a capture waited for it to
   * finish (5.5 s instead of 0.3 s). So the captured page is brought to the front, one at a time.
   */
  private capture(
    page: Page,
    width: number,
    height: number,
    scale: number,
    limits: CaptureLimits,
  ): Promise<Uint8Array> {
    const run = this.capturing.then(async () => {
      const [cssWidth, cssHeight] = [(width * scale) / PNG_SCALE, (height * scale) / PNG_SCALE];
      await sizeStage(page, cssWidth, cssHeight);
      if (this.pages.length > 1) await page.bringToFront();
      const png = await page.screenshot({
        type: 'png',
        scale: 'device',
        animations: 'disabled',
        fullPage: true,
        clip: { x: 0, y: 0, width: cssWidth, height: cssHeight },
        timeout: limits.timeoutMs,
      });
      return new Uint8Array(png);
    });
    this.capturing = run.catch(() => {});
    return run;
  }

  /** One vector page the size of the diagram (scaled down to fit a PDF page when larger), dated `date`. */
  private async print(
    page: Page,
    width: number,
    height: number,
    limits: CaptureLimits,
    date: Date,
  ): Promise<Uint8Array> {
    const scale = pdfScaleFor(width, height, limits);
    const [pageWidth, pageHeight] = [Math.ceil(width * scale), Math.ceil(height * scale)];
    await sizeStage(page, width * scale, height * scale);
    const pdf = await withTimeout(
      page.pdf({
        width: `${pageWidth}px`,
        // One spare pixel: rounding must never spill a sliver onto a second page.
        height: `${pageHeight + 1}px`,
        margin: { top: '0', right: '0', bottom: '0', left: '0' },
        printBackground: true,
        pageRanges: '1',
      }),
      limits.timeoutMs,
      'page.pdf',
    );
    return reproduciblePdf(pdf, date);
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.opening.catch(() => {});
    await Promise.allSettled([...this.running]);
    await this.context.close().catch(() => {});
    await this.browser.close();
  }

  private async svgOnPage(page: Page, text: string, options: RenderOptions): Promise<RenderedSvg> {
    const name = options.name ?? 'the lineage';
    const result = await page
      .evaluate(
        ([id, source]) =>
          (globalThis as unknown as { studykitLineage: PageApi }).studykitLineage.render(id, source),
        [svgId(options), text] as const,
      )
      .catch((error: unknown) => {
        throw new LineageRenderError(
          `${name.replace(/\.mmd$/, '.svg')}: Chromium failed while mermaid drew it (${oneLine(error)}); build again, and if it keeps failing report it with the size of the reading list`,
        );
      });
    if (!result.ok) {
      if (/parse error|lexical error|syntax error/i.test(result.message))
        throw syntaxErrorFrom(text, result.message, name);
      throw new LineageRenderError(`mermaid could not render ${name}: ${oneLine(result.message)}`);
    }
    const svg = options.embedFonts === false ? result.svg : await embedFonts(result.svg);
    return { svg: XML_DECLARATION + svg, width: result.width, height: result.height };
  }

  /** A page renders one diagram at a time: a call waits for a free page instead of trampling a stage. */
  private onPage<T>(task: (page: Page) => Promise<T>): Promise<T> {
    if (!this.usable) return Promise.reject(new Error('MermaidRenderer is closed (or its Chromium exited)'));
    const run = (async () => {
      const page = this.idle.pop() ?? (await new Promise<Page>((resolve) => this.waiting.push(resolve)));
      try {
        return await task(page);
      } finally {
        this.release(page);
      }
    })();
    this.running.add(run);
    run.then(
      () => this.running.delete(run),
      () => this.running.delete(run),
    );
    return run;
  }

  private release(page: Page): void {
    const next = this.waiting.shift();
    if (next) next(page);
    else this.idle.push(page);
  }
}

/** The rendered SVG drawn at `width` × `height` CSS px (its viewBox scales the drawing). */
async function sizeStage(page: Page, width: number, height: number): Promise<void> {
  await page.evaluate(
    ([w, h]) => {
      // Runs in the page (no DOM types in this Node package).
      const { document } = globalThis as unknown as {
        document: { querySelector(selector: string): { style: Record<string, string> } };
      };
      const { style } = document.querySelector('#stage > svg');
      style.width = `${w}px`;
      style.height = `${h}px`;
    },
    [width, height] as const,
  );
}

/** The little of the DOM that printPages uses, typed here (this package has no DOM types). */
interface PrintElement {
  id: string;
  textContent: string | null;
  innerHTML: string;
  style: Record<string, string>;
  append(child: PrintElement): void;
  remove(): void;
  querySelector(selector: string): PrintElement | null;
}
interface PrintDocument {
  head: PrintElement;
  body: PrintElement;
  fonts: { ready: Promise<unknown> };
  createElement(tag: string): PrintElement;
  getElementById(id: string): PrintElement | null;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: Timeout ${ms}ms exceeded`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
