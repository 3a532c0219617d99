/**
 * The figures fixture (tests/fixtures/content-figures: inline and display formulas, a PNG, a JPEG, two
 * SVGs, a large PNG, a mermaid block with a Chinese caption, Chinese alt text, a meeting whose
 * questions hold formulas) built once, family deck and meeting deck, and looked at in Chromium as the
 * audience and the presenter see them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImageAsset, StudyAst } from '@studykit/core';
import { loadContent } from '@studykit/core/fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../tests/temporary.js';
import { type DeckManifest, readManifest } from '../src/index.js';
import { renderInto } from './build-fixture.js';
import { DeckBrowser, FontProbe, showSlide, slideText } from './deck-browser.js';

const CONTENT = fileURLToPath(new URL('../../../tests/fixtures/content-figures', import.meta.url));
const FAMILY = 'slides/diffusion';
const MEETING = 'meetings/2026-12-17';

let ast: StudyAst;
let outDir: string;
let decks: DeckBrowser;

beforeAll(async () => {
  ast = await loadContent(CONTENT, { currentYear: 2026 });
  expect(ast.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  // SLIDES_TEST_OUT keeps the decks (and SLIDES_SCREENSHOTS' pictures) for a look.
  outDir = process.env.SLIDES_TEST_OUT ?? temporaryFolder('studykit-slides-figures-');
  await renderInto(ast, outDir, {
    families: ['diffusion'],
    meetings: ['2026-12-17'],
    readImage: async (asset) => new Uint8Array(await readFile(join(CONTENT, asset.file))),
  });
  decks = await DeckBrowser.start(outDir);
}, 600_000);

afterAll(async () => {
  await decks?.close();
});

function manifest(folder: string): DeckManifest {
  const found = readManifest(join(outDir, folder));
  if (!found) throw new Error(`no deck in ${folder}`);
  return found;
}

/** 1-based numbers of the slides whose element matches `selector` (every slide is mounted on the print route). */
function slidesWith(page: Page, selector: string): Promise<number[]> {
  return page.evaluate((css) => {
    const numbers: number[] = [];
    for (const slide of document.querySelectorAll('[class*="slidev-page-"]')) {
      const n = Number(/slidev-page-(\d+)/.exec(slide.className)?.[1]);
      if (n && slide.querySelector(css) && !numbers.includes(n)) numbers.push(n);
    }
    return numbers.sort((a, b) => a - b);
  }, selector);
}

function assets(): ImageAsset[] {
  const found: ImageAsset[] = [];
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const asset = (node as { type?: string; data?: { asset?: ImageAsset } }).data?.asset;
    if ((node as { type?: string }).type === 'image' && asset) found.push(asset);
    for (const value of Object.values(node)) visit(value);
  };
  visit([ast.families, ast.papers]);
  return found;
}

