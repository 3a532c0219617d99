/**
 * A worker thread's side of the cold parse: it parses its share of the files on its own and posts
 * the per-file results back (structured clone). The cross-file checks run once, on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createParseCache, parseIntoCache } from './parse.js';
import type { ContentFile } from './source.js';

const { files, currentYear } = workerData as { files: ContentFile[]; currentYear: number };
const cache = createParseCache();
parseIntoCache(files, currentYear, cache);
parentPort?.postMessage([...cache]);
