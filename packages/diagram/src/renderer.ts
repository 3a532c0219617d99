/**
 * Renders mermaid text to SVG, PNG and a one-page vector PDF inside headless Chromium pages.
 * Launch once, render many: mermaid is loaded once per page, so the watch mode can keep it warm.
 * The parts: page-pool.ts (browser and pages), draw-svg.ts, screenshot.ts, print.ts, capture-limits.ts.
 */
import { sourceDate } from '@studykit/browser';
import type { BrowserContext, BrowserContextOptions } from 'playwright-core';
import { CAPTURE_LIMITS, type CaptureLimits, pngScaleFor, sizeText } from './capture-limits.js';
import { checkSyntax, drawSvg, type RenderedSvg, type RenderOptions } from './draw-svg.js';
import { DiagramDeclined, DiagramRenderError, oneLine } from './errors.js';
import { type FormulaMarkup, type PrintedFormulas, printFormulas } from './formulas.js';
import { printSvgImages, type SvgImage } from './images.js';
import { PagePool } from './page-pool.js';
import { printDiagram, printSheets } from './print.js';
import { Screenshots } from './screenshot.js';

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
  /** The PDF's document title (what a viewer's title bar shows); default: the file's base name. */
  pdfTitle?: string;
}

export interface RenderedDiagram {
  svg: string;
  png: Uint8Array;
  pdf: Uint8Array;
}

export interface PrintPagesOptions {
  /** `pdfSide` and `timeoutMs` apply (tests lower them). */
  limits?: Partial<CaptureLimits>;
  /** The date the PDF carries; default `sourceDate()`. */
  pdfDate?: Date;
  /** The PDF's /Title (default "diagram"). */
  title?: string;
  /** The file named in messages (default `<title>.pdf`). */
  name?: string;
}

export interface LaunchRendererOptions {
  /** Pages to open at once (default 1); more can be opened later with `widen`. */
  pages?: number;
}

export class MermaidRenderer {
  private readonly screenshots = new Screenshots(() => this.pool.size > 1);

  private constructor(private readonly pool: PagePool) {}

  /** Start Debian's Chromium, open the page(s) and load mermaid once in each. */
  static async launch(options: LaunchRendererOptions = {}): Promise<MermaidRenderer> {
    return new MermaidRenderer(await PagePool.launch(Math.max(1, options.pages ?? 1)));
  }

  /** Console errors and uncaught page errors since launch (a clean render leaves this empty). */
  get consoleErrors(): readonly string[] {
    return this.pool.consoleErrors;
  }

  /** False once closed or once Chromium went away (a watch loop then launches a new renderer). */
  get usable(): boolean {
    return this.pool.usable;
  }

  /** How many pages render at once. */
  get pageCount(): number {
    return this.pool.size;
  }

  /**
   * Open pages until `count` render at once (at most one per core): a large lineage draws its family
   * diagrams side by side. Resolves when they have loaded mermaid.
   */
  widen(count: number): Promise<void> {
    return this.pool.widen(count);
  }

  /** Throws DiagramSyntaxError, naming the offending line, if mermaid's own parser rejects `text`. */
  validate(text: string, options: RenderOptions = {}): Promise<void> {
    return this.pool.run((page) => checkSyntax(page, text, options));
  }

  /** SVG only (what the per-family diagrams need). mermaid parses the text before it draws anything. */
  renderSvg(text: string, options: RenderOptions = {}): Promise<RenderedSvg> {
    return this.pool.run((page) => drawSvg(page, text, options));
  }

