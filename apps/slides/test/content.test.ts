import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StudyAst } from '@studykit/core';
import { loadContent } from '@studykit/core/fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipNote } from '../../../tests/skips.js';
import { temporaryFolder } from '../../../tests/temporary.js';
import { readManifest } from '../src/index.js';
import { deckDigest } from '../src/inputs.js';
import { builtSlides, renderInto } from './build-fixture.js';
import { DeckBrowser, noPoppler, pwned, readPdf, showSlide } from './deck-browser.js';
import { measureLineageSlide } from './lineage-measures.js';
import { deckPacing, pacingProblems } from './pacing.js';
import { pdfOutline } from './pdf-outline.js';

const CONTENT = fileURLToPath(new URL('../../../content', import.meta.url));
const REPOSITORY_OUT = fileURLToPath(new URL('../../../out', import.meta.url));

/**
 * The repository's out/, when the family decks `npm run setup` built there are exactly what this file
 * would build: each deck.json carries the digest of this content, this built code and this Chromium
 * (`npm test` builds the code first, and says so in STUDYKIT_CODE_BUILT). They are then only read,
 * never written. Otherwise (content edited since, a code change not rendered yet, a run of this file
 * alone) the decks are built into a folder of this file's own.
 */
function currentShippedDecks(ast: StudyAst, families: string[]): string | undefined {
  if (process.env.STUDYKIT_CODE_BUILT !== '1' || process.env.SLIDES_SCREENSHOTS) return undefined;
  const current = families.every((id) => {
    const target = { id, kind: 'family' as const, folder: `slides/${id}` };
    return (
      readManifest(join(REPOSITORY_OUT, target.folder))?.inputs ===
        deckDigest(ast, target, { notes: true, pdf: true }) &&
      existsSync(join(REPOSITORY_OUT, `${target.folder}.pdf`))
    );
  });
  return current ? REPOSITORY_OUT : undefined;
}

