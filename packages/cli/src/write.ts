import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OutputFile } from '@studykit/core';

/**
 * Writes files (the caches) so that a reader never sees a half-written one: each file goes to a
 * temporary sibling, then `rename` swaps it in (atomic on POSIX). Outputs go through
 * staged-outputs.ts instead, which lands a whole build at once.
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[]): Promise<string[]> {
  const staged: { temporary: string; target: string }[] = [];
  try {
    for (const file of files) {
      const target = join(outDir, ...file.path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      const temporary = `${target}.tmp-${randomBytes(6).toString('hex')}`;
      await writeFile(temporary, file.contents);
      staged.push({ temporary, target });
    }
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    throw error;
  }
  // Only once everything is on disk do the renames happen, so one renderer's outputs land together.
  for (const { temporary, target } of staged) await rename(temporary, target);
  return staged.map(({ target }) => target);
}
