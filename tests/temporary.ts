/**
 * Temporary folders that clean up after themselves: each is removed once the tests of the file that
 * made it have run (an `afterAll` this module registers in every test file that imports it, directly
 * or through a helper). Every project's tests may import it (`../../../tests/temporary.js`).
 *
 *   const out = temporaryFolder('studykit-build-');
 *
 * (The whole run also works under one temporary root, removed at its end: vitest.global-setup.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

// A folder may hold a whole pnpm install (tests/shared-cache.test.ts): removing it takes a while.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}, 300_000);

/** A new empty folder under the system's temporary folder, removed after this file's tests. */
export function temporaryFolder(prefix = 'studykit-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
