/**
 * Temporary folders that clean up after themselves: each is removed once the tests of the file that
 * made it have run (tests/temporary-cleanup.ts, a setup file vitest runs for every test file: a module
 * such as this one is loaded once per worker where files share it, so its own hooks would not be).
 * Every project's tests may import it (`../../../tests/temporary.js`).
 *
 *   const out = temporaryFolder('studykit-build-');
 *
 * (The whole run also works under one temporary root, removed at its end: vitest.global-setup.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** Removes every folder made so far (after each test file). */
export function removeTemporaryFolders(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A new empty folder under the system's temporary folder, removed after this file's tests. */
export function temporaryFolder(prefix = 'studykit-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
