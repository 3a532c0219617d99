import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from './args.js';

/** Writes a file `new` or `init` made, refusing to replace one that exists (`wx`: checked atomically). */
export async function writeNewFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`${path} exists; studykit never overwrites a file (pick another id or remove it)`);
    }
    throw error;
  }
}
