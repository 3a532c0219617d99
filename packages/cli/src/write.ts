import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { OutputFile, OutputFolder } from '@studykit/core';

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

/**
 * Swaps built folders into place: each old folder is moved aside, the new one renamed in, the old one
 * removed. Both renames are atomic; a reader sees the old deck or the new one, never a mix.
 */
export async function moveFolders(outDir: string, folders: readonly OutputFolder[]): Promise<void> {
  for (const folder of folders) {
    const target = join(outDir, ...folder.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    const aside = `${target}.tmp-${randomBytes(6).toString('hex')}`;
    const hadOld = existsSync(target);
    if (hadOld) await rename(target, aside);
    try {
      await rename(folder.from, target);
    } catch (error) {
      if (hadOld) await rename(aside, target);
      throw error;
    }
    if (hadOld) await rm(aside, { recursive: true, force: true });
  }
}

/** Where renderers that build folders (Slidev) work: inside out/, so the final renames stay atomic. */
export const STAGING = '.staging';

export async function createStaging(outDir: string): Promise<{ dir: string; remove(): Promise<void> }> {
  // Absolute: Slidev resolves a relative --out against the deck's folder, not the working directory.
  const root = resolve(outDir, STAGING);
  await mkdir(root, { recursive: true });
  const dir = await mkdtemp(join(root, `${process.pid}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

const TEMPORARY = /\.tmp-[0-9a-f]{12}$/;

/**
 * A build killed between write and rename leaves `*.tmp-…` files or folders, and a staging folder:
 * remove them before the next build.
 */
export async function removeStaleTemporaries(outDir: string): Promise<void> {
  await rm(join(outDir, STAGING), { recursive: true, force: true });
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true }).catch(() => []);
  await Promise.all(
    entries
      .filter((entry) => TEMPORARY.test(entry.name))
      .map((entry) => rm(join(entry.parentPath, entry.name), { recursive: true, force: true })),
  );
}
