import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { alive, descendants, until } from './processes.js';
import { temporaryFolder } from './temporary.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/cli/dist/bin.js');

describe('studykit watch', () => {
  const content = temporaryFolder('studykit-watch-content-');
  const out = temporaryFolder('studykit-watch-out-');
  cpSync(join(root, 'tests/fixtures/content-mini'), content, { recursive: true });
  const paper = join(content, 'beta', 'beta-1.md');
  const svg = join(out, 'lineage', 'lineage.svg');
  const original = readFileSync(paper, 'utf8');
  let watcher: ChildProcess | undefined;
  let stdout = '';
  let stderr = '';

  afterAll(() => {
    if (watcher && watcher.exitCode === null) watcher.kill('SIGKILL');
  });

  it('builds, follows edits, survives a broken edit, recovers, and stops cleanly', async () => {
    watcher = spawn('node', [bin, 'watch', '--content', content, '--out', out, '--only', 'lineage,report'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    watcher.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    watcher.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    await until('the first build', () => stderr.includes('watch: watching'), 120_000);
    expect(readFileSync(svg, 'utf8')).toContain('Beta-1');
    expect(statSync(join(out, 'report', 'study-report.pdf')).size).toBeGreaterThan(1000);

    // A valid edit: the new short name reaches the diagram.
    writeFileSync(paper, original.replace('short: Beta-1', 'short: Beta-Renamed'));
    await until('the renamed node', () => readFileSync(svg, 'utf8').includes('Beta-Renamed'));
    await until('the end of the cycle', () => stderr.split('watch: ready').length === 3);

    // A broken edit: the diagnostic is printed and the last good outputs stay.
    const before = statSync(svg).mtimeMs;
    stdout = '';
    writeFileSync(paper, original.replace('year: 2023', 'year: soon'));
    await until('the diagnostic', () => stdout.includes('beta/beta-1.md:6:7  error'));
    expect(stdout).toContain('Field `year` must be a whole number such as 2020, got "soon"  field-type');
    await until('the keep message', () => stderr.includes('keeping the last good outputs'));
    expect(statSync(svg).mtimeMs).toBe(before);
    expect(readFileSync(svg, 'utf8')).toContain('Beta-Renamed');

    // The next valid edit recovers.
    writeFileSync(paper, original.replace('short: Beta-1', 'short: Beta-Fixed'));
    await until('recovery', () => readFileSync(svg, 'utf8').includes('Beta-Fixed'));

    // Ctrl-C: exit 0, and no browser or other child left behind.
    const children = descendants(watcher.pid as number);
    expect(children.length).toBeGreaterThan(0); // the warm Chromium
    const exited = new Promise<number | null>((resolve) => watcher?.once('exit', (code) => resolve(code)));
    watcher.kill('SIGINT');
    expect(await exited).toBe(0);
    await until('children to exit', () => children.every((pid) => !alive(pid)), 10_000);
    expect(stderr).toContain('watch: stopped');
  }, 240_000);
});
