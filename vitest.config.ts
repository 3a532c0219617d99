import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * One root run covers every package (`npm test`). Each package's tests are one to three projects:
 *
 * - `<package>`: its fast tests, which start neither Chromium nor Slidev (`npm run test:fast` runs
 *   these alone: STUDYKIT_TESTS=fast). They always run with STUDYKIT_CHROMIUM and
 *   STUDYKIT_SLIDEV_BIN pointing at nothing, so a file here that launches either fails loudly
 *   (apps/slides/test/no-browser.test.ts checks that this holds).
 * - `<package>:own`: the fast files OWN_PROCESS_TESTS lists for it, each in a process of its own.
 * - `<package>:browser`: the files BROWSER_TESTS lists for it.
 *
 * The end-to-end tests in tests/, which run the built CLI as a user does, are the `tests` project, in
 * `npm test` only. Every project but `:own` runs its files one after another in shared workers
 * (isolate: false; tests/README.md says what that asks of a test). Each package also keeps its own
 * tiny config, so that `vitest` run inside it works alone (all of its files, as one project).
 */

/**
 * The test files, per package folder, that start Chromium or Slidev (directly or through a renderer).
 * A new test file is fast unless listed here; if it launches a browser, the fast project says so.
 */
export const BROWSER_TESTS: Record<string, string[]> = {
  'packages/browser': ['test/launch.test.ts', 'test/reproducible-pdf.test.ts'],
  'packages/diagram': ['test/layout-measures.test.ts', 'test/renderer.test.ts'],
  'packages/fonts': ['test/woff2-chromium.test.ts'],
  'apps/report': ['test/figures.test.ts'],
  'apps/handout': ['test/notes-math.test.ts'],
  'apps/lineage': ['test/render.test.ts', 'test/scale.test.ts', 'test/shipped.test.ts'],
  'apps/slides': [
    'test/browser.test.ts',
    'test/content.test.ts',
    'test/figures.test.ts',
    'test/lineage-slide.test.ts',
    'test/measure-page.test.ts',
    'test/refit.test.ts',
    'test/render-decks.test.ts',
    'test/scale.test.ts',
  ],
};

/**
 * Fast test files that need a process of their own: they change the process for good before they
 * load what they test (no-network.test.ts replaces node's network and child-process calls, then
 * checks citation-js was not loaded before it did). Every other file shares its project's workers
 * (isolate: false), so each of these runs in a project of its own, `<package>:own`, one process a file.
 */
export const OWN_PROCESS_TESTS: Record<string, string[]> = {
  'packages/citations': ['test/no-network.test.ts'],
};

/** What a fast project runs with: any Chromium or Slidev launch fails at once, naming this. */
export const NO_BROWSER_ENV = {
  STUDYKIT_CHROMIUM: '/nonexistent/fast-tests-start-no-chromium',
  STUDYKIT_SLIDEV_BIN: '/nonexistent/fast-tests-start-no-slidev',
};

