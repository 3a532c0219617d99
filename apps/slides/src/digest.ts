/**
 * Content digests: a deck whose inputs (generated markdown, stylesheet, Slidev version, build flags)
 * are unchanged is not rebuilt. One small JSON file per family in the cache folder.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface DeckInputs {
  markdown: string;
  css: string;
  components: string;
  slidevVersion: string;
  withNotes: boolean;
  pdf: boolean;
}

export function deckDigest(inputs: DeckInputs): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

function digestPath(cacheDir: string, family: string): string {
  return join(cacheDir, `${family}.digest`);
}

export async function readDigest(cacheDir: string, family: string): Promise<string | undefined> {
  try {
    return (await readFile(digestPath(cacheDir, family), 'utf8')).trim();
  } catch {
    return undefined;
  }
}

export async function writeDigest(cacheDir: string, family: string, digest: string): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const path = digestPath(cacheDir, family);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${digest}\n`);
  await rename(temporary, path);
}
