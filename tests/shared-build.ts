/**
 * Builds that several test files start from, made once per test run (a Slidev build costs 10–25 s of
 * CPU: one build per fixture and selection per run, however many files look at it).
 *
 *   const { content, out, cache, build } = await builtCopy(MINI_FULL);  // a copy of your own
 *   const shared = await sharedBuild(MINI_FULL);                          // the build itself: read only
 *
 * The first test to ask builds it, under a lock, in the run's own folder (`sharedBuilds`, provided by
 * global-setup.ts and removed when the run ends); the others, in any worker, wait for it. To share a
 * new build, add a `SharedBuildSpec` here (a name, a fixture, the `studykit build` arguments) and give
 * the file that asks for it a hook timeout of `SHARED_BUILD_TIMEOUT`. Only tests/ files can ask (the
 * `tests` project provides the folder).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type CliResult, root, studykit } from './run-cli.js';
import { temporaryFolder } from './temporary.js';

/** What to build: a fixture of tests/fixtures and the arguments after `build --content --out --cache`. */
export interface SharedBuildSpec {
  /** The build's folder in the run's shared folder: one per spec. */
  name: string;
  /** A folder of tests/fixtures, or `init` and its arguments: the study a new group starts from. */
  fixture: string | { init: readonly string[] };
  /** Edits the content before the build (as a group would after `init`). */
  prepare?: (content: string) => void;
  args: readonly string[];
}

/** The small fixture's diagrams and report. */
export const MINI_LINEAGE_REPORT: SharedBuildSpec = {
  name: 'mini-lineage-report',
  fixture: 'content-mini',
  args: ['--only', 'lineage,report'],
};

/**
 * A paper URL with percent escapes, which every output must carry byte for byte (url-fidelity.test.ts):
 * `%2F` and `/` are different addresses to a server.
 */
export const ESCAPED_URL = 'https://example.com/wiki/GPT-3_%28model%29?q=a%2Fb%26c%3Dd#sec%20one';

/**
 * Every output of the small fixture: diagrams, both decks (with notes and PDFs), handouts, report.
 * alpha-1's URL is ESCAPED_URL, so that url-fidelity.test.ts needs no build of its own.
 */
export const MINI_FULL: SharedBuildSpec = {
  name: 'mini-full',
  fixture: 'content-mini',
  prepare: (content) => {
    const paper = join(content, 'alpha/alpha-1.md');
    writeFileSync(paper, readFileSync(paper, 'utf8').replace(/^url: .*$/m, `url: ${ESCAPED_URL}`));
  },
  args: [],
};

/**
 * A Chinese study as a new group makes it (#21): `init --language zh`, then the group's look in
 * study.md (a PNG logo, an accent colour, dark decks). Two decks (the family's and the meeting's).
 */
export const ADOPTED_ZH: SharedBuildSpec = {
  name: 'adopted-zh',
  fixture: { init: ['--language', 'zh'] },
  prepare: (content) => {
    cpSync(
      join(root, 'tests/fixtures/content-figures/diffusion/figures/samples.png'),
      join(content, 'logo.png'),
    );
    const study = join(content, 'study.md');
    const text = readFileSync(study, 'utf8');
    writeFileSync(
      study,
      text.replace(/^language: zh.*$/m, 'language: zh\nlogo: logo.png\naccent: "#e11d48"\ntheme: dark'),
    );
  },
  args: [],
};

/** A built fixture: content/, out/ and the cache that describes out/ (pass `--cache`). */
export interface BuiltCopy {
  dir: string;
  content: string;
  out: string;
  cache: string;
  /** What the one real build printed (its paths are the shared folder's). */
  build: CliResult;
  /** When that build finished (ms since the epoch). */
  finished: number;
}

/** How long a hook that asks for a shared build may take: the build, on a loaded 2-core machine. */
export const SHARED_BUILD_TIMEOUT = 600_000;

/** A waiting test gives the build a little less than its own hook's time. */
const WAIT_MS = SHARED_BUILD_TIMEOUT - 30_000;

/** The shared build itself, made on the first call of the run. Never write into it: use builtCopy. */
export async function sharedBuild(spec: SharedBuildSpec): Promise<BuiltCopy> {
  const folder = inject('sharedBuilds');
  mkdirSync(folder, { recursive: true });
  const dir = join(folder, spec.name);
  const paths = { dir, content: join(dir, 'content'), out: join(dir, 'out'), cache: join(dir, 'cache') };
  const done = join(dir, 'build.json');
  let record: { build: CliResult; finished: number };
  if (tryLock(dir)) {
    if (typeof spec.fixture === 'string') {
      cpSync(join(root, 'tests/fixtures', spec.fixture), paths.content, { recursive: true });
    } else {
      const made = await studykit(['init', paths.content, ...spec.fixture.init]);
      if (made.code !== 0) throw new Error(`studykit init for ${spec.name} failed:\n${made.stderr}`);
    }
    spec.prepare?.(paths.content);
    const build = await studykit([
      'build',
      '--content',
      paths.content,
      '--out',
      paths.out,
      '--cache',
      paths.cache,
      ...spec.args,
    ]);
    record = { build, finished: Date.now() };
    writeFileSync(`${done}.partial`, JSON.stringify(record));
    renameSync(`${done}.partial`, done);
  } else {
    const deadline = Date.now() + WAIT_MS;
    while (!existsSync(done)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the shared build in ${dir}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    record = JSON.parse(readFileSync(done, 'utf8')) as typeof record;
  }
  if (record.build.code !== 0)
    throw new Error(`the shared build ${spec.name} failed:\n${record.build.stderr}`);
  return { ...paths, ...record };
}

/** A copy of the shared build in a fresh folder of the caller's file, to edit and build on. */
export async function builtCopy(spec: SharedBuildSpec): Promise<BuiltCopy> {
  const shared = await sharedBuild(spec);
  const dir = temporaryFolder(`studykit-built-${spec.name}-`);
  for (const part of ['content', 'out', 'cache'] as const)
    cpSync(shared[part], join(dir, part), { recursive: true });
  return { ...shared, dir, content: join(dir, 'content'), out: join(dir, 'out'), cache: join(dir, 'cache') };
}

/** The small fixture built with `--only lineage,report`, copied into a fresh folder of the caller's file. */
export const builtMini = (): Promise<BuiltCopy> => builtCopy(MINI_LINEAGE_REPORT);

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
