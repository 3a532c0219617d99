/**
 * A small static file server on 127.0.0.1 for built decks (`studykit present`, and the browser tests).
 * It serves the whole <outDir>/slides folder so the deck lives at /slides/<family>/ as it would on a
 * static host; paths are confined to that folder.
 */
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { deckPaths } from './render-decks.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

/** Serve a folder on 127.0.0.1 (port 0: any free port). */
export async function serveFolder(root: string, port = 0): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      let path = resolve(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) {
        response.writeHead(403).end('forbidden');
        return;
      }
      const info = await stat(path).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          response.writeHead(301, { location: `${url.pathname}/` }).end();
          return;
        }
        path = join(path, 'index.html');
      }
      if (!existsSync(path) || !(await stat(path)).isFile()) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response.writeHead(200, {
        'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      createReadStream(path).pipe(response);
    } catch {
      response.writeHead(400).end('bad request');
    }
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePromise());
  });
  const address = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}

export interface Presentation {
  /** The audience view. */
  url: string;
  /** The presenter view: notes, next slide, timer. */
  presenterUrl: string;
  close(): Promise<void>;
}

/** Serve a built deck for `studykit present`: <origin>/slides/<family>/ with hash routes. */
export async function servePresentation(options: {
  outDir: string;
  family: string;
  port?: number;
}): Promise<Presentation> {
  const { slidesDir, deckDir } = deckPaths(options.outDir, options.family);
  if (!existsSync(join(deckDir, 'index.html'))) {
    throw new Error(
      `No built deck for family "${options.family}" in ${deckDir}. Build it first: studykit build --only slides --family ${options.family}`,
    );
  }
  const server = await serveFolder(resolve(slidesDir, '..'), options.port ?? 0);
  const deckUrl = `${server.origin}/slides/${encodeURIComponent(options.family)}/`;
  return { url: `${deckUrl}#/1`, presenterUrl: `${deckUrl}#/presenter/1`, close: server.close };
}
