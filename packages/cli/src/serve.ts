/**
 * The static server of `studykit present`: sirv over the output folder, on 127.0.0.1 only (a deck is
 * a web app and needs http, not file://). sirv keeps every path inside the folder.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

/** Serve a folder on 127.0.0.1; port 0 takes any free port. */
export async function serveFolder(root: string, port = 0): Promise<StaticServer> {
  // dev: files are read on each request, so a rebuild shows without restarting the server.
  const handler = sirv(root, { dev: true, etag: false, dotfiles: false });
  const server = createServer((request, response) =>
    handler(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
