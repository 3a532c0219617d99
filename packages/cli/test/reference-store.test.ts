import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../tests/temporary.js';
import { StoredReferences } from '../src/reference-cache.js';

const ignore = () => {};
const GROUP = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const HOPPER = [['alpha-2', 'Hopper, G. (2020). Alpha Two. NeurIPS 2020.']] as const;

describe('formatted references shared by every study and output folder (the cache root)', () => {
  it('a group formatted for one output folder is taken by another, which formats nothing', async () => {
    const dir = temporaryFolder('studykit-references-');
    const shared = join(dir, 'root', 'references');
    const out = await StoredReferences.load(join(dir, 'out-cache'), ignore, shared);
    expect(out.get(GROUP)).toBeUndefined();
    out.set(GROUP, HOPPER);
    await out.save();
    const site = await StoredReferences.load(join(dir, 'site-cache'), ignore, shared);
    expect(site.get(GROUP)).toEqual(HOPPER);
    // And the site's own cache keeps it from then on, without the shared file.
    await site.save();
    const again = await StoredReferences.load(join(dir, 'site-cache'), ignore, join(dir, 'elsewhere'));
    expect(again.get(GROUP)).toEqual(HOPPER);
  });

  it('only what a build formatted goes into the shared file, never what it read from its own cache', async () => {
    const dir = temporaryFolder('studykit-references-');
    const study = join(dir, 'cache');
    // The study's own file holds a text no formatter made (edited by hand, or by a test).
    const edited = await StoredReferences.load(study, ignore, join(dir, 'first-root'));
    edited.set(GROUP, [['alpha-2', 'Edited by hand.']]);
    await edited.save();
    const shared = join(dir, 'root', 'references');
    const build = await StoredReferences.load(study, ignore, shared);
    expect(build.get(GROUP)).toEqual([['alpha-2', 'Edited by hand.']]);
    build.set(OTHER, [['beta-1', 'Liskov, B. (2023). Beta One. ACL 2023.']]);
    await build.save();
    const another = await StoredReferences.load(join(dir, 'another'), ignore, shared);
    expect(another.get(GROUP)).toBeUndefined();
    expect(another.get(OTHER)).toEqual([['beta-1', 'Liskov, B. (2023). Beta One. ACL 2023.']]);
  });
});
