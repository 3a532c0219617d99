import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '@studykit/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { bin, root, studykit } from './run-cli.js';

/** Starts `studykit present …` and resolves with the URLs it prints. */
function present(args: string[]): Promise<{ child: ChildProcess; lines: string[] }> {
  const child = spawn('node', [bin, 'present', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('Ctrl-C')) resolve({ child, lines: stdout.split('\n') });
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('exit', (code) => reject(new Error(`present exited with ${code}: ${stderr}`)));
  });
}

describe('studykit present', () => {
  let running: ChildProcess | undefined;
  afterEach(() => {
    running?.kill('SIGINT');
  });

  it('without --family serves the index on 127.0.0.1, whose links answer', async () => {
    const out = mkdtempSync(join(tmpdir(), 'studykit-present-'));
    const content = join(root, 'tests/fixtures/content-mini');
    const built = await studykit(['build', '--content', content, '--out', out, '--only', 'lineage,report']);
    expect(built.code, built.stderr).toBe(0);
    const { child, lines } = await present(['--out', out]);
    running = child;
    const url = lines.find((line) => line.startsWith('Study kit: '))?.slice('Study kit: '.length) ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/index\.html$/);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(url);
      const links = await page.$$eval('a[href]', (anchors) =>
        anchors.map((anchor) => (anchor as HTMLAnchorElement).href),
      );
      // report, 4 diagram formats, one family diagram per family, references.bib and .json
      expect(links.length).toBe(9);
      for (const link of links) {
        const response = await page.request.get(link);
        expect(response.status(), link).toBe(200);
      }
    } finally {
      await browser.close();
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 120_000);

  it('a family without a built deck is a usage error', async () => {
    await expect(present(['--family', 'nope', '--out', join(root, 'out')])).rejects.toThrow(
      /present exited with 2: studykit: no built deck at .*nope/,
    );
  });
});
