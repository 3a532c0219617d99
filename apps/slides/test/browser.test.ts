/**
 * The built fixture decks in real headless Chromium: every slide of every deck is shown and checked
 * for console errors, outside or failed requests, content outside the slide frame and any glyph drawn
 * by a font that is not the deck's own; hostile strings must show literally and run nothing; the PDF
 * has a page per slide.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipNote } from '../../../tests/skips.js';
import { builtFixtureDecks, builtSlides, removeFixtureDecks, TEST_FAMILIES } from './build-fixture.js';
import {
  bodyUsage,
  DeckBrowser,
  FontProbe,
  noPoppler,
  pwned,
  readPdf,
  showSlide,
  slideText,
} from './deck-browser.js';
import { fixtureAst } from './fixtures.js';

const ast = fixtureAst();
let decks: DeckBrowser;

beforeAll(async () => {
  const { outDir } = await builtFixtureDecks();
  decks = await DeckBrowser.start(outDir);
}, 600_000);

afterAll(async () => {
  await decks?.close();
  await removeFixtureDecks();
});

describe.each(TEST_FAMILIES)('deck %s in Chromium', (family) => {
  const slides = () => builtSlides(decks.outDir, family);

  it("shows every slide inside its frame, in the deck's own fonts, with no error and no outside request", async () => {
    const { page, watch } = await decks.open(family);
    try {
      expect(await decks.stepThrough(page, family, slides(), !!process.env.SLIDES_SCREENSHOTS)).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.badRequests).toEqual([]);
      expect(watch.dialogs).toEqual([]);
      expect(await pwned(page)).toBeNull();
    } finally {
      await page.close();
    }
  }, 180_000);

  it.skipIf(noPoppler)(
    `exports a PDF with one page per slide holding every paper title${skipNote(noPoppler)}`,
    () => {
      const pdf = readPdf(join(decks.outDir, 'slides', `${family}.pdf`));
      const count = slides().length;
      expect(pdf.pages).toBe(count);
      const papers = ast.papers.filter((p) => p.family === family);
      expect(papers.length).toBeGreaterThan(0);
      for (const paper of papers) expect(pdf.text).toContain(paper.title.replace(/\s+/g, ''));
      // Every page carries its own slide number.
      expect(pdf.text).toContain(`2/${count}`);
      expect(pdf.text).toContain(`${count}/${count}`);
    },
  );
});

describe('pagination in Chromium', () => {
  it('keeps a section that fits one frame on one slide, and fills it', async () => {
    const slides = builtSlides(decks.outDir, 'demo');
    expect(slides.map((s) => s.title)).toContain('Limitations');
    const n = slides.findIndex((s) => s.title === 'Limitations') + 1;
    const { page } = await decks.open('demo', String(n));
    try {
      await showSlide(page, n);
      const usage = await bodyUsage(page, n);
      // Eleven bullets take most of the body yet fit it.
      expect(usage?.used).toBeLessThanOrEqual(usage?.available ?? 0);
      expect(usage?.used).toBeGreaterThan(0.8 * (usage?.available ?? 0));
    } finally {
      await page.close();
    }
  }, 60_000);

  it('draws the lineage diagram to fill its slide', async () => {
    const slides = builtSlides(decks.outDir, 'demo');
    const n = slides.findIndex((s) => s.kind === 'lineage') + 1;
    const { page } = await decks.open('demo', String(n));
    try {
      await showSlide(page, n);
      const fill = await page.evaluate((no) => {
        const body = document.querySelector(`.slidev-page-${no} .sk-body`)?.getBoundingClientRect();
        const svg = document.querySelector(`.slidev-page-${no} .sk-diagram svg`)?.getBoundingClientRect();
        return body && svg ? Math.max(svg.width / body.width, svg.height / body.height) : 0;
      }, n);
      // Fitted to the body's width or height, whichever binds (a thin strip would be far below 1).
      expect(fill).toBeGreaterThan(0.97);
      expect(fill).toBeLessThanOrEqual(1.01);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('sees which font drew the text (the probe is not blind)', async () => {
    const { page } = await decks.open('zh', '1');
    try {
      await showSlide(page, 1);
      const fonts = await (await FontProbe.attach(page)).fontsIn('.slidev-page-1');
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((font) => font.custom)).toBe(true);
      // The same probe on text set in a font the deck does not carry reports it as a system font.
      await page.evaluate(async () => {
        const probe = document.createElement('p');
        probe.id = 'probe';
        probe.textContent = 'system';
        probe.style.fontFamily = 'monospace';
        document.body.append(probe);
        // Laid out and painted before DevTools is asked (under load it once answered for no glyphs).
        await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
      });
      const probe = await FontProbe.attach(page);
      await expect.poll(() => probe.systemFontsIn('#probe'), { timeout: 5_000 }).toHaveLength(1);
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe('hostile strings', () => {
  const slides = () => builtSlides(decks.outDir, 'hostile');
  const slideNo = (title: string) => slides().findIndex((s) => s.title === title) + 1;
  const paperNo = () => slides().findIndex((s) => s.kind === 'paper') + 1;

  it('show literally on the slides and run nothing', async () => {
    const { page, watch } = await decks.open('hostile');
    const paper = paperNo();
    try {
      await showSlide(page, 1);
      expect(await slideText(page, 1)).toContain('Hostile {{ 7*7 }} <script>window.__pwned=1</script>');
      await showSlide(page, paper);
      const paperText = await slideText(page, paper);
      expect(paperText).toContain('Evil<b>1</b> {{ 2+2 }}');
      expect(paperText).toContain(`{{ $emit.constructor('window.__pwned=8')() }}`);
      expect(paperText).toContain('<img src=x onerror="window.__pwned=7">');
      const motivation = slideNo('Motivation (1/2)') || slideNo('Motivation');
      await showSlide(page, motivation);
      const motivationText = await slideText(page, motivation);
      expect(motivationText).toContain(`{{ $emit.constructor('window.__pwned=9')() }}`);
      // Formulas are typeset (KaTeX's HTML): no TeX left, `\href` never a link, `\text{}` shown as text.
      expect(motivationText).not.toContain('$a+b$');
      expect(await page.locator(`.slidev-page-${motivation} .katex`).count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator(`.slidev-page-${motivation} .katex a`).count()).toBe(0);
      expect(motivationText.replace(/\u00a0/g, ' ')).toContain(
        '{{ 3*3 }} </span><img src=x onerror=window.__pwned=21>',
      );
      expect(motivationText).toContain('<script>window.__pwned=10</script>');
      expect(motivationText).not.toContain('Evil 49');
      for (let n = 1; n <= slides().length; n += 1) await showSlide(page, n);
      // No element made from content: no <img>, <style>, <script> or javascript: link in any slide body
      // (the lineage diagram's SVG carries mermaid's own <style>, so only the content parts are looked at).
      expect(await page.locator('.sk-slide').count()).toBeGreaterThan(0);
      expect(await page.locator('.sk-slide img, .sk-slide script, .sk-slide style').count()).toBe(0);
      expect(await page.locator('.slidev-layout a[href^="javascript"]').count()).toBe(0);
      expect(await pwned(page)).toBeNull();
      expect(watch.dialogs).toEqual([]);
      expect(watch.badRequests).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  it('show literally in the presenter notes', async () => {
    const paper = paperNo();
    const { page, watch } = await decks.open('hostile', `presenter/${paper}`);
    try {
      const notes = page.locator('.slidev-note').first();
      await notes.waitFor({ timeout: 20_000 });
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the speaker sees
      const text = await notes.innerText();
      expect(text).toContain(
        'Notes with {{ 9*9 }} and <img src=x onerror="window.__pwned=16"> and --> end of comment.',
      );
      expect(await page.locator('.slidev-note img').count()).toBe(0);
      expect(await pwned(page)).toBeNull();
      expect(watch.dialogs).toEqual([]);
      expect(watch.badRequests).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe('content', () => {
  it('shows the Chinese fixture text', async () => {
    const slides = builtSlides(decks.outDir, 'zh');
    const { page } = await decks.open('zh');
    try {
      const paper = slides.findIndex((s) => s.kind === 'paper') + 1;
      await showSlide(page, paper);
      await expect
        .poll(() =>
          page.locator(`.slidev-page-${paper}`).getByText('通用语言模型：自回归空白填充预训练').isVisible(),
        )
        .toBe(true);
      const approach = slides.findIndex((s) => s.title === '方法') + 1;
      await showSlide(page, approach);
      expect(await slideText(page, approach)).toContain('随机遮盖输入中的连续片段');
    } finally {
      await page.close();
    }
  }, 60_000);

  it('gives the presenter the notes and the next slide', async () => {
    const slides = builtSlides(decks.outDir, 'demo');
    const paper = slides.findIndex((s) => s.title === 'Alpha-1') + 1;
    const { page, watch } = await decks.open('demo', `presenter/${paper}`);
    try {
      const notes = page.locator('.slidev-note').first();
      await notes.waitFor({ timeout: 20_000 });
      await expect.poll(() => notes.textContent()).toContain('Start with the scarcity of labels');
      await expect
        .poll(() => page.locator('.next').first().textContent())
        .toContain(slides[paper]?.title ?? '?');
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.badRequests).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('draws the lineage diagram with the family papers', async () => {
    const slides = builtSlides(decks.outDir, 'demo');
    const lineage = slides.findIndex((s) => s.kind === 'lineage') + 1;
    expect(lineage).toBeGreaterThan(0);
    const { page } = await decks.open('demo', String(lineage));
    try {
      const svg = page.locator(`.slidev-page-${lineage} .sk-diagram svg`).first();
      await svg.waitFor({ timeout: 20_000 });
      const labels = await svg.evaluate((element) => element.textContent ?? '');
      expect(labels).toContain('Alpha-1');
      expect(labels).toContain('Alpha-2');
    } finally {
      await page.close();
    }
  }, 60_000);
});
