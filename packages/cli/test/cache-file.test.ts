import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRecord, jsonPayload } from '@studykit/core/cache-file';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFile, readCacheFile, writeCacheFile } from '../src/cache-file.js';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'studykit-cache-file-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

type Colours = Record<string, string>;
const isColours = (value: unknown): value is Colours =>
  isRecord(value) && Object.values(value).every((colour) => typeof colour === 'string');
const COLOURS = cacheFile('colours.json', {
  name: 'test-colours',
  version: '2',
  codec: jsonPayload,
  isValid: isColours,
  isUnversioned: isColours,
});

/** Reads the file, collecting what the user would be told. */
async function read(dir: string): Promise<{ value: Colours | undefined; notices: string[] }> {
  const notices: string[] = [];
  const value = await readCacheFile(dir, COLOURS, (line) => notices.push(line));
  return { value, notices };
}

describe('cache files in the cache folder', () => {
  it('reads back what it wrote, atomically, without a word', async () => {
    const dir = fresh();
    await writeCacheFile(dir, COLOURS, { alpha: '#123456' });
    expect(await read(dir)).toEqual({ value: { alpha: '#123456' }, notices: [] });
    expect(readdirSync(dir)).toEqual(['colours.json']);
  });

  it('says nothing of a missing file or cache folder, nor of an older version', async () => {
    const dir = fresh();
    expect(await read(dir)).toEqual({ value: undefined, notices: [] });
    expect(await read(join(dir, 'not-yet'))).toEqual({ value: undefined, notices: [] });
    writeFileSync(join(dir, 'colours.json'), '{"alpha": "#123456"}');
    expect(await read(dir)).toEqual({ value: undefined, notices: [] });
  });

  it('names a damaged file once, with the reason, and treats it as absent', async () => {
    const dir = fresh();
    const path = join(dir, 'colours.json');
    writeFileSync(path, '{');
    expect(await read(dir)).toEqual({
      value: undefined,
      notices: [`studykit: ignored a damaged cache file ${path} (no header); it will be rebuilt`],
    });
  });

  it('names a file it cannot read at all', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'colours.json'));
    expect(await read(dir)).toEqual({
      value: undefined,
      notices: [
        `studykit: ignored the cache file ${join(dir, 'colours.json')}, which could not be read (EISDIR)`,
      ],
    });
  });
});
