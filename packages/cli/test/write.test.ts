import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../tests/temporary.js';
import { writeOutputs } from '../src/write.js';

const fresh = () => temporaryFolder('studykit-write-');

describe('atomic output writing', () => {
  it('writes nested files and leaves no temporary files', async () => {
    const out = fresh();
    await writeOutputs(out, [
      { path: 'lineage/lineage.mmd', contents: 'flowchart LR' },
      { path: 'lineage/lineage.png', contents: new Uint8Array([137, 80, 78, 71]) },
    ]);
    expect(readFileSync(join(out, 'lineage/lineage.mmd'), 'utf8')).toBe('flowchart LR');
    expect(readdirSync(join(out, 'lineage')).sort()).toEqual(['lineage.mmd', 'lineage.png']);
  });

  it('a failure midway keeps every previous file and cleans up its temporaries', async () => {
    const out = fresh();
    await writeOutputs(out, [{ path: 'a/one.txt', contents: 'old one' }]);
    writeFileSync(join(out, 'a', 'blocker'), 'a file where a folder is needed');
    await expect(
      writeOutputs(out, [
        { path: 'a/one.txt', contents: 'new one' },
        { path: 'a/blocker/two.txt', contents: 'cannot be written' },
      ]),
    ).rejects.toThrow();
    expect(readFileSync(join(out, 'a/one.txt'), 'utf8')).toBe('old one');
    expect(readdirSync(join(out, 'a')).sort()).toEqual(['blocker', 'one.txt']);
  });
});
