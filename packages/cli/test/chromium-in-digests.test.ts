import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referencesStamp } from '@studykit/citations/inputs';
import { handoutStamp } from '@studykit/handout/inputs';
import { lineageStamp } from '@studykit/lineage/inputs';
import { reportStamp } from '@studykit/report/inputs';
import { deckStamp } from '@studykit/slides/inputs';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'studykit-chromium-stamp-'));
// Put back as found: the next file in this worker runs with the fast projects' unusable browser.
const saved = process.env.STUDYKIT_CHROMIUM;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.STUDYKIT_CHROMIUM;
  else process.env.STUDYKIT_CHROMIUM = saved;
});

/** Each renderer's stamp with STUDYKIT_CHROMIUM pointing at a stand-in "browser" of the given bytes. */
function stampsWith(browserBytes: string) {
  const browser = join(dir, `chromium-${browserBytes.length}`);
  if (!existsSync(browser)) writeFileSync(browser, browserBytes);
  process.env.STUDYKIT_CHROMIUM = browser;
  return {
    lineage: lineageStamp(),
    deck: deckStamp(),
    report: reportStamp(),
    handout: handoutStamp(),
    references: referencesStamp(),
  };
}

describe('a new Chromium rebuilds what it measures or prints, and only that', () => {
  it('changes the stamps of the diagram (and so of each family diagram), the decks, the report and the handouts; not the references', () => {
    const before = stampsWith('version one');
    expect(stampsWith('version one')).toEqual(before);
    const after = stampsWith('version two, a larger binary');
    expect(after.lineage).not.toBe(before.lineage);
    expect(after.deck).not.toBe(before.deck);
    // Chromium prints the report's formulas, SVG figures and diagrams.
    expect(after.report).not.toBe(before.report);
    // … and the handout's notes' formulas.
    expect(after.handout).not.toBe(before.handout);
    expect(after.references).toBe(before.references);
  });
});
