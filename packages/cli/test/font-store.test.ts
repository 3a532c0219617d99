import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { subsetFonts, useSubsetStore } from '@studykit/fonts';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../tests/temporary.js';
import { fontStore } from '../src/font-store.js';

afterEach(() => useSubsetStore(undefined));

describe('font subsets kept between builds (the cache root, never out/)', () => {
  it('are written once, whole, named by their digest', async () => {
    const dir = temporaryFolder('studykit-font-store-');
    useSubsetStore(fontStore(dir));
    // Characters no other test of this file asks for: this process has not cut them yet.
    const [font] = await subsetFonts('Ωmega store', { families: ['sans'], regularOnly: true });
    const files = readdirSync(dir);
    expect(files).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.woff2$/)]);
    expect(new Uint8Array(readFileSync(join(dir, files[0] ?? '')))).toEqual(font?.woff2);
  });

  it('are taken from the store instead of cut again', async () => {
    const kept = new Uint8Array([0x77, 0x4f, 0x46, 0x32, 1, 2, 3]);
    const asked: string[] = [];
    useSubsetStore({
      read: async (key) => {
        asked.push(key);
        return kept;
      },
      write: async () => {
        throw new Error('nothing should be cut');
      },
    });
    const [font] = await subsetFonts('Kept cut', { families: ['sans'], regularOnly: true });
    expect(font?.woff2).toEqual(kept);
    expect(asked).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
  });

  it('ignore a file that is not a WOFF2 font, and a key never written', async () => {
    const dir = temporaryFolder('studykit-font-store-');
    const store = fontStore(dir);
    const key = 'f'.repeat(64);
    expect(await store.read(key)).toBeUndefined();
    writeFileSync(join(dir, `${key}.woff2`), 'half a fi');
    expect(await store.read(key)).toBeUndefined();
  });
});
