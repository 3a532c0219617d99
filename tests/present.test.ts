import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '@studykit/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest as raw } from './raw-request.js';
import { bin, root } from './run-cli.js';
import { builtMini } from './shared-build.js';
import { temporaryFolder } from './temporary.js';

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

/** The origin `present` printed ("Study kit: http://127.0.0.1:PORT/index.html"). */
function originOf(lines: string[]): string {
  const url = lines.find((line) => line.startsWith('Study kit: '))?.slice('Study kit: '.length) ?? '';
  return new URL(url).origin;
}

/**
 * An output folder as a build leaves it, plus what must never be served: the caches in dot-folders,
 * dot-files, and symlinks that lead out of the folder to a file and to a folder holding a secret.
 */
function hostileOut(): { out: string; outside: string } {
  const base = temporaryFolder('studykit-present-hostile-');
  const out = join(base, 'out');
  const outside = join(base, 'outside');
  mkdirSync(join(out, '.cache'), { recursive: true });
  mkdirSync(join(out, '.staging', 'deck'), { recursive: true });
  mkdirSync(join(out, 'slides', 'alpha', 'assets'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(out, 'index.html'), '<title>study kit</title>');
  writeFileSync(join(out, 'slides', 'alpha', 'index.html'), '<title>deck alpha</title>');
  writeFileSync(join(out, 'slides', 'alpha', 'assets', 'font.woff2'), 'wOF2');
  writeFileSync(join(out, '.cache', 'parse-cache.bin'), 'CACHE-SECRET');
  writeFileSync(join(out, '.cache', 'index.html'), 'CACHE-SECRET');
  writeFileSync(join(out, '.staging', 'deck', 'index.html'), 'CACHE-SECRET');
  writeFileSync(join(out, '.env'), 'CACHE-SECRET');
  writeFileSync(join(out, 'slides', '.notes.html'), 'CACHE-SECRET');
  writeFileSync(join(outside, 'secret.txt'), 'OUTSIDE-SECRET');
  writeFileSync(join(outside, 'index.html'), 'OUTSIDE-SECRET');
  symlinkSync(join(outside, 'secret.txt'), join(out, 'leak.txt'));
  symlinkSync(outside, join(out, 'elsewhere'));
  symlinkSync(join(out, '.cache'), join(out, 'cache-alias'));
  // A link that stays inside the folder is fine.
  symlinkSync(join(out, 'index.html'), join(out, 'home.html'));
  return { out, outside: base };
}

describe('studykit present', () => {
  let running: ChildProcess | undefined;
  afterEach(() => {
    running?.kill('SIGINT');
  });

  it('without --family serves the index on 127.0.0.1, whose links answer', async () => {
    // The small fixture's diagram and report, built once per run (tests/shared-build.ts).
    const { out } = await builtMini();
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
      // The build left no cache in out/; a dot-folder put there by hand stays unreachable.
      expect(existsSync(join(out, '.cache'))).toBe(false);
      mkdirSync(join(out, '.cache'));
      writeFileSync(join(out, '.cache', 'outputs.json'), '{}');
      expect((await page.request.get(new URL('/.cache/outputs.json', url).href)).status()).toBe(404);
    } finally {
      await browser.close();
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 240_000);

  describe('answers only what a local browser may ask', () => {
    const { out, outside } = hostileOut();
    let origin = '';
    let server: ChildProcess | undefined;
    beforeAll(async () => {
      const { child, lines } = await present(['--out', out]);
      server = child;
      origin = originOf(lines);
    });
    afterAll(() => {
      server?.kill('SIGINT');
      rmSync(outside, { recursive: true, force: true });
    });

    it('listens on 127.0.0.1 and serves pages, folders and fonts from the output folder', async () => {
      expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const home = await raw(origin, '/');
      expect(home.status).toBe(200);
      expect(home.body).toContain('study kit');
      expect(home.headers['content-type']).toMatch(/^text\/html; ?charset=utf-8$/);
      expect((await raw(origin, '/slides/alpha/')).body).toContain('deck alpha');
      // A deck's assets are relative (./assets/…): its folder is answered with a redirect to the slash.
      const bare = await raw(origin, '/slides/alpha');
      expect(bare.status).toBe(301);
      expect(bare.headers.location).toBe('/slides/alpha/');
      const font = await raw(origin, '/slides/alpha/assets/font.woff2');
      expect([font.status, font.headers['content-type']]).toEqual([200, 'font/woff2']);
      expect((await raw(origin, '/home.html')).body).toContain('study kit');
      const head = await raw(origin, '/index.html', { method: 'HEAD' });
      expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', '24']);
    });

    it('answers a page under another host name (DNS rebinding) with 421 and nothing of the folder', async () => {
      const port = new URL(origin).port;
      for (const host of [`localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, `127.0.0.1:${port}`]) {
        expect((await raw(origin, '/index.html', { host })).status, host).toBe(200);
      }
      for (const host of [
        `attacker.example:${port}`,
        'attacker.example',
        `localhost.attacker.example:${port}`,
        `127.0.0.1.nip.io:${port}`,
        '127.0.0.1',
        'localhost',
        `127.0.0.1:${Number(port) + 1}`,
        `0.0.0.0:${port}`,
        `user@127.0.0.1:${port}`,
        '',
        null,
      ]) {
        const response = await raw(origin, '/index.html', { host });
        expect([421, 400], String(host)).toContain(response.status);
        expect(response.body, String(host)).not.toContain('study kit');
      }
    });

    it('answers only GET and HEAD: anything else is 405 with Allow: GET, HEAD, and changes nothing', async () => {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND']) {
        const response = await raw(origin, '/index.html', { method });
        expect(response.status, method).toBe(405);
        expect(response.headers.allow, method).toBe('GET, HEAD');
        expect(response.body, method).not.toContain('study kit');
      }
      expect(existsSync(join(out, 'index.html'))).toBe(true);
    });

    it('never serves a dot-file or anything under a dot-folder, however the path is spelled', async () => {
      for (const path of [
        '/.cache/parse-cache.bin',
        '/.cache/',
        '/.cache',
        '/.env',
        '/slides/.notes.html',
        '/.staging/deck/',
        '/%2ecache/parse-cache.bin',
        '/%2Ecache/parse-cache.bin',
        '/.%63ache/parse-cache.bin',
        '/%2e%63%61%63%68%65/parse-cache.bin',
        '/%2e%65nv',
        '/./.cache/parse-cache.bin',
        '//.cache/parse-cache.bin',
        '/slides/../.cache/parse-cache.bin',
        '/slides/%2e%2e/.cache/parse-cache.bin',
        '/slides/%2E%2E/%2Ecache/parse-cache.bin',
        '/slides%2f..%2f.cache%2fparse-cache.bin',
        '/.cache%2fparse-cache.bin',
        '/slides\\..\\.cache\\parse-cache.bin',
        '/%5c.cache%5cparse-cache.bin',
        '/slides/alpha/..%5c..%5c.cache/parse-cache.bin',
        '/cache-alias/parse-cache.bin',
        '/cache-alias/',
        '/.cache/parse-cache.bin?x=1',
        '/.cache/parse-cache.bin#x',
      ]) {
        const response = await raw(origin, path);
        expect(response.status, path).toBe(404);
        expect(response.body, path).not.toContain('SECRET');
      }
    });

    it('never serves a file whose real path is outside the folder (symlinks, ..)', async () => {
      for (const path of [
        '/leak.txt',
        '/elsewhere/secret.txt',
        '/elsewhere/',
        '/../outside/secret.txt',
        '/%2e%2e/outside/secret.txt',
        '/slides/../../outside/secret.txt',
        '/..%2foutside%2fsecret.txt',
      ]) {
        const response = await raw(origin, path);
        expect(response.status, path).toBe(404);
        expect(response.body, path).not.toContain('SECRET');
      }
    });
  });

  it('a family without a built deck is a usage error', async () => {
    await expect(present(['--family', 'nope', '--out', join(root, 'out')])).rejects.toThrow(
      /present exited with 2: studykit: no built deck at .*nope/,
    );
  });
});
