import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '@studykit/browser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTool, skipNote } from './skips.js';
import { temporaryFolder } from './temporary.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = join(root, 'tests/fixtures/content-hostile');
const strings = JSON.parse(readFileSync(join(fixture, 'hostile-strings.json'), 'utf8')) as {
  titles: string[];
  shorts: string[];
  conclusions: string[];
  family: string;
  edgeLabel: string;
  chinese: string;
};

const squash = (text: string) => text.replace(/\s+/g, ' ');
const noPoppler = missingTool('pdftotext');

/** The hostile fixture through the real CLI: every string shows literally, nothing runs, nothing is fetched. */
describe('hostile content in the diagram and the report', () => {
  const out = temporaryFolder('studykit-hostile-');
  let browser: Browser;

  beforeAll(async () => {
    const result = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(
        'node',
        [
          join(root, 'packages/cli/dist/bin.js'),
          'build',
          '--content',
          fixture,
          '--out',
          out,
          '--only',
          'lineage,report',
        ],
        (error, _stdout, stderr) => resolve({ code: error ? 1 : 0, stderr }),
      ),
    );
    expect(result.code, result.stderr).toBe(0);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('the SVG, opened in Chromium, shows every label literally and runs nothing', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const file = `file://${join(out, 'lineage', 'lineage.svg')}`;
    await page.goto(file);
    const text = squash(await page.evaluate(() => document.documentElement.textContent ?? ''));
    for (const short of strings.shorts) expect(text).toContain(short);
    // Long edge labels wrap into several lines (tspans), so compare without white space; past three
    // lines a label ends with "…" at a word boundary. What is shown is the label's own text, literally.
    const shown = text.replace(/\s/g, '');
    const label = strings.edgeLabel.replace(/\s/g, '');
    const start = shown.indexOf('edge<script>window.__pwned=13</script>');
    expect(start).toBeGreaterThanOrEqual(0);
    const shownLabel = shown.slice(start, start + label.length).split('…')[0] ?? '';
    expect(label.startsWith(shownLabel)).toBe(true);
    expect(shownLabel.length).toBeGreaterThan(40);
    expect(text).toContain(strings.family);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([file]);
    await page.close();
  });

  it.skipIf(noPoppler)(
    `the PDF text holds the hostile titles, conclusions, Chinese and emoji as written${skipNote(noPoppler)}`,
    () => {
      const text = squash(
        execFileSync('pdftotext', [join(out, 'report', 'study-report.pdf'), '-'], { encoding: 'utf8' }),
      );
      for (const title of strings.titles) expect(text).toContain(squash(title));
      for (const conclusion of strings.conclusions) expect(text).toContain(conclusion);
      expect(text).toContain(strings.family);
      expect(text).toContain(strings.chinese);
      expect(text).toContain('🎉');
    },
  );
});
