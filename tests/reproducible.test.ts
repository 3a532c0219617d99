/**
 * Reproducible builds: with SOURCE_DATE_EPOCH set (TEST_ENV sets it), two builds of the same content
 * at different times write the same bytes, the PDFs that Chromium prints included (the lineage's and
 * the decks'): their dates are the build's date and their /ID comes from the document, not the clock.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, root, studykit, TEST_TODAY } from './run-cli.js';
import { firstMissing, missingTool, skipNote } from './skips.js';
import { temporaryFolder } from './temporary.js';

const mini = join(root, 'tests/fixtures/content-mini');
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
  const base = temporaryFolder('studykit-reproducible-');
  const outOf = (run: string) => join(base, run, 'out');
  // The lineage and one small deck (with its handout): one deck build per run keeps this under a minute.
  // Under vitest (NODE_ENV=test), as a user's shell would have it otherwise: the deck is built the same.
  const build = (run: string) =>
    studykit([
      'build',
      '--content',
      mini,
      '--out',
      outOf(run),
      '--cache',
      join(base, run, 'cache'),
      '--only',
      'lineage,slides',
      '--family',
      'alpha',
      '--force',
    ]);
  const runs: CliResult[] = [];

  beforeAll(async () => {
    runs.push(await build('first'));
    // Whatever the first run printed, the second prints in a later second of the clock.
    await sleep(1_000 - (Date.now() % 1_000) + 50);
    runs.push(await build('second'));
  }, 240_000);
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('write the same files, byte for byte, the PDFs Chromium printed included', () => {
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const [first, second] = [filesIn(outOf('first')), filesIn(outOf('second'))];
    expect([...first.keys()]).toEqual(expect.arrayContaining(CHROMIUM_PDFS));
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    const differing = [...first]
      .filter(([path, bytes]) => !second.get(path)?.equals(bytes))
      .map(([path]) => path);
    expect(differing).toEqual([]);
  });

  it.skipIf(noPdfTools)(
    `date the Chromium PDFs with the build's date, and they pass qpdf --check${skipNote(noPdfTools)}`,
    () => {
      const day = TEST_TODAY.toISOString().replace('.000Z', 'Z');
      for (const pdf of CHROMIUM_PDFS) {
        const path = join(outOf('first'), pdf);
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
