import { defineProject } from 'vitest/config';
import { temporaryCleanup, workspaceAliases } from '../../vitest.shared.js';

export default defineProject({
  resolve: { alias: workspaceAliases },
  test: {
    name: 'math',
    include: ['test/**/*.test.ts'],
    setupFiles: [temporaryCleanup],
  },
});
