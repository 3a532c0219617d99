/**
 * Reading and writing the files of the cache folder (see @studykit/core/cache-file for the
 * envelope). A missing file or one of an older version is silently absent; a damaged one is absent
 * too, after one line naming it, so that nobody deletes the cache by hand to find out why a build
 * got slower. Every reader writes the file again at the end of its run.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type CacheFormat,
  type CacheRead,
  decodeCacheFile,
  encodeCacheFile,
} from '@studykit/core/cache-file';
import type { Notice } from './io.js';
import { writeOutputs } from './write.js';

/** One file of the cache folder: its name and how its bytes become a value and back. */
export interface CacheFile<T> {
  file: string;
  decode(bytes: Uint8Array): CacheRead<T>;
  encode(value: T): Uint8Array;
}

/** A cache file written in `format`'s envelope. */
export function cacheFile<T>(file: string, format: CacheFormat<T>): CacheFile<T> {
  return {
    file,
    decode: (bytes) => decodeCacheFile(format, bytes),
    encode: (value) => encodeCacheFile(format, value),
  };
}

export function damagedCacheNotice(path: string, reason: string): string {
  return `studykit: ignored a damaged cache file ${path} (${reason}); it will be rebuilt`;
}

/** The value stored in `cache` inside `cacheDir`, or undefined (missing, older, damaged: noticed). */
export async function readCacheFile<T>(
  cacheDir: string,
  cache: CacheFile<T>,
  notice: Notice,
): Promise<T | undefined> {
  const path = join(cacheDir, cache.file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // No cache folder yet, or no such file: the first run.
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      notice(`studykit: ignored the cache file ${path}, which could not be read (${code})`);
    }
    return undefined;
  }
  const read = cache.decode(bytes);
  if (read.status === 'damaged') notice(damagedCacheNotice(path, read.reason));
  return read.status === 'ok' ? read.value : undefined;
}

/** Writes `value` atomically (write.ts): a crash mid-write leaves the previous file, never half of one. */
export async function writeCacheFile<T>(cacheDir: string, cache: CacheFile<T>, value: T): Promise<void> {
  await writeOutputs(cacheDir, [{ path: cache.file, contents: cache.encode(value) }]);
}
