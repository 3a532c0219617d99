/**
 * `studykit watch --serve`: out/ served on 127.0.0.1 with a reload channel. A deck open on slide N shows
 * an edit of its paper's text without a manual reload (the fast preview), still on slide N, and then
 * reloads itself onto slide N once the rebuilt deck has landed; a builds_on edit reaches the deck's
 * lineage slide and lineage.svg. The served pages carry the reload script, the files in out/ do not,
 * and the server keeps present's rules (loopback Host names, GET and HEAD). Real Slidev builds,
 * starting from the run's shared build of the small fixture.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '@studykit/browser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, descendants, until } from './processes.js';
import { rawRequest as raw } from './raw-request.js';
import { bin, root, TEST_ENV } from './run-cli.js';
import { builtCopy, MINI_FULL, SHARED_BUILD_TIMEOUT } from './shared-build.js';

const LIVE = '/.studykit/live';

describe('studykit watch --serve', () => {
  let content = '';
  let out = '';
  let watcher: ChildProcess;
  let log = '';
  let origin = '';
  let browser: Browser;
  const builds = () => log.split('watch: ready').length - 1;
  const edit = (file: string, from: string, to: string) => {
    const path = join(content, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
  };
  const shows = (page: Page, selector: string, text: string) =>
    page
      .evaluate(
        ([s, t]) => document.querySelector(s as string)?.textContent?.includes(t as string) ?? false,
        [selector, text],
      )
      .catch(() => false);

  beforeAll(async () => {
    // A copy of the run's shared build of the small fixture: its outputs are current, so the watch's
    // first build draws and builds nothing, and each edit rebuilds the deck (a real Slidev build).
    const built = await builtCopy(MINI_FULL);
    ({ content, out } = built);
    watcher = spawn(
      'node',
      [
        bin,
        'watch',
        '--serve',
        '--port',
        '0',
        '--content',
        content,
        '--out',
        out,
        '--cache',
        built.cache,
        '--only',
        'lineage,slides',
        // One deck (a Slidev build each): every check here looks at alpha's.
        '--family',
        'alpha',
      ],
      { cwd: root, env: { ...process.env, ...TEST_ENV }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    watcher.stdout?.on('data', (chunk) => {
      log += chunk;
    });
    watcher.stderr?.on('data', (chunk) => {
      log += chunk;
    });
    await until('the first build', () => log.includes('watch: watching'), 400_000);
    expect(log).not.toMatch(/^slides: deck alpha: building/m);
    origin = /Live preview: (http:\/\/127\.0\.0\.1:\d+)\/index\.html/.exec(log)?.[1] ?? '';
    browser = await launchChromium();
  }, SHARED_BUILD_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    if (watcher.exitCode === null) watcher.kill('SIGKILL');
  });

  it('serves pages with the reload script; the files in out/ stay as built', async () => {
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const [path, file] of [
      ['/index.html', 'index.html'],
      ['/slides/alpha/', 'slides/alpha/index.html'],
      ['/lineage/lineage.svg', 'lineage/lineage.svg'],
    ] as const) {
      const served = await raw(origin, path);
      expect(served.status, path).toBe(200);
      expect(served.body, path).toContain(LIVE);
      expect(readFileSync(join(out, file), 'utf8'), file).not.toContain(LIVE);
      expect(Number(served.headers['content-length']), path).toBe(Buffer.byteLength(served.body));
    }
  });

  it('keeps present’s rules: loopback Host names only, GET and HEAD only, no dot-files', async () => {
    const port = new URL(origin).port;
    for (const path of ['/index.html', LIVE]) {
      expect((await raw(origin, path, { host: `attacker.example:${port}` })).status, path).toBe(421);
      expect((await raw(origin, path, { method: 'POST' })).status, path).toBe(405);
    }
    expect((await raw(origin, '/.studykit/lock')).status).toBe(404);
  });

  it('a deck open on slide N shows an edit at once, stays on N, and reloads onto N after its rebuild', async () => {
    const markdown = readFileSync(join(out, 'slides/alpha/slides.md'), 'utf8');
    const slide =
      markdown.slice(0, markdown.indexOf('plentiful')).split('<div v-pre class="sk-slide').length - 1;
    expect(slide).toBeGreaterThan(1);
    const page = await browser.newPage();
    await page.goto(`${origin}/slides/alpha/#/${slide}`);
    await page.waitForSelector(`.slidev-page-${slide} .sk-slide`);
    await until('the live channel', () => log.length > 0 && raw(origin, '/index.html').then(() => true));
    await page.evaluate(() => {
      (window as { notReloaded?: boolean }).notReloaded = true;
    });
    const before = builds();
    edit('alpha/alpha-1.md', 'plentiful', 'Zqxplenty');
    await until('the preview', () => shows(page, `.slidev-page-${slide}`, 'Zqxplenty'), 120_000);
    // Shown by the preview: the same page, never reloaded, on the same slide.
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(page.url()).toMatch(new RegExp(`#/${slide}$`));
    // Then the rebuilt deck lands and the page reloads itself, onto the same slide.
    await until('the rebuild', () => builds() > before, 300_000);
    await until('the reload', () =>
      page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded !== true).catch(() => false),
    );
    await until('the rebuilt slide', () => shows(page, `.slidev-page-${slide}`, 'Zqxplenty'));
    expect(page.url()).toMatch(new RegExp(`#/${slide}$`));
    expect(readFileSync(join(out, 'slides/alpha/slides.md'), 'utf8')).toContain('Zqxplenty');
  }, 400_000);

  it('a builds_on edit reaches the open lineage slide and lineage.svg', async () => {
    const manifest = JSON.parse(readFileSync(join(out, 'slides/alpha/deck.json'), 'utf8')) as {
      slides: { kind: string }[];
    };
    const lineage = manifest.slides.findIndex((s) => s.kind === 'lineage') + 1;
    expect(lineage).toBeGreaterThan(0);
    const deck = await browser.newPage();
    await deck.goto(`${origin}/slides/alpha/#/${lineage}`);
    await deck.waitForSelector(`.slidev-page-${lineage} .sk-diagram svg`);
    const svg = await browser.newPage();
    await svg.goto(`${origin}/lineage/lineage.svg`);
    await svg.waitForSelector('svg');
    expect(await shows(svg, 'svg', 'Zqxedge')).toBe(false);
    edit('alpha/alpha-2.md', '    kind: scales-up\n', '    kind: scales-up\n    label: Zqxedge\n');
    await until(
      'the lineage slide',
      () => shows(deck, `.slidev-page-${lineage} .sk-diagram`, 'Zqxedge'),
      300_000,
    );
    await until('lineage.svg', () => shows(svg, 'svg', 'Zqxedge'), 300_000);
  }, 400_000);

  it('SIGTERM stops it: no process and no open port left', async () => {
    const left = descendants(watcher.pid as number);
    const exited = new Promise<number | null>((resolve) => watcher.once('exit', (code) => resolve(code)));
    watcher.kill('SIGTERM');
    expect(await exited).toBe(0);
    await until('every process to exit', () => left.every((pid) => !alive(pid)), 20_000);
    await expect(raw(origin, '/index.html')).rejects.toThrow();
  }, 60_000);
});
