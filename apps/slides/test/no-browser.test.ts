/**
 * The fast tests (`npm run test:fast`, every package's project without `:browser`) start neither
 * Chromium nor Slidev: vitest.config.ts runs them with STUDYKIT_CHROMIUM and STUDYKIT_SLIDEV_BIN
 * pointing at nothing, so a fast test file that launches either fails at once and belongs in that
 * file's BROWSER_TESTS list. These tests are in the fast set themselves: they fail if the guard is gone.
 */
import { launchChromium } from '@studykit/browser';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../tests/temporary.js';
import { slidevBuild } from '../src/slidev-runner.js';

describe('a fast test that starts a browser fails', () => {
  it('launching Chromium throws, naming the missing executable', async () => {
    expect(process.env.STUDYKIT_CHROMIUM).toMatch(/^\/nonexistent\//);
    await expect(launchChromium({ timeoutMs: 10_000 })).rejects.toThrow(process.env.STUDYKIT_CHROMIUM);
  });

  it('running Slidev fails, naming the missing script', async () => {
    expect(process.env.STUDYKIT_SLIDEV_BIN).toMatch(/^\/nonexistent\//);
    const dir = temporaryFolder('studykit-no-slidev-');
    await expect(slidevBuild({ deckDir: dir, outDir: `${dir}/site`, withNotes: true })).rejects.toThrow(
      /slidev build exited with code 1: .*Cannot find module '\/nonexistent\//,
    );
  });
});
