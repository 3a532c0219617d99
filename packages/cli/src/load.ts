import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createParseCache, type StudyAst } from '@studykit/core';
import { ContentFolderError, decodeParseCache, encodeParseCache, loadContent } from '@studykit/core/fs';
import { UsageError } from './args.js';
import { currentYear } from './today.js';
import { writeOutputs } from './write.js';

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

/**
 * Loads the content through the persistent parse cache: only files whose text changed are parsed
 * again (the cross-file checks always run). A missing, damaged or older cache is ignored and
 * rewritten; it is written atomically, so a crash never leaves half a cache behind.
 */
export async function loadCached(content: string, cacheDir: string): Promise<StudyAst> {
  const path = join(cacheDir, PARSE_CACHE_FILE);
  const stored = await readFile(path).then(
    (bytes) => decodeParseCache(bytes),
    () => undefined,
  );
  const cache = stored ?? createParseCache();
  const before = new Map(cache);
  const ast = await loadOrFail(content, () => loadContent(content, { cache, currentYear: currentYear() }));
  const changed =
    !stored || cache.size !== before.size || [...cache].some(([file, result]) => before.get(file) !== result);
  if (changed) {
    await writeOutputs(cacheDir, [{ path: PARSE_CACHE_FILE, contents: encodeParseCache(cache) }]).catch(
      () => {
        // A read-only cache folder only costs speed.
      },
    );
  }
  return ast;
}
