import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveFolder } from '../src/serve.js';

const root = mkdtempSync(join(tmpdir(), 'studykit-serve-'));
mkdirSync(join(root, 'slides', 'demo'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<title>index</title>');
writeFileSync(join(root, 'slides', 'demo', 'index.html'), '<title>deck</title>');
writeFileSync(join(tmpdir(), 'studykit-serve-secret.txt'), 'secret');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A raw GET (fetch would normalise `..` away before it reaches the server). */
function get(origin: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { path }, (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveFolder (studykit present)', () => {
  it('serves the output folder on 127.0.0.1 and nothing outside it', async () => {
    const server = await serveFolder(root);
    try {
      expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await get(server.origin, '/index.html')).body).toContain('index');
      expect((await get(server.origin, '/slides/demo/')).body).toContain('deck');
      expect((await get(server.origin, '/nope.html')).status).toBe(404);
      for (const path of [
        '/../studykit-serve-secret.txt',
        '/slides/../../studykit-serve-secret.txt',
        '/%2e%2e/studykit-serve-secret.txt',
      ]) {
        const response = await get(server.origin, path);
        expect(response.body, path).not.toContain('secret');
      }
    } finally {
      await server.close();
    }
  });
});
