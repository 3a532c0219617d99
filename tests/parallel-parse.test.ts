/**
 * A cold parse of a large folder is shared out over worker threads: the AST it gives is exactly the
 * one a single-threaded parse gives, and the one the warm cache gives afterwards.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@studykit/core';
import { readContentFolder } from '@studykit/core/fs';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from './corpus/index.mjs';
import { studykit } from './run-cli.js';
import { temporaryFolder } from './temporary.js';

describe('the parallel cold parse', () => {
  it('gives the same AST as one thread and as the warm cache', async () => {
    const dir = temporaryFolder('studykit-parallel-');
    const content = writeCorpus(join(dir, 'content'), 240);
    const out = join(dir, 'out');
    // Three threads whatever the machine has (a 2-core machine parses on one by default).
    const cold = await studykit(
      ['ast', '--content', content, '--out', out, '--cache', join(out, '..', 'cache')],
      {
        STUDYKIT_PARSE_THREADS: '3',
        STUDYKIT_DEBUG: '1',
      },
    );
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.stderr).toContain('parse: 250 files on 3 threads');
    const warm = await studykit([
      'ast',
      '--content',
      content,
      '--out',
      out,
      '--cache',
      join(out, '..', 'cache'),
    ]);
    expect(warm.stdout).toBe(cold.stdout);
    const { files } = await readContentFolder(content);
    const single = JSON.parse(JSON.stringify(parse(files, { currentYear: 2026 })));
    expect(JSON.parse(cold.stdout)).toEqual(single);
    expect(readFileSync(join(out, '..', 'cache', 'parse-cache.bin')).length).toBeGreaterThan(0);
  }, 120_000);
});
