import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder of this run's own, removed at its end: builds shared by test files (shared-build.ts). */
    sharedBuilds: string;
  }
}

/**
 * The CLI's default cache lives in the kit's node_modules/.cache/studykit, one folder per content and
 * output pair: tests, which make a fresh out/ each time, would fill it. They get a temporary root,
 * removed when the run ends. The run's shared builds go there too.
 */
export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'studykit-test-cache-'));
  process.env.STUDYKIT_CACHE_ROOT = root;
  project.provide('sharedBuilds', join(root, 'shared-builds'));
  return () => rmSync(root, { recursive: true, force: true });
}
