/**
 * Measures slides in Chromium: a page holding one slide frame with the deck's real stylesheet, its
 * subset fonts and Slidev's own CSS reset, so that a height read here is the height the built deck
 * draws. Nothing is estimated in Node; the pure paginator only chooses breaks from these numbers.
 * The page's own code is browser/measure-api.ts.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { coverage, type SubsetFont } from '@studykit/fonts';
import type { BrowserContext, Page } from 'playwright-core';
import { loadFonts, unloadedFonts } from './browser/fonts.js';
import {
  type Fit,
  installMeasureApi,
  type MeasureApi,
  type PageChunk,
  type PageGroup,
  type SlideFrame,
} from './browser/measure-api.js';
import type { Chunk, Divisible } from './chunks.js';
import { CANVAS_WIDTH } from './layout.js';
import type { RunHeights } from './paginate.js';

const ORIGIN = 'http://studykit-measure.invalid';
const require = createRequire(import.meta.url);
/** The reset Slidev's client imports first (`@unocss/reset/tailwind.css`). */
const RESET_CSS = require.resolve('@unocss/reset/tailwind.css');

export type { Fit, SlideFrame };

function pageHtml(fontNames: readonly string[]): string {
  // Each face is asked for once so that every subset is loaded before anything is measured.
  const probes = fontNames.map((font) => `<span style="font: ${font}">x</span>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/reset.css"><link rel="stylesheet" href="/style.css">
<style>body { margin: 0; } #probes { position: absolute; left: -9999px; }</style></head>
<body><div id="probes">${probes}</div>
<div id="frame" style="position: relative; width: ${CANVAS_WIDTH}px; height: ${CANVAS_WIDTH / (16 / 9)}px">
<div id="slide"><header class="sk-header"><p class="sk-kicker" id="kicker"></p><h1 id="title"></h1></header>
<div class="sk-body" id="body"><div class="sk-zoom" id="zoom"></div></div></div></div>
</body></html>`;
}

interface SerialChunks {
  chunks: PageChunk[];
  groups: PageGroup[];
}

/** The frame's texts as the deck shows them (a character no face has is drawn as '?'). */
function shown(frame: SlideFrame): SlideFrame {
  return {
    ...frame,
    kicker: coverage().drawable(frame.kicker),
    title: coverage().drawable(frame.title),
  };
}

function serialise(chunks: readonly Chunk[]): SerialChunks {
  const groups: SerialChunks['groups'] = [];
  const ids = new Map<object, number>();
  return {
    chunks: chunks.map((chunk) => {
      if (!chunk.group) return { html: chunk.html };
      let id = ids.get(chunk.group);
      if (id === undefined) {
        id = groups.length;
        groups.push(chunk.group);
        ids.set(chunk.group, id);
      }
      return { html: chunk.html, group: id, index: chunk.indexInGroup ?? 0 };
    }),
    groups,
  };
}

const CONTENT_TYPES: Record<string, string> = {
  woff2: 'font/woff2',
  png: 'image/png',
  jpg: 'image/jpeg',
  svg: 'image/svg+xml',
};

function contentTypeOf(path: string): string {
  return CONTENT_TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream';
}

export class SlideMeasurer {
  private constructor(private readonly page: Page) {}

  /**
   * A page in `context` with the deck's stylesheet (`css`, whose fonts are at ./fonts/<file>).
   * `extra`: more of the deck's files by path (KaTeX's fonts, the figures) and faces to load first.
   */
  static async open(
    context: BrowserContext,
    css: string,
    fonts: readonly SubsetFont[],
    extra: { files?: Record<string, Uint8Array>; faces?: readonly string[] } = {},
  ): Promise<SlideMeasurer> {
    const page = await context.newPage();
    const files = new Map<string, { body: string | Buffer; contentType: string }>([
      ['/reset.css', { body: await readFile(RESET_CSS), contentType: 'text/css' }],
      ['/style.css', { body: css, contentType: 'text/css' }],
      ...fonts.map(
        (font) =>
          [`/fonts/${font.fileName}`, { body: Buffer.from(font.woff2), contentType: 'font/woff2' }] as const,
      ),
    ]);
    for (const [path, bytes] of Object.entries(extra.files ?? {})) {
      files.set(`/${path}`, { body: Buffer.from(bytes), contentType: contentTypeOf(path) });
    }
    const fontNames = [
      ...fonts.map((f) => `${f.face.style} ${f.face.weight} 16px '${f.face.family}'`),
      ...(extra.faces ?? []),
    ];
    files.set('/index.html', { body: pageHtml(fontNames), contentType: 'text/html; charset=utf-8' });
    // The page reaches nothing but these files.
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const file = url.origin === ORIGIN ? files.get(url.pathname) : undefined;
      if (file) await route.fulfill({ status: 200, body: file.body, contentType: file.contentType });
      else await route.abort('blockedbyclient');
    });
    await page.goto(`${ORIGIN}/index.html`);
    await page.evaluate(installMeasureApi);
    await page.evaluate(loadFonts, fontNames);
    const missing = await page.evaluate(unloadedFonts);
    if (missing.length > 0) throw new Error(`deck fonts did not load in Chromium: ${missing.join(', ')}`);
    return new SlideMeasurer(page);
  }

  async close(): Promise<void> {
    await this.page.close();
  }

  /** The size of a slide's body box. */
  box(frame: SlideFrame): Promise<{ width: number; height: number }> {
    return this.call('box', [shown(frame)]);
  }

  /** Each chunk's height alone, and the body's height. */
  singles(frame: SlideFrame, chunks: readonly Chunk[]): Promise<{ available: number; heights: number[] }> {
    const { chunks: c, groups } = serialise(chunks);
    return this.call('singles', [shown(frame), c, groups]);
  }

  /** Heights of runs of chunks on one page (see RunHeights), up to the body's height / `minZoom`. */
  runs(frame: SlideFrame, chunks: readonly Chunk[], minZoom = 1): Promise<RunHeights> {
    const { chunks: c, groups } = serialise(chunks);
    return this.call('runs', [shown(frame), c, groups, minZoom]);
  }

  /** A divisible chunk cut into parts of at most `limit` px, each wrapped like the chunk's group. */
  divide(frame: SlideFrame, divisible: Divisible, limit: number, wrap: [string, string]): Promise<string[]> {
    return this.call('divide', [shown(frame), divisible, limit, wrap]);
  }

  /** Whether the body fits, and the zoom that makes it fit (not below the readable floor). */
  fit(frame: SlideFrame, html: string, readablePx: number): Promise<Fit> {
    return this.call('fit', [shown(frame), html, readablePx]);
  }

  /** For each html, the zoom each of its display formulas needs to fit its width (1: it fits). */
  formulaZooms(frame: SlideFrame, htmls: readonly string[]): Promise<number[][]> {
    return this.call('formulaZooms', [shown(frame), [...htmls]]);
  }

  /** Calls the page's measuring function `name` (see MeasureApi) with `args`. */
  private call<Name extends keyof MeasureApi>(
    name: Name,
    args: Parameters<MeasureApi[Name]>,
  ): Promise<ReturnType<MeasureApi[Name]>> {
    return this.page.evaluate(
      ([method, values]) => {
        const api = window.studykitMeasure;
        if (!api) throw new Error('the measuring page has no studykitMeasure');
        return (api[method] as (...a: unknown[]) => ReturnType<MeasureApi[Name]>)(...values);
      },
      [name, args] as const,
    );
  }
}
