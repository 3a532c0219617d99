import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../../tests/raw-request.js';
import { type StaticServer, serveFolder } from '../src/static-server.js';

const base = mkdtempSync(join(tmpdir(), 'studykit-static-'));
const root = join(base, 'out');
const outside = join(base, 'outside');
mkdirSync(join(root, 'slides', 'demo', 'assets'), { recursive: true });
mkdirSync(join(root, '.cache'));
mkdirSync(join(root, 'no-index'));
mkdirSync(outside);
writeFileSync(join(root, 'index.html'), '<title>index</title>');
writeFileSync(join(root, 'slides', 'demo', 'index.html'), '<title>deck</title>');
writeFileSync(join(root, 'slides', 'demo', 'assets', 'shiki.wasm'), '\0asm');
writeFileSync(join(root, '.cache', 'parse-cache.bin'), 'secret');
writeFileSync(join(outside, 'secret.txt'), 'secret');
writeFileSync(join(outside, 'index.html'), 'secret');
symlinkSync(join(outside, 'secret.txt'), join(root, 'leak.txt'));
symlinkSync(outside, join(root, 'linked'));
// A folder whose index.html is a link out of the folder.
mkdirSync(join(root, 'trap'));
symlinkSync(join(outside, 'index.html'), join(root, 'trap', 'index.html'));
// A named pipe: opening it for reading would wait for a writer forever.
execFileSync('mkfifo', [join(root, 'pipe.html')]);

let server: StaticServer;
beforeAll(async () => {
  server = await serveFolder(root);
});
afterAll(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});
const get = (path: string) => rawRequest(server.origin, path);

describe('serveFolder', () => {
  it('serves the folder on 127.0.0.1, a folder by its index.html, with the file type', async () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect((await get('/index.html')).body).toBe('<title>index</title>');
    expect((await get('/')).body).toBe('<title>index</title>');
    const deck = await get('/slides/demo/');
    expect([deck.status, deck.body, deck.headers['content-type']]).toEqual([
      200,
      '<title>deck</title>',
      'text/html; charset=utf-8',
    ]);
    const wasm = await get('/slides/demo/assets/shiki.wasm');
    expect([wasm.status, wasm.headers['content-type']]).toEqual([200, 'application/wasm']);
    expect(wasm.headers['cache-control']).toBe('no-store');
    expect(wasm.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends a folder asked without its slash to the slash (a deck links ./assets/…)', async () => {
    const bare = await get('/slides/demo?x=1');
    expect([bare.status, bare.headers.location]).toEqual([301, '/slides/demo/']);
    expect((await get('/no-index/')).status).toBe(404);
    expect((await get('/index.html/')).status).toBe(404);
  });

  it('reads files on each request: a rebuilt file shows at once', async () => {
    writeFileSync(join(root, 'fresh.html'), 'one');
    expect((await get('/fresh.html')).body).toBe('one');
    writeFileSync(join(root, 'fresh.html'), 'two');
    expect((await get('/fresh.html')).body).toBe('two');
  });

  it('answers HEAD with the headers only', async () => {
    const head = await rawRequest(server.origin, '/index.html', { method: 'HEAD' });
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', '20']);
  });

  it('refuses other methods, other hosts, hidden paths and paths leaving the folder', async () => {
    const post = await rawRequest(server.origin, '/index.html', { method: 'POST' });
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
    const rebound = await rawRequest(server.origin, '/index.html', {
      host: `attacker.example:${server.port}`,
    });
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain('index');
    for (const path of [
      '/.cache/parse-cache.bin',
      '/%2ecache/parse-cache.bin',
      '/leak.txt',
      '/linked/secret.txt',
      '/linked/',
      '/trap/',
      '/../outside/secret.txt',
      '/%2e%2e/outside/secret.txt',
      '/pipe.html',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('secret');
    }
  });
});

describe('serveFolder with a rewrite and routes (watch --serve)', () => {
  let live: StaticServer;
  beforeAll(async () => {
    live = await serveFolder(root, {
      rewrite: (name, body) => Buffer.from(`${body.toString()}<!-- served ${name} -->`),
      routes: new Map([['/.live', (_request, response) => response.end('route answered')]]),
    });
  });
  afterAll(() => live.close());

  it('rewrites HTML as sent, with its length, and leaves other files and the file on disk alone', async () => {
    const page = await rawRequest(live.origin, '/index.html');
    expect(page.body).toBe('<title>index</title><!-- served index.html -->');
    expect(page.headers['content-length']).toBe(String(Buffer.byteLength(page.body)));
    expect((await rawRequest(live.origin, '/slides/demo/assets/shiki.wasm')).body).toBe('\0asm');
    const head = await rawRequest(live.origin, '/index.html', { method: 'HEAD' });
    expect([head.status, head.body]).toEqual([200, '']);
  });

  it('answers its routes only after the Host and method checks', async () => {
    expect((await rawRequest(live.origin, '/.live')).body).toBe('route answered');
    expect((await rawRequest(live.origin, '/.live', { host: 'evil.example' })).status).toBe(421);
    expect((await rawRequest(live.origin, '/.live', { method: 'POST' })).status).toBe(405);
    // The route is one exact path: its neighbours are still dot-paths, never served.
    expect((await rawRequest(live.origin, '/.live/x')).status).toBe(404);
  });
});
