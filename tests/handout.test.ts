/**
 * Handouts end to end: the small fixture's decks are built and printed, then turned into handouts by
 * the same `studykit build` (the run's shared build of every output, tests/shared-build.ts), and again
 * from the decks on disk alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, root, studykit, studykitBuild, useCliRunner } from './run-cli.js';
import { builtCopy, MINI_FULL, SHARED_BUILD_TIMEOUT } from './shared-build.js';
import { missingTool, skipNote } from './skips.js';
import { temporaryFolder } from './temporary.js';

// Its builds, one after the other, in one CLI process with a warm Chromium.
useCliRunner();

const mini = join(root, 'tests/fixtures/content-mini');
const noPoppler = missingTool('pdftotext');

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Page count and the first page's size in points, from pdfinfo. */
function info(path: string): { pages: number; size: string } {
  const text = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(text)?.[1]),
    size: /^Page size:\s+([\d.]+ x [\d.]+)/m.exec(text)?.[1] ?? '',
  };
}

function pdfText(path: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
}

function words(path: string, page: number): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-'], {
    encoding: 'utf8',
  });
  return [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((match) => ({
    xMin: Number(match[1]),
    yMin: Number(match[2]),
    xMax: Number(match[3]),
    yMax: Number(match[4]),
    text: match[5] ?? '',
  }));
}

describe('studykit build on the small fixture', () => {
  let content: string;
  let out: string;
  let cache: string;
  let first: CliResult;
  const slideCount = (family: string) =>
    (JSON.parse(readFileSync(join(out, 'slides', family, 'deck.json'), 'utf8')) as { slides: unknown[] })
      .slides.length;

  beforeAll(async () => {
    // A copy of the run's one build of every output: this file builds handouts again on it.
    ({ content, out, cache, build: first } = await builtCopy(MINI_FULL));
  }, SHARED_BUILD_TIMEOUT);

  it('writes one handout per deck, and the index links it beside the slides', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^handout: wrote .*handout\/alpha\.pdf, .*handout\/beta\.pdf$/m);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toMatch(
      /href="slides\/alpha\.pdf">[^<]+<\/a> · <a href="handout\/alpha\.pdf">handout \(PDF\)<\/a>/,
    );
  });

  it.skipIf(noPoppler)(
    `two slides a page on A4 turned for notes beside them, drawn as vector art${skipNote(noPoppler)}`,
    () => {
      // alpha: 16 slides → 8 pages; beta: 12 → 6.
      expect([slideCount('alpha'), slideCount('beta')]).toEqual([16, 12]);
      for (const [family, pages] of [
        ['alpha', 8],
        ['beta', 6],
      ] as const) {
        const path = join(out, 'handout', `${family}.pdf`);
        expect(info(path)).toEqual({ pages, size: '841.89 x 595.28' });
        // No picture anywhere, slides included: they are the deck's own pages, embedded as forms.
        const images = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).trim().split('\n');
        expect(images.slice(2)).toEqual([]);
        // The deck's own fonts come along with its pages: the slides' text is still text.
        expect(pdfText(path, 1)).toContain(family === 'alpha' ? 'Alpha family' : 'Beta family');
      }
    },
  );

  it.skipIf(noPoppler)(
    `prints a slide's speaker notes beside that slide, and keeps its links${skipNote(noPoppler)}`,
    () => {
      // Alpha-1's title slide (slide 5) carries "Open with the data problem.": page 3, top half.
      const path = join(out, 'handout', 'alpha.pdf');
      const page = words(path, 3);
      const title = page.find((word) => word.text === 'Alpha-1');
      const note = page.find((word) => word.text === 'Open');
      expect(title && note).toBeTruthy();
      // Beside, not under: right of the slide's title, level with the slide.
      expect(note?.xMin).toBeGreaterThan(title?.xMax ?? Number.POSITIVE_INFINITY);
      expect(note?.yMin).toBeLessThan(title?.yMax ?? 0);
      expect(note?.yMax).toBeLessThan(595.28 / 2);
      // The slide's link to its paper is still a link on the handout page (poppler writes it as <a href>).
      const links = (file: string, at: number) =>
        [
          ...execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-f', String(at), '-l', String(at), file], {
            encoding: 'utf8',
          }).matchAll(/<a href="(https?:[^"]+)"/g),
        ].map((match) => match[1]);
      expect(links(join(out, 'slides', 'alpha.pdf'), 5).length).toBeGreaterThan(0);
      expect(links(path, 3)).toEqual(expect.arrayContaining(links(join(out, 'slides', 'alpha.pdf'), 5)));
    },
  );

  it.skipIf(noPoppler)(
    `again from the decks on disk: unchanged is skipped, another layout and paper are made${skipNote(noPoppler)}`,
    async () => {
      const again = await studykitBuild({ content, out, cache }, '--only', 'handout');
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/^handout: unchanged: alpha, beta$/m);
      const sixUp = await studykitBuild(
        { content, out, cache },
        '--only',
        'handout',
        '--handout',
        '6up',
        '--paper',
        'letter',
      );
      expect(sixUp.code, sixUp.stderr).toBe(0);
      expect(info(join(out, 'handout', 'alpha.pdf'))).toEqual({ pages: 3, size: '612 x 792' });
    },
    60_000,
  );

  it('says why when there is no deck PDF to print', async () => {
    const empty = temporaryFolder('studykit-handout-empty-');
    const result = await studykit(['build', '--content', mini, '--out', empty, '--only', 'handout']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^handout: no deck PDF for alpha, beta \(build the slides first/m);
    expect(existsSync(join(empty, 'handout'))).toBe(false);
    const noPdf = await studykitBuild({ content, out, cache }, '--only', 'handout', '--no-pdf');
    expect(noPdf.stderr).toMatch(/^handout: skipped: the decks are built without PDFs \(--no-pdf\)/m);
  }, 60_000);
});