describe('decks of the shipped content', () => {
  let ast: StudyAst;
  let decks: DeckBrowser;
  // SLIDES_CONTENT_OUT keeps the decks somewhere to look at.
  let OUT = process.env.SLIDES_CONTENT_OUT ?? '';

  beforeAll(async () => {
    ast = await loadContent(CONTENT);
    // The families' decks, which is what this looks at (meeting decks are tested on the fixture).
    const families = ast.families.filter((f) => f.papers.length > 0).map((f) => f.id);
    const built = OUT ? undefined : currentShippedDecks(ast, families);
    if (built) {
      OUT = built;
      console.log(
        `content.test: the decks in ${built} are current (same content, code and Chromium): read there`,
      );
    } else {
      OUT ||= temporaryFolder('studykit-content-decks-');
      await renderInto(ast, OUT, { families });
    }
    decks = await DeckBrowser.start(OUT);
  }, 1_800_000);

  afterAll(async () => {
    await decks?.close();
  });

  it('has no content errors', () => {
    expect(ast.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('shows every slide of every deck inside its frame, in its own fonts, without errors or outside requests', async () => {
    for (const family of ast.families.filter((f) => f.papers.length > 0)) {
      const slides = builtSlides(OUT, family.id);
      const { page, watch } = await decks.open(family.id);
      try {
        const problems = await decks.stepThrough(page, family.id, slides, !!process.env.SLIDES_SCREENSHOTS);
        expect({ family: family.id, problems, ...watch }).toEqual({
          family: family.id,
          problems: [],
          consoleErrors: [],
          badRequests: [],
          dialogs: [],
        });
        expect(await pwned(page)).toBeNull();
      } finally {
        await page.close();
      }
    }
  }, 600_000);

  it('is paced as a presenter would: no lead-in ends a slide before its list, no cell is cut with "…", no split set could take fewer slides', async () => {
    for (const family of ast.families.filter((f) => f.papers.length > 0)) {
      const slides = builtSlides(OUT, family.id);
      const facts = await deckPacing(decks, `slides/${family.id}`, slides.length);
      expect({ family: family.id, problems: pacingProblems(facts, slides) }).toEqual({
        family: family.id,
        problems: [],
      });
    }
  }, 300_000);

  it('draws every lineage slide with labels at least 0.6 of the body text, none overlapping, no edge through a node', async () => {
    const problems: string[] = [];
    let lineageSlides = 0;
    for (const family of ast.families.filter((f) => f.papers.length > 0)) {
      const slides = builtSlides(OUT, family.id);
      const { page } = await decks.open(family.id);
      try {
        for (const [index, slide] of slides.entries()) {
          if (slide.kind !== 'lineage') continue;
          const n = index + 1;
          lineageSlides++;
          await showSlide(page, n);
          await page.locator(`.slidev-page-${n} .sk-diagram svg`).first().waitFor({ timeout: 20_000 });
          const measured = await measureLineageSlide(
            page,
            `${family.id} slide ${n} "${slide.title}"`,
            `.slidev-page-${n} .sk-diagram svg`,
            `.slidev-page-${n} .sk-body`,
          );
          problems.push(...measured.problems);
          if (process.env.SLIDES_SCREENSHOTS) {
            mkdirSync(join(OUT, 'screens'), { recursive: true });
            await page.screenshot({
              path: join(OUT, 'screens', `${family.id}-lineage-${n}-${measured.ratio}.png`),
            });
          }
        }
      } finally {
        await page.close();
      }
    }
    expect(lineageSlides).toBeGreaterThanOrEqual(ast.families.filter((f) => f.papers.length > 0).length);
    expect(problems).toEqual([]);
  }, 300_000);

  it.skipIf(noPoppler)(`exports one PDF page per slide, with every paper title${skipNote(noPoppler)}`, () => {
    for (const family of ast.families.filter((f) => f.papers.length > 0)) {
      const pdf = readPdf(join(decks.outDir, 'slides', `${family.id}.pdf`));
      expect({ family: family.id, pages: pdf.pages }).toEqual({
        family: family.id,
        pages: builtSlides(OUT, family.id).length,
      });
      for (const paper of ast.papers.filter((p) => p.family === family.id)) {
        expect(pdf.text).toContain(paper.title.replace(/\s+/g, ''));
      }
    }
  });

  it('puts speaker notes on every slide but the cover, agenda and references, none copied onto two slides', () => {
    // Every slide a presenter faces has its note: content/ writes notes for every section of every paper
    // and the kit writes the rest. Before the notes were divided and generated, and before the content
    // had notes for every section, openai had 22 of 58 slides with notes, 7 of them copies.
    const quiet = new Set(['cover', 'agenda', 'references']);
    for (const family of ast.families.filter((f) => f.papers.length > 0)) {
      const slides = builtSlides(OUT, family.id);
      const without = slides.flatMap((slide, index) =>
        slide.notes.length === 0 && !quiet.has(slide.kind) ? [`${index + 1} ${slide.title}`] : [],
      );
      expect({ family: family.id, without }).toEqual({ family: family.id, without: [] });
      const texts = slides.flatMap((slide) => slide.notes.map((note) => JSON.stringify(note)));
      expect({ family: family.id, copies: texts.length - new Set(texts).size }).toEqual({
        family: family.id,
        copies: 0,
      });
    }
  });

  it("shows the presenter each split slide's own part of the notes (the dataset table only under Details 1/3)", async () => {
    const slides = builtSlides(OUT, 'openai');
    const details = slides.flatMap((slide, index) =>
      slide.paper === 'instructgpt' && slide.title.startsWith('Details (') ? [index + 1] : [],
    );
    expect(details.length).toBeGreaterThan(1);
    const seen: string[] = [];
    for (const n of details) {
      const { page } = await decks.open('openai', `presenter/${n}`);
      try {
        const notes = page.locator('.slidev-note').first();
        await notes.waitFor({ timeout: 20_000 });
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the speaker sees
        seen.push(await notes.innerText());
      } finally {
        await page.close();
      }
    }
    expect(seen.map((text) => text.includes('The dataset table is the slide people remember'))).toEqual(
      details.map((_, index) => index === 0),
    );
  }, 120_000);

  it.skipIf(noPoppler)(
    `titles each deck PDF with the deck's name and bookmarks every paper at its title slide${skipNote(noPoppler)}`,
    async () => {
      for (const family of ast.families.filter((f) => f.papers.length > 0)) {
        const path = join(decks.outDir, 'slides', `${family.id}.pdf`);
        const title = /^Title:\s+(.*)$/m.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1];
        expect(title).toBe(family.name);
        const slides = builtSlides(OUT, family.id);
        const expected = slides.flatMap((slide, page) =>
          slide.kind === 'paper' ? [{ title: slide.title, page }] : [],
        );
        expect(expected.length).toBe(family.papers.length);
        expect(await pdfOutline(readFileSync(path))).toEqual(expected);
      }
    },
  );
});
