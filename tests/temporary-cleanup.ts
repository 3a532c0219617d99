// A setup file of every project (vitest.config.ts): removes the temporary folders a test file made
// (tests/temporary.ts) once its tests have run.
import { afterAll } from 'vitest';
import { removeTemporaryFolders } from './temporary.js';

// A folder may hold a whole pnpm install (tests/shared-cache.test.ts): removing it takes a while.
afterAll(removeTemporaryFolders, 300_000);
