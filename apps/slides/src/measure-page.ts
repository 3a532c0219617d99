/// <reference lib="dom" />
/**
 * Measures slides in Chromium: a page holding one slide frame with the deck's real stylesheet, its
 * subset fonts and Slidev's own CSS reset, so that a height read here is the height the built deck
 * draws. Nothing is estimated in Node; the pure paginator only chooses breaks from these numbers.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { coverage, type SubsetFont } from '@studykit/fonts';
import type { BrowserContext, Page } from 'playwright-core';
import type { Chunk, Divisible } from './chunks.js';
import { CANVAS_WIDTH } from './layout.js';
import type { RunHeights } from './paginate.js';

const ORIGIN = 'http://studykit-measure.invalid';
const require = createRequire(import.meta.url);
/** The reset Slidev's client imports first (`@unocss/reset/tailwind.css`). */
const RESET_CSS = require.resolve('@unocss/reset/tailwind.css');

/** What a slide's frame shows above its body. */
export interface SlideFrame {
  kind: string;
  kicker: string;
  title: string;
  /** Pixels held back at the bottom of the body (set when the built deck overflowed there). */
  reserve?: number;
}

export interface Fit {
  /** 1, or the scale that makes the body fit (never below the readable floor). */
  zoom: number;
  fits: boolean;
  /** Content height at zoom 1 and the room the body has, in canvas pixels. */
  used: number;
  available: number;
}

