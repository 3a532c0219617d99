import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StudyAst } from '@studykit/core';
import { loadContent } from '@studykit/core/fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipNote } from '../../../tests/skips.js';
import { temporaryFolder } from '../../../tests/temporary.js';
import { builtSlides, renderInto } from './build-fixture.js';
import { DeckBrowser, noPoppler, pwned, readPdf, showSlide } from './deck-browser.js';
import { measureLineageSlide } from './lineage-measures.js';

const CONTENT = fileURLToPath(new URL('../../../content', import.meta.url));
// A folder of its own, never the repository's out/ (which `npm run setup` fills and a user reads):
// SLIDES_CONTENT_OUT keeps the decks somewhere to look at.
const OUT = process.env.SLIDES_CONTENT_OUT ?? temporaryFolder('studykit-content-decks-');

describe('decks of the shipped content', () => {
  let ast: StudyAst;
  let decks: DeckBrowser;

  beforeAll(async () => {
    ast = await loadContent(CONTENT);
    // The families' decks, which is what this looks at (meeting decks are tested on the fixture).
    const families = ast.families.filter((f) => f.papers.length > 0).map((f) => f.id);
    await renderInto(ast, OUT, { families });
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
});