// biome-ignore lint/suspicious/noUndeclaredEnvVars: read by vitest (scripts/test.mjs --fast), never by a turbo task
const fastOnly = process.env.STUDYKIT_TESTS === 'fast';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Every *.test.ts below a package's folder, relative to it. */
function testFiles(dir: string, under = ''): string[] {
  return readdirSync(join(here, dir, under), { withFileTypes: true }).flatMap((entry) => {
    const path = join(under, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(dir, path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function packageProjects(dir: string): TestProjectInlineConfiguration[] {
  const name = basename(dir);
  const browser = BROWSER_TESTS[dir] ?? [];
  const own = OWN_PROCESS_TESTS[dir] ?? [];
  const shared = { extends: `./${dir}/vitest.config.ts`, root: `./${dir}` };
  // The package config's `include` stays in force (arrays from `extends` add up), so a project of
  // some of its files excludes every other file instead.
  const allBut = (files: string[]) => [
    ...configDefaults.exclude,
    ...testFiles(dir).filter((file) => !files.includes(file)),
  ];
  const projects: TestProjectInlineConfiguration[] = [
    {
      ...shared,
      test: {
        name,
        exclude: [...configDefaults.exclude, ...browser, ...own],
        env: NO_BROWSER_ENV,
        isolate: false,
      },
    },
  ];
  if (own.length > 0) {
    projects.push({ ...shared, test: { name: `${name}:own`, exclude: allBut(own), env: NO_BROWSER_ENV } });
  }
  if (!fastOnly && browser.length > 0) {
    projects.push({ ...shared, test: { name: `${name}:browser`, exclude: allBut(browser), isolate: false } });
  }
  return projects;
}

const packageDirs = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(here, group))
    .map((entry) => `${group}/${entry}`)
    .filter((dir) => existsSync(join(here, dir, 'vitest.config.ts'))),
);

for (const [list, entries] of Object.entries({ BROWSER_TESTS, OWN_PROCESS_TESTS })) {
  for (const [dir, files] of Object.entries(entries)) {
    for (const file of files) {
      if (!existsSync(join(here, dir, file)))
        throw new Error(`vitest.config.ts: ${list} lists ${join(dir, file)}, which does not exist`);
    }
  }
}

/**
 * Seconds the slowest files took on a 2-core machine (session 10: the browser files that build decks
 * in their beforeAll as measured alone): the order on a machine that has no timings of its own yet,
 * and a floor under vitest's own record after a run (which leaves out much of a beforeAll).
 */
const SLOWEST: Record<string, number> = {
  'tests/inputs.test.ts': 48,
  'tests/live-preview.test.ts': 48,
  'tests/safe-build.test.ts': 45,
  'apps/slides/test/refit.test.ts': 43,
  'apps/lineage/test/scale.test.ts': 35,
  'apps/slides/test/scale.test.ts': 32,
  'apps/slides/test/content.test.ts': 30,
  'apps/slides/test/browser.test.ts': 27,
  'apps/slides/test/figures.test.ts': 25,
  'tests/stop.test.ts': 20,
  'tests/cache-fuzz.test.ts': 19,
  'tests/cli.test.ts': 18,
  'apps/slides/test/render-decks.test.ts': 16,
  'apps/slides/test/lineage-slide.test.ts': 15,
  'tests/shared-cache.test.ts': 14,
  'tests/incremental.test.ts': 13,
};

/**
 * Longest first, so that the last file to finish is a short one. Vitest's own order runs the projects
 * by name (tests/ and slides:browser last) and, on a machine without timings, files by size. Here:
 * the larger of the file's duration in its last run and SLOWEST's, else a browser or end-to-end file
 * before any fast one. The fast files then come a project at a time (the largest first): a worker
 * belongs to one project, and runs that project's files one after another (isolate: false).
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const slow = (file: TestSpecification) =>
      file.project.name.endsWith(':browser') || file.project.name === 'tests';
    const weight = (file: TestSpecification) => {
      const path = relative(this.ctx.config.root, file.moduleId);
      const last = this.ctx.cache.getFileTestResults(`${file.project.name}:${path}`)?.duration;
      // Vitest's record leaves out much of the time a file spends in beforeAll (the decks a browser
      // file builds there): SLOWEST's figure wins when it is the larger.
      const known = (SLOWEST[path] ?? 0) * 1000;
      if (last !== undefined) return Math.max(last, known);
      return known || (slow(file) ? 10_000 : 0);
    };
    // A fast project's files one after the other: its workers then run them all (isolate: false).
    const fastProject = new Map<string, number>();
    for (const file of files) {
      if (!slow(file))
        fastProject.set(file.project.name, (fastProject.get(file.project.name) ?? 0) + weight(file));
    }
    return [...files].sort((a, b) => {
      if (slow(a) !== slow(b)) return slow(a) ? -1 : 1;
      if (!slow(a) && a.project.name !== b.project.name) {
        const byProject = (fastProject.get(b.project.name) ?? 0) - (fastProject.get(a.project.name) ?? 0);
        return byProject || a.project.name.localeCompare(b.project.name);
      }
      return weight(b) - weight(a);
    });
  }
}

export default defineConfig({
  test: {
    globalSetup: ['./vitest.global-setup.ts'],
    projects: [...packageDirs.flatMap(packageProjects), ...(fastOnly ? [] : ['tests/vitest.config.ts'])],
    sequence: { sequencer: LongestFirst },
    // Vitest's default is one worker fewer than the cores: one at all on a 2-core machine. The whole
    // run takes one more than the cores: its slow files wait on a child (the CLI, Chromium, Slidev)
    // that works one step at a time, with pauses (a watch's debounce, a shared build another file
    // makes), and two workers left the cores idle a third of the time (user+sys 730 s in 504 s on 2
    // cores). The fast run's work is in the workers themselves: it keeps one fewer than the cores
    // (at least two).
    maxWorkers: fastOnly ? Math.max(2, availableParallelism() - 1) : availableParallelism() + 1,
  },
});