/** The page's side: it lays out and measures; it decides nothing. Runs in Chromium, kept as text. */
const PAGE_SCRIPT = `
const frame = document.getElementById('frame');
const slide = document.getElementById('slide');
const kicker = document.getElementById('kicker');
const title = document.getElementById('title');
const body = document.getElementById('body');
const zoomBox = document.getElementById('zoom');

let reserve = 0;
function setFrame(f) {
  reserve = f.reserve || 0;
  frame.className = 'slidev-layout default sk-page sk-page-' + f.kind;
  slide.className = 'sk-slide sk-' + f.kind;
  kicker.textContent = f.kicker;
  title.textContent = f.title;
}

/** The body's width, and the room from its top to the frame's content edge (a cover's body is not stretched). */
function box(f) {
  if (f) setFrame(f);
  const r = body.getBoundingClientRect();
  const frameBox = frame.getBoundingClientRect();
  const bottom = frameBox.bottom - parseFloat(getComputedStyle(frame).paddingBottom);
  return { width: r.width, height: bottom - r.top - reserve };
}

/** Height the content takes from the body's top (margins below the last line excluded). */
function used(html, zoom) {
  zoomBox.style.zoom = zoom === 1 ? '' : String(zoom);
  zoomBox.innerHTML = html;
  const range = document.createRange();
  range.selectNodeContents(zoomBox);
  const content = range.getBoundingClientRect();
  const b = body.getBoundingClientRect();
  const height = content.height === 0 && content.width === 0 ? 0 : content.bottom - b.top;
  const wide = content.width > 0 && (content.right > b.right + 0.5 || content.left < b.left - 0.5);
  return { height, wide };
}

function join(chunks, groups, from, to) {
  let html = '';
  let open = -1;
  for (let i = from; i < to; i++) {
    const c = chunks[i];
    const g = c.group === undefined ? -1 : c.group;
    if (g !== open) {
      if (open >= 0) html += groups[open].close;
      if (g >= 0) html += groups[g].open.replace('{start}', String((c.index || 0) + 1));
      open = g;
    }
    html += c.html;
  }
  if (open >= 0) html += groups[open].close;
  return html;
}

/** Heights of runs chunks[from..to); each row stops at the first run that does not fit. */
function runs(f, chunks, groups) {
  setFrame(f);
  const available = box().height;
  const rows = [];
  for (let from = 0; from < chunks.length; from++) {
    const row = [];
    for (let to = from + 1; to <= chunks.length; to++) {
      const m = used(join(chunks, groups, from, to), 1);
      const height = m.wide ? Infinity : m.height;
      row.push(height === Infinity ? 1e9 : height);
      if (height > available) break;
    }
    rows.push(row);
  }
  return { available, runs: rows };
}

/** Heights of each chunk alone (inside its group's wrapper). */
function singles(f, chunks, groups) {
  setFrame(f);
  const available = box().height;
  return { available, heights: chunks.map((c, i) => used(join(chunks, groups, i, i + 1), 1).height) };
}

/** Cut a divisible chunk into parts of at most 'limit' px, preferring sentence ends. */
function divide(f, d, limit, wrap) {
  setFrame(f);
  const part = (from, to) => (from === 0 ? d.open : d.continuedOpen) + d.atoms.slice(from, to).join('') + d.close;
  const parts = [];
  let from = 0;
  while (from < d.atoms.length) {
    // The longest run from 'from' that fits, by binary search (at least one atom).
    let lo = from + 1;
    let hi = d.atoms.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (used(wrap[0] + part(from, mid) + wrap[1], 1).height <= limit) lo = mid;
      else hi = mid - 1;
    }
    let to = lo;
    if (to < d.atoms.length) {
      for (let k = to - 1; k > from + (to - from) / 2; k--) {
        if (d.sentenceEnds[k]) { to = k + 1; break; }
      }
    }
    parts.push(part(from, to));
    from = to;
  }
  return parts;
}

/** The largest zoom (down to 'floor') at which the html fits the body. */
function fit(f, html, readablePx) {
  setFrame(f);
  const available = box().height;
  const first = used(html, 1);
  let smallest = Infinity;
  for (const el of zoomBox.querySelectorAll('*')) {
    if (![...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim())) continue;
    smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
  }
  if (!first.wide && first.height <= available) return { zoom: 1, fits: true, used: first.height, available };
  const floor = Math.min(1, smallest === Infinity ? 0.6 : readablePx / smallest);
  let lo = Math.floor(floor * 100);
  let hi = 100;
  const fitsAt = (z) => { const m = used(html, z / 100); return !m.wide && m.height <= available; };
  if (!fitsAt(lo)) return { zoom: lo / 100, fits: false, used: first.height, available };
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fitsAt(mid)) lo = mid; else hi = mid - 1;
  }
  return { zoom: lo / 100, fits: true, used: first.height, available };
}

window.studykitMeasure = { setFrame, box, runs, singles, divide, fit };
`;

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
<script>${PAGE_SCRIPT}</script></body></html>`;
}

interface SerialChunks {
  chunks: { html: string; group?: number; index?: number }[];
  groups: { open: string; close: string }[];
}

/** The frame's texts as the deck shows them (a character no face has is drawn as '?'). */
function shown(frame: SlideFrame): SlideFrame {
  return {
    kind: frame.kind,
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

export class SlideMeasurer {
  private constructor(private readonly page: Page) {}

  /** A page in `context` with the deck's stylesheet (`css`, whose fonts are at ./fonts/<file>). */
  static async open(
    context: BrowserContext,
    css: string,
    fonts: readonly SubsetFont[],
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
    const fontNames = fonts.map((f) => `${f.face.style} ${f.face.weight} 16px '${f.face.family}'`);
    files.set('/index.html', { body: pageHtml(fontNames), contentType: 'text/html; charset=utf-8' });
    // The page reaches nothing but these files.
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const file = url.origin === ORIGIN ? files.get(url.pathname) : undefined;
      if (file) await route.fulfill({ status: 200, body: file.body, contentType: file.contentType });
      else await route.abort('blockedbyclient');
    });
    await page.goto(`${ORIGIN}/index.html`);
    await page.evaluate(async (names) => {
      await Promise.all(names.map((name) => document.fonts.load(name)));
      await document.fonts.ready;
    }, fontNames);
    const missing = await page.evaluate(() =>
      [...document.fonts].filter((face) => face.status !== 'loaded').map((face) => face.family),
    );
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

  /** Heights of runs of chunks on one page (see RunHeights). */
  runs(frame: SlideFrame, chunks: readonly Chunk[]): Promise<RunHeights> {
    const { chunks: c, groups } = serialise(chunks);
    return this.call('runs', [shown(frame), c, groups]);
  }

  /** A divisible chunk cut into parts of at most `limit` px, each wrapped like the chunk's group. */
  divide(frame: SlideFrame, divisible: Divisible, limit: number, wrap: [string, string]): Promise<string[]> {
    return this.call('divide', [shown(frame), divisible, limit, wrap]);
  }

  /** Whether the body fits, and the zoom that makes it fit (not below the readable floor). */
  fit(frame: SlideFrame, html: string, readablePx: number): Promise<Fit> {
    return this.call('fit', [shown(frame), html, readablePx]);
  }

  private call<T>(name: string, args: unknown[]): Promise<T> {
    return this.page.evaluate(
      ([method, values]) => {
        const api = (window as unknown as { studykitMeasure: Record<string, (...a: unknown[]) => unknown> })
          .studykitMeasure;
        return api[method as string]?.(...(values as unknown[])) as T;
      },
      [name, args] as const,
    );
  }
}
