/**
 * The built fixture decks in real headless Chromium: every slide of every deck is shown and checked
 * for console errors, outside or failed requests and content outside the slide frame; hostile
 * strings must show literally and run nothing; the PDF has a page per slide.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../src/index.js';
import { builtFixtureDecks, removeFixtureDecks, TEST_FAMILIES } from './build-fixture.js';
import { bodyUsage, DeckBrowser, pwned, readPdf, showSlide, slideText } from './deck-browser.js';
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
  const slides = buildDeck(ast, family);

  it('shows every slide inside its frame, with no error and no outside request', async () => {
    const { page, watch } = await decks.open(family);
    try {
      expect(await decks.stepThrough(page, family, slides, !!process.env.SLIDES_SCREENSHOTS)).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.badRequests).toEqual([]);
      expect(watch.dialogs).toEqual([]);
      expect(await pwned(page)).toBeNull();
    } finally {
      await page.close();
    }
  }, 180_000);

  it('exports a PDF with one page per slide holding every paper title', () => {
    const pdf = readPdf(join(decks.outDir, 'slides', `${family}.pdf`));
    expect(pdf.pages).toBe(slides.length);
    const papers = ast.papers.filter((p) => p.family === family);
    expect(papers.length).toBeGreaterThan(0);
    for (const paper of papers) expect(pdf.text).toContain(paper.title.replace(/\s+/g, ''));
    // Every page carries its own slide number.
    expect(pdf.text).toContain(`2/${slides.length}`);
    expect(pdf.text).toContain(`${slides.length}/${slides.length}`);
  });
});

describe('pagination in Chromium', () => {
  it('keeps a section that fits one frame on one slide, and fills it', async () => {
    const slides = buildDeck(ast, 'demo');
    expect(slides.map((s) => s.title)).toContain('Limitations');
    const n = slides.findIndex((s) => s.title === 'Limitations') + 1;
    const { page } = await decks.open('demo', String(n));
    try {
      await showSlide(page, n);
      const usage = await bodyUsage(page, n);
      // Eleven bullets take most of the body yet fit it (the old estimate split them 10 + 1).
      expect(usage?.used).toBeLessThanOrEqual(usage?.available ?? 0);
      expect(usage?.used).toBeGreaterThan(0.85 * (usage?.available ?? 0));
    } finally {
      await page.close();
    }
  }, 60_000);

  it.each(TEST_FAMILIES)(
    'estimates the height of every paginated slide of %s within a line of what Chromium draws',
    async (family) => {
      const slides = buildDeck(ast, family);
      const { page } = await decks.open(family);
      const misses: string[] = [];
      try {
        for (let n = 1; n <= slides.length; n += 1) {
          const slide = slides[n - 1];
          if (slide?.estimatedHeight === undefined || slide.zoom !== 1) continue;
          await showSlide(page, n);
          const usage = await bodyUsage(page, n);
          if (!usage) continue;
          const error = slide.estimatedHeight - usage.used;
          // Never short (that would overflow), and at most about one body line too tall.
          if (error < -2 || error > 30)
            misses.push(`${n} "${slide.title}": estimated ${slide.estimatedHeight}, drawn ${usage.used}`);
        }
      } finally {
        await page.close();
      }
      expect(misses).toEqual([]);
    },
    120_000,
  );
});

describe('hostile strings', () => {
  const slides = buildDeck(ast, 'hostile');
  const slideNo = (title: string) => slides.findIndex((s) => s.title === title) + 1;
  const paper = slides.findIndex((s) => s.kind === 'paper') + 1;

  it('show literally on the slides and run nothing', async () => {
    const { page, watch } = await decks.open('hostile');
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
      expect(motivationText).toContain('$a+b$');
      expect(motivationText).toContain('<script>window.__pwned=10</script>');
      expect(motivationText).not.toContain('Evil 49');
      for (let n = 1; n <= slides.length; n += 1) await showSlide(page, n);
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
    const slides = buildDeck(ast, 'zh');
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
    const slides = buildDeck(ast, 'demo');
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
    const slides = buildDeck(ast, 'demo');
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
