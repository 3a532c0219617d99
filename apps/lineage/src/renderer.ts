/**
 * Renders mermaid text to SVG, PNG and a one-page vector PDF inside one headless Chromium page.
 * Launch once, render many: mermaid is loaded once per page, so the watch mode can keep it warm.
 */
import { launchChromium } from '@studykit/browser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { syntaxErrorFrom } from './errors.js';
import { assetFor, PAGE_URL } from './page-assets.js';
import { embedFonts } from './svg-fonts.js';

export interface RenderOptions {
  /** Id of the `<svg>` element (and prefix of mermaid's inner ids); letters, digits and hyphens. */
  id?: string;
  /** What the diagram is, for error messages, e.g. "lineage-glm". */
  name?: string;
  /**
   * Embed the subset fonts in the SVG (default true: a standalone file must carry them). A deck that
   * inlines the SVG has the faces already.
   */
  embedFonts?: boolean;
}

export interface FullRenderOptions extends RenderOptions {
  /**
   * Called with the SVG as soon as it exists, before the PNG and PDF are made: the watch mode writes
   * it at once, so the diagram on screen updates without waiting for the raster and print formats.
   */
  onSvg?: (svg: string) => Promise<void> | void;
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

/** PNG screenshots at 2×: an integer scale keeps lines and text crisp. */
export const PNG_SCALE = 2;

/**
 * Above this many output pixels the PNG is taken at 1× instead: Chromium rasterises on the CPU here,
 * and a 200-paper lineage at 2× (14k × 10k px) took 20 s and 5 MB. 1× is still an integer scale.
 */
export const PNG_MAX_PIXELS_AT_2X = 48_000_000;

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
  private queue: Promise<unknown> = Promise.resolve();
  private closing = false;
  private disconnected = false;

  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(error.message));
    browser.on('disconnected', () => {
      this.disconnected = true;
    });
  }

  /** False once closed or once Chromium went away (a watch loop then launches a new renderer). */
  get usable(): boolean {
    return !this.closing && !this.disconnected;
  }

  /** Start Debian's Chromium, open the page and load mermaid once. */
  static async launch(): Promise<MermaidRenderer> {
    const browser = await launchChromium();
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
      const page = await context.newPage();
      const renderer = new MermaidRenderer(browser, context, page);
      await page.goto(PAGE_URL);
      await page
        .waitForFunction(
          () => (globalThis as { studykitLineage?: { ready?: boolean } }).studykitLineage?.ready,
          null,
          {
            timeout: 30_000,
          },
        )
        .catch((error: unknown) => {
          throw new Error(
            `mermaid did not load in Chromium: ${renderer.consoleErrors.join('; ') || String(error)}`,
          );
        });
      return renderer;
    } catch (error) {
      await browser.close().catch(() => {});
      throw error;
    }
  }

  /** Throws LineageSyntaxError, naming the offending line, if mermaid's own parser rejects `text`. */
  validate(text: string, options: RenderOptions = {}): Promise<void> {
    return this.serial(async () => {
      const result = await this.page.evaluate(
        (source) => (globalThis as unknown as { studykitLineage: PageApi }).studykitLineage.parse(source),
        text,
      );
      if (!result.ok) throw syntaxErrorFrom(text, result.message, options.name ?? 'the lineage');
    });
  }

  /** SVG only (what the per-family diagrams need). */
  renderSvg(text: string, options: RenderOptions = {}): Promise<RenderedSvg> {
    return this.serial(() => this.svgOnPage(text, options));
  }

  /** SVG, 2× PNG and a one-page vector PDF sized to the diagram. */
  render(text: string, options: FullRenderOptions = {}): Promise<RenderedDiagram> {
    return this.serial(async () => {
      const { svg, width, height } = await this.svgOnPage(text, options);
      await options.onSvg?.(svg);
      const png = await this.page
        .locator('#stage > svg')
        .screenshot({ type: 'png', scale: 'device', animations: 'disabled' });
      const pdf = await this.page.pdf({
        width: `${width}px`,
        // One spare pixel: rounding must never spill a sliver onto a second page.
        height: `${height + 1}px`,
        margin: { top: '0', right: '0', bottom: '0', left: '0' },
        printBackground: true,
        pageRanges: '1',
      });
      return { svg, png: new Uint8Array(png), pdf: new Uint8Array(pdf) };
    });
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.queue.catch(() => {});
    await this.context.close().catch(() => {});
    await this.browser.close();
  }

  private async svgOnPage(text: string, options: RenderOptions): Promise<RenderedSvg> {
    const result = await this.page.evaluate(
      ([id, source]) =>
        (globalThis as unknown as { studykitLineage: PageApi }).studykitLineage.render(id, source),
      [svgId(options), text] as const,
    );
    if (!result.ok) {
      const name = options.name ?? 'the lineage';
      if (/parse error|lexical error|syntax error/i.test(result.message))
        throw syntaxErrorFrom(text, result.message, name);
      throw new Error(`mermaid could not render ${name}: ${result.message}`);
    }
    const svg = options.embedFonts === false ? result.svg : await embedFonts(result.svg);
    return { svg: XML_DECLARATION + svg, width: result.width, height: result.height };
  }

  /** One page renders one diagram at a time: calls queue up instead of trampling the stage. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    if (!this.usable) return Promise.reject(new Error('MermaidRenderer is closed (or its Chromium exited)'));
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => {});
    return run;
  }
}
