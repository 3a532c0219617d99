/**
 * The cold parse on every core. Worker threads are started before the folder is read, so that they
 * load the parser while the main thread reads; then the main thread and the workers each take the
 * next unparsed file as they finish one (a shared counter), so nobody waits for a slower share.
 * The main thread runs the cross-file checks once, from the filled cache.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { isCached, type ParseCache, parseIntoCache } from './parse.js';
import type { ContentFile } from './source.js';

/** Below this many files to parse per thread, starting workers costs more than it saves. */
export const MIN_FILES_PER_THREAD = 60;

/**
 * How many threads parse: one core is left to V8's own compiler and garbage-collector threads, which
 * keep it busy during a parse (measured on 2 cores: 4.4 s of CPU in 2.7 s; a worker there only
 * competes, 2.85 s against 2.72 s). STUDYKIT_PARSE_THREADS overrides.
 */
export function parseThreads(): number {
  const asked = Number.parseInt(process.env.STUDYKIT_PARSE_THREADS ?? '', 10);
  return asked >= 1 ? asked : Math.max(1, availableParallelism() - 1);
}

/** What the main thread posts to each worker: every file to parse and the counter they share. */
export interface ParseJob {
  files: ContentFile[];
  currentYear: number;
  /** An Int32Array over a SharedArrayBuffer: the index of the next file nobody has taken. */
  next: Int32Array;
}

/** Takes files one at a time from the shared counter until none is left. */
export function parseTaking(job: ParseJob, cache: ParseCache): void {
  for (
    let index = Atomics.add(job.next, 0, 1);
    index < job.files.length;
    index = Atomics.add(job.next, 0, 1)
  ) {
    parseIntoCache([job.files[index] as ContentFile], job.currentYear, cache);
  }
}

/** A worker and what it will hand back: listened to from its start, so an early failure is never lost. */
interface Helper {
  worker: Worker;
  result: Promise<[string, unknown][]>;
}

export class ParsePool {
  private constructor(private readonly helpers: Helper[]) {}

  /** Starts `threads - 1` workers (none when run from source, as the tests do: there is no compiled worker). */
  static start(threads = parseThreads()): ParsePool {
    const workerUrl = new URL('./parse-worker.js', import.meta.url);
    if (threads < 2 || !import.meta.url.endsWith('.js')) return new ParsePool([]);
    const helpers: Helper[] = [];
    try {
      for (let i = 1; i < threads; i++) {
        const worker = new Worker(workerUrl);
        const result = new Promise<[string, unknown][]>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', () => reject(new Error('parse worker exited')));
        });
        result.catch(() => {}); // a worker that fails costs only time (see parse)
        helpers.push({ worker, result });
      }
    } catch {
      // No more threads to be had: parse with those that started.
    }
    return new ParsePool(helpers);
  }

  /**
   * Parses `todo` into `cache`, shared with the workers when there are enough files. A worker that
   * fails costs only time: whatever it did not hand back is parsed here.
   */
  async parse(todo: readonly ContentFile[], cache: ParseCache, currentYear: number): Promise<void> {
    const used = this.helpers.slice(0, Math.floor(todo.length / MIN_FILES_PER_THREAD) - 1);
    this.close(this.helpers.filter((helper) => !used.includes(helper)));
    if (used.length === 0) return parseIntoCache(todo, currentYear, cache);
    const job: ParseJob = { files: [...todo], currentYear, next: new Int32Array(new SharedArrayBuffer(4)) };
    for (const { worker } of used) worker.postMessage(job);
    if (process.env.STUDYKIT_DEBUG) {
      console.error(`parse: ${todo.length} files on ${used.length + 1} threads`);
    }
    parseTaking(job, cache);
    const settled = await Promise.allSettled(used.map(({ result }) => result));
    for (const outcome of settled) {
      if (outcome.status === 'fulfilled')
        for (const [path, result] of outcome.value) cache.set(path, result as never);
    }
    if (settled.some((outcome) => outcome.status === 'rejected')) parseIntoCache(todo, currentYear, cache);
  }

  /** Stops workers that are not needed (all of them by default). */
  close(helpers: readonly Helper[] = this.helpers): void {
    for (const { worker } of helpers) void worker.terminate();
  }
}

/**
 * Fills `cache` with every file it does not hold yet: on this thread alone for a few files, with the
 * workers of `early` (started before the folder was read) or new ones for many.
 */
export async function parseInParallel(
  files: readonly ContentFile[],
  cache: ParseCache,
  currentYear: number,
  early?: ParsePool,
): Promise<void> {
  const todo = files.filter((file) => !isCached(cache, file, currentYear));
  const pool = early ?? (todo.length >= 2 * MIN_FILES_PER_THREAD ? ParsePool.start() : undefined);
  try {
    // Without a pool the files are parsed by `parse`, with the cross-file checks.
    await pool?.parse(todo, cache, currentYear);
  } finally {
    pool?.close();
  }
}
