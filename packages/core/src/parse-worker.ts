/**
 * A worker thread's side of the cold parse: it loads the parser at once, then takes files from the
 * shared counter (see parallel-parse.ts) and posts its results back (structured clone). The
 * cross-file checks run once, on the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { type ParseJob, parseTaking } from './parallel-parse.js';
import { createParseCache } from './parse.js';

parentPort?.once('message', (job: ParseJob) => {
  const cache = createParseCache();
  parseTaking(job, cache);
  parentPort?.postMessage([...cache]);
});
