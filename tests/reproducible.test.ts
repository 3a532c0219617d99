/**
 * Reproducible builds: with SOURCE_DATE_EPOCH set (TEST_ENV sets it), two builds of the same content
 * at different times write the same bytes, the PDFs that Chromium prints included (the lineage's and
 * the decks'): their dates are the build's date and their /ID comes from the document, not the clock.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, studykit, TEST_TODAY } from './run-cli.js';
import { type BuiltCopy, MINI_FULL, SHARED_BUILD_TIMEOUT, sharedBuild } from './shared-build.js';
import { firstMissing, missingTool, skipNote } from './skips.js';

const CHROMIUM_PDFS = ['lineage/lineage.pdf', 'lineage/lineage-families.pdf', 'slides/alpha.pdf'];
const noPdfTools = firstMissing(missingTool('pdfinfo'), missingTool('qpdf'));

/** Every file below a folder (dot-folders included) with its bytes. */
function filesIn(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) files.set(relative(dir, path), readFileSync(path));
  }
  return files;
}

describe('two builds of the same content, at different times', () => {
  // The first: the run's shared build of every output of the small fixture (tests/shared-build.ts).
  // The second, on a copy of its out/ and in a later second of the clock: the lineage and a deck again
  // (--force: drawn and printed anew, never taken from disk), and with them the index and references.
  let first: BuiltCopy;
  let second: string;
  let again: CliResult;

  beforeAll(async () => {
    first = await sharedBuild(MINI_FULL);
    // Beside the first, so that out/ is as deep: a deck's scoped-style ids hash the path from its
    // build folder to Slidev's own components (that path is the same for any user's out/).
    second = mkdtempSync(join(dirname(first.dir), 'reproducible-'));
    for (const part of ['content', 'out'] as const)
      cpSync(first[part], join(second, part), { recursive: true });
    // Whatever the first build printed, the second prints in a later second of the clock.
    await sleep(Math.max(0, Math.floor(first.finished / 1_000) * 1_000 + 1_050 - Date.now()));
    // Under vitest (NODE_ENV=test), as a user's shell would have it otherwise: the deck is built the same.
    again = await studykit([
      'build',
      '--content',
      join(second, 'content'),
      '--out',
      join(second, 'out'),
      '--cache',
      join(second, 'cache'),
      '--only',
      'lineage,slides',
      '--family',
      'alpha',
      '--force',
    ]);
  }, SHARED_BUILD_TIMEOUT);
  afterAll(() => rmSync(second, { recursive: true, force: true }));

  it('write the same files, byte for byte, the PDFs Chromium printed included', () => {
    expect(again.code, again.stderr).toBe(0);
    // What the second build is about was made again, nothing skipped as unchanged.
    expect(again.stderr).toMatch(/^lineage: wrote /m);
    expect(again.stderr).toMatch(/^slides: built alpha$/m);
    expect(again.stderr).not.toMatch(/unchanged/);
    const [before, after] = [filesIn(first.out), filesIn(join(second, 'out'))];
    expect([...before.keys()]).toEqual(expect.arrayContaining(CHROMIUM_PDFS));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const differing = [...before]
      .filter(([path, bytes]) => !after.get(path)?.equals(bytes))
      .map(([path]) => path);
    expect(differing).toEqual([]);
  });

  it.skipIf(noPdfTools)(
    `date the Chromium PDFs with the build's date, and they pass qpdf --check${skipNote(noPdfTools)}`,
    () => {
      const day = TEST_TODAY.toISOString().replace('.000Z', 'Z');
      for (const pdf of CHROMIUM_PDFS) {
        const path = join(first.out, pdf);
        const info = execFileSync('pdfinfo', ['-isodates', path], { encoding: 'utf8' });
        expect(info, pdf).toMatch(new RegExp(`^CreationDate:\\s+${day}$`, 'm'));
        expect(info, pdf).toMatch(new RegExp(`^ModDate:\\s+${day}$`, 'm'));
        const check = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
        expect([check.status, check.stdout + check.stderr], pdf).toEqual([
          0,
          expect.stringContaining('No syntax or stream encoding errors found'),
        ]);
        expect(check.stdout + check.stderr, pdf).not.toMatch(/WARNING/i);
      }
    },
  );
});
