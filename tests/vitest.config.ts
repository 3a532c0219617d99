import { defineProject } from 'vitest/config';
import { workspaceAliases } from '../vitest.shared.js';

export default defineProject({
  resolve: { alias: workspaceAliases },
  test: {
    name: 'tests',
    include: ['**/*.test.ts'],
    globalSetup: ['./global-setup.ts'],
    // Each test runs the CLI as a separate process; on a loaded 2-core machine a start alone can
    // take seconds. Slow steps still set their own, longer limits.
    testTimeout: 30_000,
  },
});
