import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OutputFile } from '@studykit/core';

/**
 * Writes files so that a reader never sees a half-written one and a failed build never loses the
 * previous output: each file goes to a temporary sibling, then `rename` swaps it in (atomic on POSIX).
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

const TEMPORARY = /\.tmp-[0-9a-f]{12}$/;

/** A build killed between write and rename leaves `*.tmp-…` files: remove them before the next one. */
export async function removeStaleTemporaries(outDir: string): Promise<void> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true }).catch(() => []);
  await Promise.all(
    entries
      .filter((entry) => entry.isFile() && TEMPORARY.test(entry.name))
      .map((entry) => rm(join(entry.parentPath, entry.name), { force: true })),
  );
}
