/**
 * One headless Chromium whose pages have each loaded mermaid once, lent to one task at a time: a page
 * draws one diagram at a time, so a task waits for a free page instead of trampling a stage.
 */
import { availableParallelism } from 'node:os';
import { launchChromium } from '@studykit/browser';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { pageApiReady } from './browser/page-api.js';
import { PNG_SCALE } from './capture-limits.js';
import { DiagramRenderError, oneLine } from './errors.js';
import { assetFor, PAGE_URL } from './page-assets.js';

/** Flags for rendering on several pages at once: Chromium must not slow down the pages it thinks are in the background. */
const PARALLEL_ARGS = [
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

export class PagePool {
  /** Console errors and uncaught page errors since launch (a clean render leaves this empty). */
  readonly consoleErrors: string[] = [];
  private readonly pages: Page[] = [];
  private readonly idle: Page[] = [];
  private readonly waiting: ((page: Page) => void)[] = [];
  /** Tasks not finished yet (running or waiting for a page): `close` lets them end first. */
  private readonly running = new Set<Promise<unknown>>();
  private opening: Promise<void> = Promise.resolve();
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

  /** Start Debian's Chromium and open `pages` pages, each with mermaid loaded. */
  static async launch(pages: number): Promise<PagePool> {
    // Playwright's launch errors carry Chromium's log: one line of it is enough for the CLI.
    const browser = await launchChromium({ args: PARALLEL_ARGS }).catch((error: unknown) => {
      throw new DiagramRenderError(`Chromium did not start: ${oneLine(error, 400)}`);
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
      const pool = new PagePool(browser, context);
      await pool.widen(pages);
      return pool;
    } catch (error) {
      await browser.close().catch(() => {});
      throw error;
    }
  }

  /** False once closed or once Chromium went away (a watch loop then launches a new renderer). */
  get usable(): boolean {
    return !this.closing && !this.disconnected;
  }

  /** How many pages are open. */
  get size(): number {
    return this.pages.length;
  }

  /** Open pages until `count` are open (at most one per core). Resolves when they have loaded mermaid. */
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

  /**
   * A context of its own in this Chromium, for pages that are not mermaid's (a deck's measuring and
   * printing): one browser per build instead of one per renderer. Chromium closes it with the pool.
   */
  newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    if (!this.usable) return Promise.reject(new Error('MermaidRenderer is closed (or its Chromium exited)'));
    return this.browser.newContext(options);
  }

  /** Runs `task` on a free page, waiting for one if every page is busy. */
  run<T>(task: (page: Page) => Promise<T>): Promise<T> {
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

  /** Lets running tasks end, then closes Chromium. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.opening.catch(() => {});
    await Promise.allSettled([...this.running]);
    await this.context.close().catch(() => {});
    await this.browser.close();
  }

  private async openPage(): Promise<void> {
    const page = await this.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(error.message));
    try {
      await page.goto(PAGE_URL);
      await page.waitForFunction(pageApiReady, null, { timeout: 30_000 });
    } catch (error) {
      await page.close().catch(() => {});
      throw new DiagramRenderError(
        `mermaid did not load in Chromium: ${oneLine(this.consoleErrors.join('; ') || error)}`,
      );
    }
    this.pages.push(page);
    this.release(page);
  }

  private release(page: Page): void {
    const next = this.waiting.shift();
    if (next) next(page);
    else this.idle.push(page);
  }
}
