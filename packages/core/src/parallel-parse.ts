/**
 * The cold parse on every core: files the cache does not hold are shared out between the main
 * thread and worker threads, each parsing its share on its own (remark is the cost, ~1 MB/s per
 * core); the main thread then runs the cross-file checks once, from the filled cache.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { isCached, type ParseCache, parseIntoCache } from './parse.js';
import type { ContentFile } from './source.js';

/** Below this many files to parse, starting workers costs more than it saves. */
const MIN_FILES_PER_THREAD = 60;

export async function parseInParallel(
  files: readonly ContentFile[],
  cache: ParseCache,
  currentYear: number,
  threads = availableParallelism(),
): Promise<void> {
  const todo = files.filter((file) => !isCached(cache, file, currentYear));
  const count = Math.min(threads, Math.floor(todo.length / MIN_FILES_PER_THREAD));
  const workerUrl = new URL('./parse-worker.js', import.meta.url);
  // Run from source (tests) there is no compiled worker: parse on this thread.
  if (count < 2 || !workerUrl.pathname.endsWith('.js') || !import.meta.url.endsWith('.js')) return;
  const shares = Array.from({ length: count }, (_, index) => todo.filter((_, i) => i % count === index));
  const [own = [], ...others] = shares;
  const results = others.map(
    (share) =>
      new Promise<[string, unknown][]>((resolve, reject) => {
        const worker = new Worker(workerUrl, { workerData: { files: share, currentYear } });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
  );
  parseIntoCache(own, currentYear, cache);
  for (const entries of await Promise.all(results)) {
    for (const [path, result] of entries) cache.set(path, result as never);
  }
}
