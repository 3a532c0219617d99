import { defineProject } from 'vitest/config';
import { temporaryCleanup, workspaceAliases } from '../vitest.shared.js';

export default defineProject({
  resolve: { alias: workspaceAliases },
  test: {
    name: 'tests',
    include: ['**/*.test.ts'],
    setupFiles: [temporaryCleanup],
    isolate: false,
    globalSetup: ['./global-setup.ts'],
    // Each test runs the CLI as a separate process; on a loaded 2-core machine a start alone can
    // take seconds. Slow steps still set their own, longer limits.
    testTimeout: 30_000,
  },
});
