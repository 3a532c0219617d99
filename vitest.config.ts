import { defineConfig } from 'vitest/config';

// One root run covers every package (`npm test`); each package also has a tiny project config so that
// `vitest` run inside it works alone.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'tests/vitest.config.ts'],
  },
});
