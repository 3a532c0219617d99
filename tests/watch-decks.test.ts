/**
 * Under `studykit watch`, every deck whose inputs an edit changes is rebuilt, meetings included, and
 * no other: a meeting edit rebuilds that meeting's deck, renaming a paper rebuilds every deck that
 * shows it, and text only one paper's slides show rebuilds only the decks with those slides. Slidev is replaced
 * by the test's fake (decks are laid out in Chromium as usual; the fake writes the site), so each
 * rebuild is seconds.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { until } from './processes.js';
import { bin, root, TEST_ENV } from './run-cli.js';
import { temporaryFolder } from './temporary.js';

const FAKE_SLIDEV = join(root, 'apps/slides/test/fake-slidev.mjs');

describe('studykit watch rebuilds exactly the decks an edit changes', () => {
  const dir = temporaryFolder('studykit-watch-decks-');
  const content = join(dir, 'content');
  const out = join(dir, 'out');
  cpSync(join(root, 'tests/fixtures/content-mini'), content, { recursive: true });
  mkdirSync(join(content, 'meetings'));
  const meeting = join(content, 'meetings', '2026-12-01.md');
  const otherMeeting = join(content, 'meetings', '2026-12-08.md');
  writeFileSync(meeting, '---\ndate: 2026-12-01\ntitle: Alpha day\npapers: [alpha-1, alpha-2]\n---\n');
  writeFileSync(otherMeeting, '---\ndate: 2026-12-08\ntitle: Beta day\npapers: [beta-1]\n---\n');
  let watcher: ChildProcess | undefined;
  let stderr = '';
  afterAll(() => {
    if (watcher && watcher.exitCode === null) watcher.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const deck = (folder: string) => join(out, folder, 'index.html');
  const builtAt = (folder: string) => statSync(deck(folder)).mtimeMs;
  const slides = (folder: string) => readFileSync(join(out, folder, 'slides.md'), 'utf8');
  const cycles = () => stderr.split('watch: ready').length - 1;
  const edit = async (path: string, from: string | RegExp, to: string) => {
    const before = cycles();
    writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
    await until('the rebuild', () => cycles() > before);
  };

  it('meetings, renamed papers and untouched decks', async () => {
    watcher = spawn(
      'node',
      [bin, 'watch', '--content', content, '--out', out, '--only', 'slides', '--no-pdf'],
      {
        cwd: root,
        env: { ...process.env, ...TEST_ENV, STUDYKIT_SLIDEV_BIN: FAKE_SLIDEV },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    watcher.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    await until('the first build', () => stderr.includes('watch: watching'), 180_000);
    const folders = ['slides/alpha', 'slides/beta', 'meetings/2026-12-01', 'meetings/2026-12-08'];
    let times = Object.fromEntries(folders.map((folder) => [folder, builtAt(folder)]));
    const rebuilt = () => {
      const now = Object.fromEntries(folders.map((folder) => [folder, builtAt(folder)]));
      const changed = folders.filter((folder) => now[folder] !== times[folder]);
      times = now;
      return changed;
    };

    // A meeting's own file: only that meeting's deck.
    await edit(meeting, 'title: Alpha day', 'title: Alpha afternoon');
    expect(rebuilt()).toEqual(['meetings/2026-12-01']);
    expect(slides('meetings/2026-12-01')).toContain('Alpha afternoon');

    // A paper renamed: every deck that shows its name — its family's, the meeting on it, and beta's
    // deck and meeting, whose lineage slides show it as beta-1's ancestor.
    await edit(join(content, 'alpha', 'alpha-2.md'), /^short: Alpha-2$/m, 'short: Alpha-Second');
    expect(rebuilt().sort()).toEqual([...folders].sort());
    for (const folder of ['slides/alpha', 'meetings/2026-12-01'])
      expect(slides(folder)).toContain('Alpha-Second');

    // Text only beta-1's slides show: beta's deck and the meeting on beta-1, nothing of alpha.
    await edit(join(content, 'beta', 'beta-1.md'), 'Open models.', 'Open weights, at last.');
    expect(rebuilt().sort()).toEqual(['meetings/2026-12-08', 'slides/beta']);
    expect(slides('meetings/2026-12-08')).toContain('Open weights, at last.');

    const exited = new Promise((resolve) => watcher?.once('exit', resolve));
    watcher.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 360_000);
});
