/**
 * Builds every requested family's deck: generated slides.md → `slidev build` (static site) →
 * `slidev export` (PDF). Each deck is built into temporary paths next to its final place and renamed
 * into place only when complete, so a failure leaves the previous deck untouched.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProgressListener, StudyAst } from '@studykit/core';
import { familyOf } from './deck.js';
import { DECK_COMPONENTS } from './deck-components.js';
import { deckCss } from './deck-style.js';
import { deckDigest, readDigest, writeDigest } from './digest.js';
import { pdfProblem, summarisePdf } from './pdf-check.js';
import { slideCount, toSlidevMarkdown } from './slide-markdown.js';
import { SlidevError, slidevBuild, slidevExport } from './slidev-runner.js';

/** Slidev's export is retried (twice, waiting longer each time) when it prints blank or missing pages. */
const EXPORT_ATTEMPTS = 3;

export interface BuildDecksOptions {
  /** The CLI's output folder: decks go to <outDir>/slides/<family>/ and <outDir>/slides/<family>.pdf. */
  outDir: string;
  /** Family ids; default: every family that has papers. */
  families?: string[];
  /** Keep speaker notes in the built deck (the presenter view shows them). Default true. */
  withNotes?: boolean;
  /** Export a PDF next to each deck. Default true. */
  pdf?: boolean;
  /** Where digests and Slidev work folders live. Default <outDir>/.cache/slides. */
  cacheDir?: string;
  onProgress?: ProgressListener;
}

export interface BuildDecksResult {
  built: string[];
  skipped: string[];
}

export function slidevVersion(): string {
  const path = fileURLToPath(new URL('../node_modules/@slidev/cli/package.json', import.meta.url));
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

export function deckPaths(outDir: string, family: string) {
  const slidesDir = join(resolve(outDir), 'slides');
  return { slidesDir, deckDir: join(slidesDir, family), pdf: join(slidesDir, `${family}.pdf`) };
}

export async function buildDecks(ast: StudyAst, options: BuildDecksOptions): Promise<BuildDecksResult> {
  const families = options.families ?? ast.families.filter((f) => f.papers.length > 0).map((f) => f.id);
  for (const id of families) familyOf(ast, id); // unknown ids fail before any work starts
  const withNotes = options.withNotes ?? true;
  const pdf = options.pdf ?? true;
  const cacheDir = resolve(options.cacheDir ?? join(options.outDir, '.cache', 'slides'));
  const version = slidevVersion();
  const result: BuildDecksResult = { built: [], skipped: [] };
  let done = 0;
  const report = (detail: string) =>
    options.onProgress?.({ step: 'slides', detail, done, total: families.length });

  // Families start together; the Slidev runner lets two Slidev processes run at a time.
  const outcomes = await Promise.allSettled(
    families.map(async (family) => {
      const markdown = toSlidevMarkdown(ast, family, { withNotes });
      const css = deckCss(familyOf(ast, family).colour);
      const digest = deckDigest({
        markdown,
        css,
        components: JSON.stringify(DECK_COMPONENTS),
        slidevVersion: version,
        withNotes,
        pdf,
      });
      const paths = deckPaths(options.outDir, family);
      const complete = existsSync(join(paths.deckDir, 'index.html')) && (!pdf || existsSync(paths.pdf));
      if (complete && (await readDigest(cacheDir, family)) === digest) {
        result.skipped.push(family);
      } else {
        report(`deck ${family}: building`);
        await buildOneDeck({ family, markdown, css, withNotes, pdf, cacheDir, paths, report });
        await writeDigest(cacheDir, family, digest);
        result.built.push(family);
      }
      done += 1;
      report(`deck ${family}: done`);
    }),
  );
  const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failures.length === 1) throw failures[0]?.reason;
  if (failures.length > 1) {
    throw new Error(
      failures.map((f) => (f.reason instanceof Error ? f.reason.message : String(f.reason))).join('\n\n'),
    );
  }
  result.built.sort();
  result.skipped.sort();
  return result;
}

interface OneDeck {
  family: string;
  markdown: string;
  css: string;
  withNotes: boolean;
  pdf: boolean;
  cacheDir: string;
  paths: ReturnType<typeof deckPaths>;
  report: (detail: string) => void;
}

async function buildOneDeck(deck: OneDeck): Promise<void> {
  const { family, paths } = deck;
  const workDir = join(deck.cacheDir, 'work', family);
  await mkdir(workDir, { recursive: true });
  await writeFile(join(workDir, 'slides.md'), deck.markdown);
  await writeFile(join(workDir, 'style.css'), deck.css);
  for (const [path, contents] of Object.entries(DECK_COMPONENTS)) {
    await mkdir(dirname(join(workDir, path)), { recursive: true });
    await writeFile(join(workDir, path), contents);
  }
  await mkdir(paths.slidesDir, { recursive: true });

  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temporaryDeck = join(paths.slidesDir, `.tmp-${family}-${tag}`);
  const temporaryPdf = join(paths.slidesDir, `.tmp-${family}-${tag}.pdf`);
  const step = async <T>(name: 'build' | 'export', run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      const detail =
        error instanceof SlidevError ? error.message : error instanceof Error ? error.message : String(error);
      throw new Error(`Slides deck "${family}": ${name} failed.\n${detail}`, { cause: error });
    }
  };
  try {
    await step('build', async () => {
      await slidevBuild({ deckDir: workDir, outDir: temporaryDeck, withNotes: deck.withNotes });
      if (!existsSync(join(temporaryDeck, 'index.html'))) throw new Error('slidev build wrote no index.html');
      await writeFile(join(temporaryDeck, 'slides.md'), deck.markdown);
    });
    if (deck.pdf) {
      deck.report(`deck ${family}: exporting PDF`);
      await step('export', async () => {
        const slides = slideCount(deck.markdown);
        let problem: string | null = null;
        let log = '';
        for (let attempt = 1; attempt <= EXPORT_ATTEMPTS; attempt += 1) {
          // Each retry waits longer for the pages to settle: 1 s, 4 s, 9 s.
          log = await slidevExport({
            deckDir: workDir,
            output: temporaryPdf,
            waitMs: 1000 * attempt * attempt,
          });
          if (!existsSync(temporaryPdf)) throw new Error('slidev export wrote no PDF');
          problem = pdfProblem(await summarisePdf(temporaryPdf), slides);
          if (!problem) return;
          deck.report(`deck ${family}: ${problem}, exporting again`);
        }
        throw new Error(`slidev export produced a faulty PDF: ${problem}\n${log.slice(-2000)}`);
      });
    }
    await replaceDirectory(temporaryDeck, paths.deckDir);
    if (deck.pdf) await rename(temporaryPdf, paths.pdf);
  } finally {
    await rm(temporaryDeck, { recursive: true, force: true });
    await rm(temporaryPdf, { force: true });
  }
}

/** Swap a finished folder into place: the old one is moved aside first and removed afterwards. */
async function replaceDirectory(from: string, to: string): Promise<void> {
  const aside = `${to}.old-${process.pid}-${randomBytes(4).toString('hex')}`;
  const hadOld = existsSync(to);
  if (hadOld) await rename(to, aside);
  try {
    await rename(from, to);
  } catch (error) {
    if (hadOld) await rename(aside, to);
    throw error;
  }
  if (hadOld) await rm(aside, { recursive: true, force: true });
}
