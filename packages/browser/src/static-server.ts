/**
 * The one static server: `studykit present` serves out/ with it, and the decks are printed from it.
 * It is for a browser on this machine only, and shows only what a build published:
 * - listens on 127.0.0.1;
 * - answers only `Host: 127.0.0.1:<port>`, `localhost:<port>` or `[::1]:<port>` (421 otherwise);
 * - answers only GET and HEAD (405 with `Allow: GET, HEAD` otherwise);
 * - never a dot-file or anything in a dot-folder (out/.cache, out/.staging), however encoded;
 * - never a file whose real path, symlinks followed, is outside the folder.
 * Files are read on each request, so a rebuild shows without restarting the server. `watch --serve`
 * adds two hooks: `rewrite` changes a page's bytes on their way out (the live-reload script; the file
 * is untouched) and `routes` answers a few dot-paths of its own (no file of the folder can be there).
 */
import { realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { contentTypeOf } from './content-type.js';
import { findInFolder } from './file-in-folder.js';
import { isLoopbackHost } from './loopback-host.js';
import { requestedPath } from './request-path.js';

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The port to listen on; 0 (the default) takes a free one. */
  port?: number;
  /** Changes what is sent for an HTML or SVG file (the file itself is never written). */
  rewrite?: (name: string, body: Buffer) => Buffer;
  /** Paths (starting `/.`, never a servable file) answered by the caller, after the Host and method checks. */
  routes?: ReadonlyMap<string, (request: IncomingMessage, response: ServerResponse) => void>;
}

/** The pages `rewrite` sees. */
const REWRITTEN = /\.(html|svg)$/;

/** Serve `root` read-only on 127.0.0.1 (see the top of this file for what is refused). */
export async function serveFolder(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  // Symlinks are judged against the folder's own real path.
  const realRoot = await realpath(root);
  let port = 0;
  const server = createServer((request, response) => {
    answer(realRoot, port, options, request, response).catch(() => {
      if (response.headersSent) response.destroy();
      else plain(response, 500, 'internal error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(
  realRoot: string,
  port: number,
  options: ServeOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!isLoopbackHost(request.headers.host, port)) {
    return plain(response, 421, 'misdirected request: open this server as 127.0.0.1 or localhost');
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return plain(response, 405, 'method not allowed', { allow: 'GET, HEAD' });
  }
  const route = options.routes?.get((request.url ?? '').split(/[?#]/, 1)[0] ?? '');
  if (route) return route(request, response);
  const requested = requestedPath(request.url ?? '');
  const found = requested ? await findInFolder(realRoot, requested) : undefined;
  if (!found || found.kind === 'missing') return plain(response, 404, 'not found');
  if (found.kind === 'redirect') {
    response.writeHead(301, { location: found.location, 'content-length': 0 }).end();
    return;
  }
  let body: Buffer | undefined;
  if (options.rewrite && REWRITTEN.test(found.name)) {
    body = options.rewrite(found.name, await found.handle.readFile());
    await found.handle.close();
  }
  response.writeHead(200, {
    'content-type': contentTypeOf(found.name),
    'content-length': body?.length ?? found.size,
    // A rebuilt file must show on the next reload.
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (body) {
    response.end(request.method === 'HEAD' ? undefined : body);
    return;
  }
  if (request.method === 'HEAD') {
    await found.handle.close();
    response.end();
    return;
  }
  await pipeline(found.handle.createReadStream(), response);
}

function plain(
  response: ServerResponse,
  status: number,
  text: string,
  headers: OutgoingHttpHeaders = {},
): void {
  response
    .writeHead(status, {
      ...headers,
      'content-type': 'text/plain; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'x-content-type-options': 'nosniff',
    })
    .end(text);
}
