/**
 * A build is safe to run and its out/ safe to publish: it deletes nothing it did not make, refuses an
 * output folder where it could overwrite what is not its own, runs one at a time per out/, lands its
 * outputs as one set (a killed build leaves the previous set), and keeps caches out of out/.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, root, studykit, studykitBuild, TEST_ENV, useCliRunner } from './run-cli.js';
import { builtMini } from './shared-build.js';
import { temporaryFolder } from './temporary.js';

// Its builds, one after the other, in one CLI process with a warm Chromium.
useCliRunner();

const mini = join(root, 'tests/fixtures/content-mini');
const FAKE_SLIDEV = join(root, 'apps/slides/test/fake-slidev.mjs');

/** A fresh folder with a copy of the small fixture as content/, an out/ path and a cache path. */
function workspace() {
  const dir = temporaryFolder('studykit-safe-');
  const content = join(dir, 'content');
  cpSync(mini, content, { recursive: true });
  return { dir, content, out: join(dir, 'out'), cache: join(dir, 'cache') };
}

/** Every file below a folder with its bytes. */
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

const CHEAP = ['--only', 'lineage,report'];

describe('a build deletes only what it made', () => {
  it('keeps files of the user named like temporaries, and a .staging folder, in out/', async () => {
    const { content, out, cache } = workspace();
    mkdirSync(join(out, 'backup.tmp-0123456789ab'), { recursive: true });
    writeFileSync(join(out, 'backup.tmp-0123456789ab', 'thesis.tex'), 'months of work');
    mkdirSync(join(out, '.staging'));
    writeFileSync(join(out, '.staging', 'mine.txt'), 'mine');
    writeFileSync(join(out, 'notes.tmp-abcdefabcdef'), 'mine too');
    const result = await studykitBuild({ content, out, cache }, ...CHEAP);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(out, 'backup.tmp-0123456789ab', 'thesis.tex'), 'utf8')).toBe('months of work');
    expect(readFileSync(join(out, '.staging', 'mine.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(out, 'notes.tmp-abcdefabcdef'), 'utf8')).toBe('mine too');
    // Nothing of studykit's own is left beside the outputs once the build is over.
    expect(existsSync(join(out, '.studykit'))).toBe(false);
  }, 120_000);

  it('refuses an output folder that is the root, the home folder, the content or holds it', async () => {
    const { dir, content, out } = workspace();
    const home = join(dir, 'home');
    mkdirSync(home);
    const cases: [string[], string][] = [
      [['--out', '/'], 'refusing --out /: it is the root of the file system'],
      [['--out', home], `refusing --out ${home}: it is your home folder`],
      [['--out', content], `refusing --out ${content}: it is the content folder`],
      [['--out', dir], `refusing --out ${dir}: it holds the content folder ${content}`],
      [
        ['--out', join(content, 'out')],
        `refusing --out ${join(content, 'out')}: it is inside the content folder`,
      ],
      [
        ['--out', out, '--cache', join(out, 'cache')],
        `refusing --cache ${join(out, 'cache')}: it is inside --out`,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await studykit(['build', '--content', content, ...args], { HOME: home });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(`studykit: ${message}`)]);
    }
    expect(readdirSync(home)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe('one build at a time per out/', () => {
  it('a second build on the same out/ stops with one line naming the first; the first completes', async () => {
    const { content, out, cache } = workspace();
    const first = spawn(
      'node',
      [bin, 'build', '--content', content, '--out', out, '--cache', cache, ...CHEAP],
      {
        cwd: root,
        env: { ...process.env, ...TEST_ENV },
      },
    );
    const firstDone = new Promise<number>((resolve) => first.on('exit', (code) => resolve(code ?? 1)));
    const lock = join(out, '.studykit', 'lock');
    while (!existsSync(lock)) await new Promise((wait) => setTimeout(wait, 20));
    const second = await studykitBuild({ content, out, cache: join(cache, '2') }, ...CHEAP);
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toBe(
      `studykit: ${out} is being written by another studykit build (pid ${first.pid}, since ${
        JSON.parse(readFileSync(lock, 'utf8')).started
      }); wait for it to finish or stop it, then run this again`,
    );
    expect(await firstDone).toBe(0);
    expect(existsSync(join(out, 'report', 'study-report.pdf'))).toBe(true);
  }, 120_000);

  it('takes over the lock of a build that was killed', async () => {
    const { content, out, cache } = workspace();
    mkdirSync(join(out, '.studykit'), { recursive: true });
    // A pid that no process has (the kernel's default pid_max is 4,194,304).
    const dead = 4_194_000;
    writeFileSync(
      join(out, '.studykit', 'lock'),
      JSON.stringify({
        pid: dead,
        host: (await import('node:os')).hostname(),
        started: 'x',
        command: 'build',
      }),
    );
    const result = await studykitBuild({ content, out, cache }, '--only', 'index');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`studykit: a build of ${out} (pid ${dead}) was killed`);
    expect(existsSync(join(out, '.studykit'))).toBe(false);
  }, 60_000);
});

describe('all or nothing', () => {
  it('a build killed before it lands leaves the previous set untouched; the next build cleans up', async () => {
    // The previous set: the small fixture's diagram and report, built once per run (tests/shared-build.ts).
    const { content, out, cache } = await builtMini();
    const before = snapshot(out);
    // An edit every output shows, then a build killed once the lineage is rendered (the report still drawing).
    const paper = join(content, 'alpha', 'alpha-1.md');
    writeFileSync(paper, readFileSync(paper, 'utf8').replace(/^short: .*$/m, 'short: Renamed'));
    const killed = spawn(
      'node',
      [bin, 'build', '--content', content, '--out', out, '--cache', cache, ...CHEAP],
      {
        cwd: root,
        env: { ...process.env, ...TEST_ENV },
      },
    );
    let stderr = '';
    await new Promise<void>((resolve) => {
      killed.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/^lineage: wrote /m.test(stderr)) {
          killed.kill('SIGKILL');
          resolve();
        }
      });
      killed.on('exit', () => resolve());
    });
    await new Promise((resolve) => killed.on('exit', resolve));
    expect(stderr).toMatch(/^lineage: wrote /m);
    // Everything that was there is there, byte for byte; only studykit's own folder was added.
    const after = snapshot(out);
    for (const [path, bytes] of before) expect(after.get(path), path).toBe(bytes);
    expect(
      [...after.keys()].filter((path) => !before.has(path)).every((path) => path.startsWith('/.studykit/')),
    ).toBe(true);
    const next = await studykitBuild({ content, out, cache }, ...CHEAP);
    expect(next.code, next.stderr).toBe(0);
    expect(existsSync(join(out, '.studykit'))).toBe(false);
    expect(readFileSync(join(out, 'lineage', 'lineage.mmd'), 'utf8')).toContain('Renamed');
  }, 180_000);
});

describe('nothing private in out/', () => {
  it('keeps the default cache out of out/', async () => {
    const { content, out } = workspace();
    const cacheRoot = join(out, '..', 'cache-root');
    const result = await studykit(['build', '--content', content, '--out', out, '--only', 'index'], {
      STUDYKIT_CACHE_ROOT: cacheRoot,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['index.html', 'references.bib', 'references.json']);
    // One folder per content and output pair, holding the parse cache.
    const [folder] = readdirSync(cacheRoot);
    expect(readdirSync(join(cacheRoot, folder ?? ''))).toContain('parse-cache.bin');
  }, 60_000);
});

describe('--no-notes', () => {
  it('leaves not one byte of note text in out/ (default cache): decks, PDFs, handouts, report', async () => {
    const { content, out, cache } = workspace();
    const marker = 'Zqxjv private remark';
    const paper = join(content, 'alpha', 'alpha-1.md');
    writeFileSync(
      paper,
      readFileSync(paper, 'utf8').replace(
        'Open with the data problem.',
        `Open with the data problem. ${marker}.`,
      ),
    );
    const result = await studykit([
      'build',
      '--content',
      content,
      '--out',
      out,
      '--no-notes',
      '--family',
      'alpha',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    );
    expect(files.some((entry) => entry.name.endsWith('.pdf'))).toBe(true);
    const holding: string[] = [];
    for (const entry of files) {
      const path = join(entry.parentPath, entry.name);
      const bytes = readFileSync(path);
      const text = entry.name.endsWith('.pdf')
        ? execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })
        : bytes.toString('utf8');
      if (text.includes('Zqxjv') || bytes.includes('Zqxjv')) holding.push(path.slice(out.length));
    }
    expect(holding).toEqual([]);
    // The same build with notes has them (the probe can find them). Only deck.json is read, which
    // studykit writes itself: Slidev's stand-in builds the site (seconds instead of a real build).
    const withNotes = await studykit(
      [
        'build',
        '--content',
        content,
        '--out',
        out,
        '--cache',
        cache,
        '--no-pdf',
        '--only',
        'slides',
        '--family',
        'alpha',
      ],
      { STUDYKIT_SLIDEV_BIN: FAKE_SLIDEV },
    );
    expect(withNotes.code, withNotes.stderr).toBe(0);
    expect(readFileSync(join(out, 'slides', 'alpha', 'deck.json'), 'utf8')).toContain('Zqxjv');
  }, 240_000);
});
