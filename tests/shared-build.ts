/**
 * A build that several test files start from, made once per test run: the small fixture with its
 * diagram and report (`--only lineage,report`). The first test to ask builds it, under a lock, in the
 * run's own folder (`sharedBuilds`, provided by global-setup.ts and removed when the run ends); the
 * others, in any worker, wait for it. Each caller gets a copy of its own to edit and build on.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type CliResult, root, studykit } from './run-cli.js';
import { temporaryFolder } from './temporary.js';

/** A copy of the built fixture: content/, out/ and the cache that describes out/ (pass `--cache`). */
export interface BuiltCopy {
  dir: string;
  content: string;
  out: string;
  cache: string;
  /** What the one real build printed (its paths are the shared folder's). */
  build: CliResult;
}

const ONLY = 'lineage,report';

/** How long a waiting test gives the build (a loaded 2-core machine takes ~30 s). */
const WAIT_MS = 240_000;

/** The small fixture built with `--only lineage,report`, copied into a fresh folder of the caller's file. */
export async function builtMini(): Promise<BuiltCopy> {
  const folder = inject('sharedBuilds');
  mkdirSync(folder, { recursive: true });
  const shared = join(folder, `mini-${ONLY.replace(',', '-')}`);
  const done = join(shared, 'build.json');
  let build: CliResult;
  if (tryLock(shared)) {
    const content = join(shared, 'content');
    cpSync(join(root, 'tests/fixtures/content-mini'), content, { recursive: true });
    build = await studykit([
      'build',
      '--content',
      content,
      '--out',
      join(shared, 'out'),
      '--cache',
      join(shared, 'cache'),
      '--only',
      ONLY,
    ]);
    writeFileSync(`${done}.partial`, JSON.stringify(build));
    renameSync(`${done}.partial`, done);
  } else {
    const deadline = Date.now() + WAIT_MS;
    while (!existsSync(done)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the shared build in ${shared}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    build = JSON.parse(readFileSync(done, 'utf8')) as CliResult;
  }
  if (build.code !== 0) throw new Error(`the shared build of content-mini failed:\n${build.stderr}`);
  const dir = temporaryFolder('studykit-built-mini-');
  for (const part of ['content', 'out', 'cache'])
    cpSync(join(shared, part), join(dir, part), { recursive: true });
  return { dir, content: join(dir, 'content'), out: join(dir, 'out'), cache: join(dir, 'cache'), build };
}

/** Creates the folder; false if it was there (another test is building, or has built). */
function tryLock(dir: string): boolean {
  try {
    mkdirSync(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
