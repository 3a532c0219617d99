import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Every project's setup file: removes the temporary folders each test file made (tests/temporary.ts). */
export const temporaryCleanup = here('./tests/temporary-cleanup.ts');

/** Tests import workspace packages from source, so a unit test never depends on a stale dist/. */
export const workspaceAliases = {
  '@studykit/core/fs': here('./packages/core/src/fs.ts'),
  '@studykit/core/cache-file': here('./packages/core/src/cache-file.ts'),
  '@studykit/core/renderer-stamp': here('./packages/core/src/renderer-stamp.ts'),
  '@studykit/core': here('./packages/core/src/index.ts'),
  '@studykit/browser/chromium': here('./packages/browser/src/chromium-path.ts'),
  '@studykit/browser': here('./packages/browser/src/index.ts'),
  '@studykit/fonts': here('./packages/fonts/src/index.ts'),
  '@studykit/math': here('./packages/math/src/index.ts'),
  '@studykit/view/index-order': here('./packages/view/src/index-order.ts'),
  '@studykit/view': here('./packages/view/src/index.ts'),
  '@studykit/diagram': here('./packages/diagram/src/index.ts'),
  '@studykit/lineage-mermaid': here('./packages/lineage-mermaid/src/index.ts'),
  '@studykit/citations/inputs': here('./packages/citations/src/inputs.ts'),
  '@studykit/citations': here('./packages/citations/src/index.ts'),
  '@studykit/typeset': here('./packages/typeset/src/index.ts'),
  '@studykit/lineage/inputs': here('./apps/lineage/src/inputs.ts'),
  '@studykit/lineage': here('./apps/lineage/src/index.ts'),
  '@studykit/slides/inputs': here('./apps/slides/src/inputs.ts'),
  '@studykit/slides': here('./apps/slides/src/index.ts'),
  '@studykit/report/inputs': here('./apps/report/src/inputs.ts'),
  '@studykit/report': here('./apps/report/src/index.ts'),
  '@studykit/handout/inputs': here('./apps/handout/src/inputs.ts'),
  '@studykit/handout': here('./apps/handout/src/index.ts'),
};
