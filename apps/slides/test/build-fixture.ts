import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { StudyAst } from '@studykit/core';
import { MermaidRenderer } from '@studykit/diagram';
import { type RenderDecksOptions, type RenderDecksResult, readManifest, renderDecks } from '../src/index.js';
import { fixtureAst } from './fixtures.js';

/** Families of the fixture that the browser tests build: hostile strings, pagination, Chinese, scale. */
export const TEST_FAMILIES = ['hostile', 'demo', 'zh'];

/**
 * Renders decks and puts them in place as the CLI does (the PDFs written, the staged folders moved),
 * so a test sees out/ exactly as a user would.
 */
export async function renderInto(
  ast: StudyAst,
  outDir: string,
  options: Partial<RenderDecksOptions> = {},
): Promise<RenderDecksResult> {
  mkdirSync(outDir, { recursive: true });
  const stagingDir = mkdtempSync(join(outDir, '.staging-'));
  const ownRenderer = options.diagrams ? undefined : await MermaidRenderer.launch();
  try {
    const result = await renderDecks(ast, {
      stagingDir,
      diagrams: (options.diagrams ?? ownRenderer) as RenderDecksOptions['diagrams'],
      // As the CLI does: the decks lay out and print in the renderer's Chromium.
      ...(ownRenderer ? { newContext: (contextOptions) => ownRenderer.newContext(contextOptions) } : {}),
      ...options,
    });
    for (const file of result.files) {
      mkdirSync(dirname(join(outDir, file.path)), { recursive: true });
      writeFileSync(join(outDir, file.path), file.contents);
    }
    for (const folder of result.folders) {
      const target = join(outDir, folder.path);
      mkdirSync(dirname(target), { recursive: true });
      if (existsSync(target)) rmSync(target, { recursive: true });
      renameSync(folder.from, target);
    }
    // As the CLI reports them: the other decks are in place, the failed ones named.
    if (result.failed.length > 0) throw new Error(result.failed.map((failure) => failure.message).join('\n'));
    return result;
  } finally {
    await ownRenderer?.close();
    rmSync(stagingDir, { recursive: true, force: true });
  }
}

/** The slides of a built deck, as its deck.json lists them. */
export function builtSlides(outDir: string, family: string) {
  const manifest = readManifest(join(outDir, 'slides', family));
  if (!manifest) throw new Error(`no built deck for ${family} in ${outDir}`);
  return manifest.slides;
}

let built: Promise<{ outDir: string; result: RenderDecksResult }> | undefined;

/** Build the fixture decks once per test process (into a fresh temporary folder). */
export function builtFixtureDecks(): Promise<{ outDir: string; result: RenderDecksResult }> {
  built ??= (async () => {
    const outDir = process.env.SLIDES_TEST_OUT ?? mkdtempSync(join(tmpdir(), 'studykit-slides-'));
    const result = await renderInto(fixtureAst(), outDir, { families: TEST_FAMILIES });
    return { outDir, result };
  })();
  return built;
}

/** Remove the decks' temporary folder (kept when SLIDES_TEST_OUT names one, for inspection). */
export async function removeFixtureDecks(): Promise<void> {
  if (!built || process.env.SLIDES_TEST_OUT) return;
  const { outDir } = await built.catch(() => ({ outDir: '' }));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
  built = undefined;
}
