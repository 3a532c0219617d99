import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildDecksResult, buildDecks } from '../src/index.js';
import { fixtureAst } from './fixtures.js';

/** Families of the fixture that the browser tests build: hostile strings, pagination, Chinese. */
export const TEST_FAMILIES = ['hostile', 'demo', 'zh'];

let built: Promise<{ outDir: string; result: BuildDecksResult }> | undefined;

/** Build the fixture decks once per test process (into a fresh temporary folder). */
export function builtFixtureDecks(): Promise<{ outDir: string; result: BuildDecksResult }> {
  built ??= (async () => {
    const outDir = process.env.SLIDES_TEST_OUT ?? mkdtempSync(join(tmpdir(), 'studykit-slides-'));
    const result = await buildDecks(fixtureAst(), { outDir, families: TEST_FAMILIES });
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
