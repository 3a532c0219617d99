import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, type CliResult, root, studykit, useCliRunner } from './run-cli.js';
import { builtMini } from './shared-build.js';
import { temporaryFolder } from './temporary.js';

// Its builds, one after the other, in one CLI process with a warm Chromium.
useCliRunner();

const mini = join(root, 'tests/fixtures/content-mini');

/** Every file below a folder with its bytes, to prove a failed build changed nothing. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length), readFileSync(path).toString('base64'));
    }
  }
  return files;
}

describe('studykit build (lineage and report) on the small fixture', () => {
  let out: string;
  let first: CliResult;

  // That build is made once per run for every test file that starts from it (tests/shared-build.ts);
  // this file looks at a copy of its out/ and at what it printed.
  beforeAll(async () => {
    const built = await builtMini();
    out = built.out;
    first = built.build;
  }, 300_000);

  it('writes the diagram, the report and an index that links to them', () => {
    expect(first.code, first.stderr).toBe(0);
    for (const file of [
      'lineage/lineage.mmd',
      'lineage/lineage.svg',
      'lineage/lineage.png',
      'lineage/lineage.pdf',
      'lineage/lineage-families.pdf',
      'report/study-report.pdf',
    ]) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    // Each chapter prints its family's diagram (the papers' labels are text in the vector figure).
    const report = execFileSync('pdftotext', [join(out, 'report', 'study-report.pdf'), '-'], {
      encoding: 'utf8',
    });
    for (const family of ['Alpha family', 'Beta family']) {
      expect(report).toContain(`How the papers of ${family} build on one another`);
    }
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('3 papers in 2 families');
    const links = [...index.matchAll(/href="([^"#:]+)"/g)].map((match) => match[1] as string);
    expect(links).toEqual(
      expect.arrayContaining(['report/study-report.pdf', 'lineage/lineage.svg', 'lineage/lineage-alpha.svg']),
    );
    for (const link of links) expect(existsSync(join(out, link)), link).toBe(true);
    expect(index).toContain('slides (web) (not built)');
  });

  it('prints one progress line per step on a non-TTY', () => {
    expect(first.stderr).toMatch(/^lineage: wrote \d+ files to /m);
    expect(first.stderr).toMatch(/^report: wrote .*study-report\.pdf$/m);
    expect(first.stderr).toMatch(/^index: wrote /m);
  });

  it('a renderer that fails (Chromium missing) names its step and loses nothing', async () => {
    const before = snapshot(out);
    // --force: the diagram is current, and an unchanged output would not even start the browser.
    const result = await studykit(
      ['build', '--content', mini, '--out', out, '--only', 'lineage', '--force'],
      {
        STUDYKIT_CHROMIUM: '/nonexistent/chromium',
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^studykit: lineage failed: .*\/nonexistent\/chromium/m);
    const after = snapshot(out);
    for (const [path, bytes] of before)
      if (!path.endsWith('index.html')) expect(after.get(path), path).toBe(bytes);
  }, 120_000);

  it('a build killed midway keeps the previous outputs, and the next build cleans up', async () => {
    const content = temporaryFolder('studykit-kill-');
    cpSync(mini, content, { recursive: true });
    const before = snapshot(out);
    const child = spawn(
      'node',
      [bin, 'build', '--content', content, '--out', out, '--only', 'lineage,report'],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    // Kill it as soon as it is busy rendering.
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (/lineage:/.test(chunk.toString())) resolve();
      });
      child.once('exit', () => resolve());
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const after = snapshot(out);
    for (const [path, bytes] of before) expect(after.get(path), path).toBe(bytes);

    const again = await studykit(['build', '--content', content, '--out', out, '--only', 'lineage,report']);
    expect(again.code, again.stderr).toBe(0);
    expect([...snapshot(out).keys()].filter((path) => /\.tmp-/.test(path))).toEqual([]);
  }, 180_000);
});