  /**
   * SVG, PNG and a one-page vector PDF sized to the diagram. The PNG is 2× when the diagram is small
   * enough, else 1×, else scaled down to stay under `CAPTURE_LIMITS`; the PDF page is the diagram's
   * size, scaled down when a side would pass 200 inches. The PNG and PDF are named after `name`
   * in messages, and the PDF's /Title is that name without `.mmd`.
   */
  render(text: string, options: FullRenderOptions = {}): Promise<RenderedDiagram> {
    return this.pool.run(async (page) => {
      const limits = { ...CAPTURE_LIMITS, ...options.limits };
      const { svg, width, height } = await drawSvg(page, text, options);
      if (options.fits && !options.fits(width, height)) throw new DiagramDeclined(width, height);
      await options.onSvg?.(svg);
      const base = (options.name ?? 'diagram').replace(/\.mmd$/, '');
      const size = sizeText(width, height);

      const scale = pngScaleFor(width, height, limits);
      if (scale === undefined) {
        throw new DiagramRenderError(
          `${base}.png: the diagram is ${size}, too large to capture even at ${limits.minPngScale}× (at most ${(limits.pngPixels / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2 })} Mpx and ${limits.pngSide.toLocaleString('en-US')} px a side); open ${base}.svg instead (it is written in full), or draw less in one diagram`,
        );
      }
      const shot = { width, height, scale, timeoutMs: limits.timeoutMs };
      const png = await this.screenshots.capture(page, shot).catch((error: unknown) => {
        throw new DiagramRenderError(
          `${base}.png: Chromium could not capture the ${size} diagram at ${scale}× (${oneLine(error)}); open ${base}.svg instead, or build again on a less busy machine`,
        );
      });
      const print = { date: options.pdfDate ?? sourceDate(), title: options.pdfTitle ?? base };
      const pdf = await printDiagram(page, width, height, limits, print).catch((error: unknown) => {
        throw new DiagramRenderError(
          `${base}.pdf: Chromium could not print the ${size} diagram (${oneLine(error)}); open ${base}.svg instead, or build again on a less busy machine`,
        );
      });
      return { svg, png, pdf };
    });
  }

  /**
   * Already drawn SVGs as one vector PDF, a page each, every page the size of its diagram: one print
   * for many diagrams (the lineage's family diagrams, which the report places in its chapters).
   */
  printPages(diagrams: readonly RenderedSvg[], options: PrintPagesOptions = {}): Promise<Uint8Array> {
    const limits = { ...CAPTURE_LIMITS, ...options.limits };
    const print = { date: options.pdfDate ?? sourceDate(), title: options.title ?? 'diagram' };
    const name = options.name ?? `${print.title}.pdf`;
    return this.pool.run((page) =>
      printSheets(page, diagrams, limits, print).catch((error: unknown) => {
        // One line, like every capture error: Playwright's own message carries its call log.
        throw new DiagramRenderError(
          `${name}: Chromium could not print the ${diagrams.length} diagram${diagrams.length === 1 ? '' : 's'} (${oneLine(error)}); open the SVGs instead, or build again on a less busy machine`,
        );
      }),
    );
  }

  /**
   * Formulas (KaTeX's HTML, @studykit/math's texToHtml) as one vector PDF, a page per formula sized to
   * its box, with each box's width, height and depth: one layout and one print for all of them.
   */
  printFormulas(
    formulas: readonly FormulaMarkup[],
    options: PrintPagesOptions = {},
  ): Promise<PrintedFormulas> {
    const limits = { ...CAPTURE_LIMITS, ...options.limits };
    const print = { date: options.pdfDate ?? sourceDate(), title: options.title ?? 'formulas' };
    const name = options.name ?? `${print.title}.pdf`;
    return this.pool.run((page) =>
      printFormulas(page, formulas, limits, print).catch((error: unknown) => {
        throw new DiagramRenderError(
          `${name}: Chromium could not print the ${formulas.length} formula${formulas.length === 1 ? '' : 's'} (${oneLine(error)}); build again, and if it keeps failing report it with the TeX`,
        );
      }),
    );
  }

  /** SVG files from content as one vector PDF, a page each its size, shown as images (no script runs). */
  printSvgImages(images: readonly SvgImage[], options: PrintPagesOptions = {}): Promise<Uint8Array> {
    const limits = { ...CAPTURE_LIMITS, ...options.limits };
    const print = { date: options.pdfDate ?? sourceDate(), title: options.title ?? 'images' };
    const name = options.name ?? `${print.title}.pdf`;
    return this.pool.run((page) =>
      printSvgImages(page, images, limits, print).catch((error: unknown) => {
        throw new DiagramRenderError(
          `${name}: Chromium could not print the ${images.length} SVG image${images.length === 1 ? '' : 's'} (${oneLine(error)}); build again, or convert the SVG to PNG`,
        );
      }),
    );
  }

  /**
   * A browser context in the renderer's Chromium for other pages (the decks lay out and print in
   * one): a build then starts one Chromium, not two. Close it when done; the renderer's close ends it too.
   */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext> {
    return this.pool.newContext(options);
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