describe.each([FAMILY, MEETING])('the %s deck', (folder) => {
  it("shows every slide inside its frame, in the deck's own fonts (KaTeX's are the deck's), with no error or outside request", async () => {
    const { page, watch } = await decks.open(folder);
    try {
      const slides = manifest(folder).slides;
      expect(
        await decks.stepThrough(page, folder.replace('/', '-'), slides, !!process.env.SLIDES_SCREENSHOTS),
      ).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.badRequests).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);
});

describe('formulas', () => {
  it('are drawn by KaTeX’s fonts, and no slide shows TeX', async () => {
    const { page } = await decks.open(FAMILY, 'export');
    try {
      const slides = manifest(FAMILY).slides;
      // The export view mounts its slides one after another: count only once every slide is there
      // (under load the count once ran after the first).
      await page.waitForFunction(
        (count) =>
          new Set(
            [...document.querySelectorAll('[class*="slidev-page-"]')].map(
              (slide) => /slidev-page-(\d+)/.exec(slide.className)?.[1],
            ),
          ).size >= count,
        slides.length,
        { timeout: 60_000 },
      );
      const withMath = await slidesWith(page, '.katex');
      // The overview, Motivation, Approach (inline and display) and the Codex estimator.
      expect(withMath.length).toBeGreaterThanOrEqual(3);
      await page.close();
      const shown = await decks.open(FAMILY);
      const fonts = await FontProbe.attach(shown.page);
      const families = new Set<string>();
      for (let n = 1; n <= slides.length; n += 1) {
        await showSlide(shown.page, n);
        const text = await slideText(shown.page, n);
        expect(text, `slide ${n}`).not.toMatch(/\$|\\[A-Za-z]+|\^\{|_\{/);
        if (!withMath.includes(n)) continue;
        const drawn = await fonts.fontsIn(`.slidev-page-${n} .katex`);
        expect(
          drawn.every((font) => font.custom),
          `slide ${n}: ${JSON.stringify(drawn)}`,
        ).toBe(true);
        for (const font of drawn) families.add(font.family);
      }
      // Letters, operators and a big delimiter: each in KaTeX's own face.
      expect([...families]).toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math', 'KaTeX_Size1']));
      await shown.page.close();
    } finally {
      await page.close().catch(() => {});
    }
  }, 120_000);

  it('keeps a display formula whole on one slide', async () => {
    const slides = manifest(FAMILY).slides;
    const { page } = await decks.open(FAMILY);
    try {
      // DDPM's Approach holds two display formulas and the diagram.
      const approach = slides.flatMap((s, i) =>
        s.paper === 'ddpm' && s.title.startsWith('Approach') ? [i + 1] : [],
      );
      let displays = 0;
      for (const n of approach) {
        await showSlide(page, n);
        const boxes = await page.evaluate((no) => {
          const slide = document.querySelector(`.slidev-page-${no}`);
          const frame = slide?.querySelector('.slidev-layout')?.getBoundingClientRect();
          return Array.from(slide?.querySelectorAll('.sk-math') ?? []).map((element) => {
            const box = element.getBoundingClientRect();
            return {
              inside:
                !!frame && box.top >= frame.top && box.bottom <= frame.bottom && box.right <= frame.right + 1,
              height: box.height,
            };
          });
        }, n);
        for (const box of boxes) expect(box).toMatchObject({ inside: true });
        displays += boxes.length;
      }
      expect(displays).toBe(2);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('are typeset in the presenter’s notes', async () => {
    const slides = manifest(FAMILY).slides;
    const paper = slides.findIndex((s) => s.kind === 'paper' && s.paper === 'ddpm') + 1;
    const { page, watch } = await decks.open(FAMILY, `presenter/${paper}`);
    try {
      const notes = page.locator('.slidev-note').first();
      await notes.waitFor({ timeout: 20_000 });
      await expect.poll(() => notes.locator('.katex').count()).toBeGreaterThanOrEqual(2);
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the speaker sees
      const text = await notes.innerText();
      expect(text).toContain('Write the objective on the board');
      expect(text).not.toMatch(/\$|\\text|\\lambda/);
      const fonts = await FontProbe.attach(page);
      expect(await fonts.systemFontsIn('.slidev-note')).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('are typeset in the meeting’s discussion questions', async () => {
    const slides = manifest(MEETING).slides;
    const discussion = slides.findIndex((s) => s.kind === 'discussion') + 1;
    expect(discussion).toBeGreaterThan(0);
    const { page } = await decks.open(MEETING, String(discussion));
    try {
      await showSlide(page, discussion);
      expect(await page.locator(`.slidev-page-${discussion} .sk-questions .katex`).count()).toBe(3);
      const text = await slideText(page, discussion);
      expect(text).toContain('Why does DDPM predict the noise');
      expect(text).toContain('pass@k');
      expect(text).not.toMatch(/\$|\\epsilon/);
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe('images', () => {
  it('are the deck’s own files, named by their digests', () => {
    const files = readdirSync(join(outDir, FAMILY, 'assets'));
    const shown = assets();
    expect(shown.map((a) => a.format).sort()).toEqual(expect.arrayContaining(['jpeg', 'png', 'svg']));
    for (const asset of shown) {
      const extension = asset.format === 'jpeg' ? 'jpg' : asset.format;
      const name = files.find(
        (file) => file.startsWith(`${asset.digest.slice(0, 16)}-`) && file.endsWith(`.${extension}`),
      );
      expect(name, asset.file).toBeDefined();
      expect(readFileSync(join(outDir, FAMILY, 'assets', name as string)).length).toBe(asset.bytes);
    }
  });

  it('are shown loaded, at their aspect ratio, inside the frame, with their Chinese alt text', async () => {
    const slides = manifest(FAMILY).slides;
    const { page, watch } = await decks.open(FAMILY);
    try {
      const seen: { alt: string; ratio: number; natural: number; src: string }[] = [];
      for (let n = 1; n <= slides.length; n += 1) {
        await showSlide(page, n);
        const images = await page.evaluate(async (no) => {
          const list = Array.from(document.querySelectorAll<HTMLImageElement>(`.slidev-page-${no} img`));
          await Promise.all(list.map((img) => img.decode().catch(() => undefined)));
          const frame = document.querySelector(`.slidev-page-${no} .slidev-layout`)?.getBoundingClientRect();
          return list.map((img) => {
            const box = img.getBoundingClientRect();
            return {
              alt: img.alt,
              src: img.getAttribute('src') ?? '',
              loaded: img.complete && img.naturalWidth > 0,
              ratio: box.width / box.height,
              natural: img.naturalWidth / img.naturalHeight,
              inside:
                !!frame &&
                box.left >= frame.left - 1 &&
                box.right <= frame.right + 1 &&
                box.top >= frame.top - 1 &&
                box.bottom <= frame.bottom + 1,
              visible: box.width > 20 && box.height > 20,
            };
          });
        }, n);
        for (const image of images) {
          expect(image, `slide ${n}`).toMatchObject({ loaded: true, inside: true, visible: true });
          expect(image.src).toMatch(/assets\/[0-9a-f]{16}-[\w-]+\.(png|jpg|svg)$/);
          seen.push(image);
        }
      }
      for (const image of seen)
        expect(Math.abs(image.ratio / image.natural - 1), image.alt).toBeLessThan(0.02);
      expect(seen.map((image) => image.alt)).toEqual(
        expect.arrayContaining(['从噪声到图像的去噪过程', 'CIFAR-10 samples']),
      );
      expect(watch.badRequests).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  it('give a large figure a slide of its own, with its alt text as the caption', async () => {
    const slides = manifest(FAMILY).slides;
    const { page } = await decks.open(FAMILY);
    try {
      const results = slides.flatMap((s, i) =>
        s.paper === 'codex-eval' && s.title.startsWith('Results') ? [i + 1] : [],
      );
      const alone: number[] = [];
      for (const n of results) {
        await showSlide(page, n);
        if ((await page.locator(`.slidev-page-${n} .sk-figure-alone`).count()) > 0) alone.push(n);
      }
      expect(alone).toHaveLength(1);
      const n = alone[0] as number;
      const body = page.locator(`.slidev-page-${n} .sk-zoom`);
      // Nothing else on that slide: the figure and its caption.
      expect(await body.locator(':scope > *').count()).toBe(1);
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered caption is what the audience reads
      expect(await body.locator('figcaption').innerText()).toBe('Training loss over steps, a large figure');
      const size = await body
        .locator('img')
        .evaluate((img: HTMLImageElement) => ({ width: img.width, height: img.height }));
      // Drawn as large as the body allows, far more than half of it.
      expect(size.height).toBeGreaterThan(300);
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe('diagrams', () => {
  it('are inline SVG drawn at build time in the kit’s fonts, with their Chinese caption', async () => {
    const slides = manifest(FAMILY).slides;
    const { page } = await decks.open(FAMILY);
    try {
      const approach = slides.flatMap((s, i) =>
        s.paper === 'ddpm' && s.title.startsWith('Approach') ? [i + 1] : [],
      );
      let found = 0;
      const fonts = await FontProbe.attach(page);
      for (const n of approach) {
        await showSlide(page, n);
        const diagram = page.locator(`.slidev-page-${n} .sk-figure-diagram svg`);
        if ((await diagram.count()) === 0) continue;
        found += 1;
        expect(await diagram.locator('text').allTextContents()).toEqual(
          expect.arrayContaining(['q: add noise']),
        );
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered caption is what the audience reads
        expect(await page.locator(`.slidev-page-${n} figcaption`).innerText()).toBe('前向加噪与反向去噪');
        const drawn = await fonts.fontsIn(`.slidev-page-${n} .sk-figure-diagram`);
        expect(drawn.length).toBeGreaterThan(0);
        expect(drawn.every((font) => font.custom)).toBe(true);
      }
      expect(found).toBe(1);
      // Drawn at build time: the deck's slides.md holds the SVG itself, not mermaid text for a script.
      const markdown = readFileSync(join(outDir, FAMILY, 'slides.md'), 'utf8');
      expect(markdown).toMatch(/<div class="sk-figure-diagram"><svg [^>]*id="/);
      expect(markdown).not.toContain('flowchart LR');
    } finally {
      await page.close();
    }
  }, 60_000);
});
