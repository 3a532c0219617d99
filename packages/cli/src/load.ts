import { createParseCache, type ParseCache, type StudyAst } from '@studykit/core';
import { ContentFolderError, decodeParseCache, encodeParseCache, loadContent } from '@studykit/core/fs';
import { UsageError } from './args.js';
import { type CacheFile, readCacheFile, writeCacheFile } from './cache-file.js';
import type { Notice } from './io.js';
import { currentYear } from './today.js';

/** Loads the content folder; a missing folder is a usage error (exit 2), not a content problem. */
export async function loadOrFail(
  dir: string,
  load: () => Promise<StudyAst> = () => loadContent(dir, { currentYear: currentYear() }),
): Promise<StudyAst> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ContentFolderError) throw new UsageError(error.message);
    throw error;
  }
}

/** The parse cache's file inside the cache folder. */
export const PARSE_CACHE_FILE = 'parse-cache.bin';

const PARSE_CACHE: CacheFile<ParseCache> = {
  file: PARSE_CACHE_FILE,
  decode: decodeParseCache,
  encode: encodeParseCache,
};

/**
 * Loads the content through the persistent parse cache: only files whose text changed are parsed
 * again (the cross-file checks always run). A missing, damaged or older cache is ignored (damage
 * is noticed) and rewritten; it is written atomically, so a crash never leaves half a cache behind.
 */
export async function loadCached(content: string, cacheDir: string, notice: Notice): Promise<StudyAst> {
  const stored = await readCacheFile(cacheDir, PARSE_CACHE, notice);
  const cache = stored ?? createParseCache();
  const before = new Map(cache);
  const ast = await loadOrFail(content, () => loadContent(content, { cache, currentYear: currentYear() }));
  const changed =
    !stored || cache.size !== before.size || [...cache].some(([file, result]) => before.get(file) !== result);
  if (changed) {
    await writeCacheFile(cacheDir, PARSE_CACHE, cache).catch(() => {
      // A read-only cache folder only costs speed.
    });
  }
  return ast;
}
