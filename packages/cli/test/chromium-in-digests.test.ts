import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '@studykit/core/fs';
import { deckTargets } from '@studykit/view';
import { afterAll, describe, expect, it } from 'vitest';
import { deckDigest, familyDiagramDigest, lineageDigest, referencesDigest } from '../src/output-digests.js';

const dir = mkdtempSync(join(tmpdir(), 'studykit-chromium-stamp-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env.STUDYKIT_CHROMIUM;
});

/** The digests with STUDYKIT_CHROMIUM pointing at a stand-in "browser" of the given bytes. */
function digestsWith(browserBytes: string, ast: Awaited<ReturnType<typeof loadContent>>) {
  const browser = join(dir, `chromium-${browserBytes.length}`);
  if (!existsSync(browser)) writeFileSync(browser, browserBytes);
  process.env.STUDYKIT_CHROMIUM = browser;
  const [deck] = deckTargets(ast);
  if (!deck) throw new Error('no deck');
  return {
    lineage: lineageDigest(ast),
    family: familyDiagramDigest('flowchart LR\n  a --> b'),
    deck: deckDigest(ast, deck, { notes: true, pdf: true }),
    references: referencesDigest(ast),
  };
}

describe('a new Chromium rebuilds what it measures or prints, and only that', () => {
  it('changes the diagram and deck digests, not the references', async () => {
    const ast = await loadContent(join(import.meta.dirname, '../../../tests/fixtures/content-mini'), {
      currentYear: 2026,
    });
    const before = digestsWith('version one', ast);
    expect(digestsWith('version one', ast)).toEqual(before);
    const after = digestsWith('version two, a larger binary', ast);
    expect(after.lineage).not.toBe(before.lineage);
    expect(after.family).not.toBe(before.family);
    expect(after.deck).not.toBe(before.deck);
    expect(after.references).toBe(before.references);
  });
});
