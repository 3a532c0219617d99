/**
 * Font subsets kept between builds in the cache root's fonts/ folder (never in out/): a rebuild after
 * an edit, or another study on the same laptop, takes a cut it made before instead of cutting and
 * compressing the face again. Files are named by the digest @studykit/fonts gives (face bytes and
 * characters), written whole or not at all.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SubsetStore } from '@studykit/fonts';

/** Every WOFF2 file starts with this signature: anything else in the folder is not taken. */
const WOFF2_SIGNATURE = 'wOF2';

export function fontStore(dir: string): SubsetStore {
  return {
    async read(key) {
      const bytes = await readFile(join(dir, `${key}.woff2`)).catch(() => undefined);
      if (!bytes || bytes.subarray(0, 4).toString('latin1') !== WOFF2_SIGNATURE) return undefined;
      return new Uint8Array(bytes);
    },
    async write(key, woff2) {
      await mkdir(dir, { recursive: true });
      const partial = join(dir, `${key}.${process.pid}.partial`);
      await writeFile(partial, woff2);
      await rename(partial, join(dir, `${key}.woff2`));
    },
  };
}
