/**
 * `watch --serve`: out/ served by the one static server (`serveFolder`: 127.0.0.1, loopback Host
 * names, GET and HEAD, no dot-files, no way out of the folder), with a reload channel. Each HTML page
 * and SVG is sent with a small script (browser/live-page.ts) that opens a server-sent event stream at
 * `/.studykit/live` (a dot-path: no file of out/ can be there); the files in out/ stay as the build
 * wrote them. The server knows which pages are open, tells a page to reload when its output lands,
 * and sends an open deck its preview before its full build.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type StaticServer, serveFolder } from '@studykit/browser';
import { type LiveMessage, type LiveSlide, livePage } from './browser/live-page.js';

export const LIVE_ENDPOINT = '/.studykit/live';
/** A comment line now and then keeps the stream open through idle proxies and tells a dead one. */
const KEEP_ALIVE_MS = 15_000;

const SCRIPT = `(${livePage.toString()})(${JSON.stringify(LIVE_ENDPOINT)});`;
const HTML_TAG = Buffer.from(`<script>${SCRIPT}</script>`);
const SVG_TAG = Buffer.from(`<script type="text/javascript"><![CDATA[${SCRIPT}]]></script>`);

interface Client {
  /** The output the page shows, as out/ names it: `index.html`, `slides/llama`, `lineage/lineage.svg`. */
  output: string;
  response: ServerResponse;
}

export class LiveServer {
  private readonly clients = new Set<Client>();
  private keepAlive: NodeJS.Timeout | undefined;

  private server: StaticServer | undefined;

  /** `opened` is told each output a page opens (a deck's fast path warms up then, not at the first edit). */
  private constructor(private readonly opened: (output: string) => void) {}

  static async start(
    out: string,
    port: number,
    opened: (output: string) => void = () => {},
  ): Promise<LiveServer> {
    const live = new LiveServer(opened);
    live.server = await serveFolder(out, {
      port,
      rewrite: (name, body) => withScript(name, body),
      routes: new Map([[LIVE_ENDPOINT, (request, response) => live.subscribe(request, response)]]),
    });
    live.keepAlive = setInterval(() => live.sendRaw(': keep-alive\n\n'), KEEP_ALIVE_MS);
    live.keepAlive.unref();
    return live;
  }

  get origin(): string {
    return this.server?.origin ?? '';
  }

  /** The output folders (`slides/<id>`, `meetings/<id>`) that a browser has open. */
  openOutputs(): string[] {
    return [...new Set([...this.clients].map((client) => client.output))];
  }

  /**
   * Outputs that landed in out/: every page showing one of them reloads (the index is written last
   * in every build, so it reloads once, at the end).
   */
  landed(paths: readonly string[]): void {
    for (const client of this.clients) {
      const output = client.output;
      if (paths.some((path) => output === path || output.startsWith(`${path}/`))) {
        send(client, { type: 'reload' });
      }
    }
  }

  /** A deck laid out again: its open pages show these slides until its build lands. */
  preview(folder: string, slides: LiveSlide[], css: string): number {
    let sent = 0;
    for (const client of this.clients) {
      if (client.output !== folder) continue;
      send(client, { type: 'preview', slides, css });
      sent += 1;
    }
    return sent;
  }

  async close(): Promise<void> {
    clearInterval(this.keepAlive);
    for (const client of this.clients) client.response.end();
    this.clients.clear();
    await this.server?.close();
  }

  private subscribe(request: IncomingMessage, response: ServerResponse): void {
    const page = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('page') ?? '/';
    const client: Client = { output: outputOf(page), response };
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    response.write(': live\n\n');
    this.clients.add(client);
    this.opened(client.output);
    // The response's close: the request's fires once its (empty) body is read.
    response.on('close', () => this.clients.delete(client));
  }

  private sendRaw(text: string): void {
    for (const client of this.clients) client.response.write(text);
  }
}

function send(client: Client, message: LiveMessage): void {
  client.response.write(`data: ${JSON.stringify(message)}\n\n`);
}

/**
 * The output a page path belongs to: a deck's folder for any page inside it (`/slides/llama/`,
 * `/slides/llama/index.html`), else the file itself; `/` is the index.
 */
export function outputOf(page: string): string {
  let segments: string[];
  try {
    segments = page.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return '';
  }
  if (segments.length === 0) return 'index.html';
  if (
    (segments[0] === 'slides' || segments[0] === 'meetings') &&
    segments.length >= 2 &&
    !segments[1]?.includes('.')
  ) {
    return segments.slice(0, 2).join('/');
  }
  return segments.join('/');
}

/** The page with the live script: before `</head>` (HTML) or `</svg>` (SVG); a page without either as it is. */
export function withScript(name: string, body: Buffer): Buffer {
  const svg = name.endsWith('.svg');
  const marker = svg ? '</svg>' : '</head>';
  const at = svg ? body.lastIndexOf(marker) : body.indexOf(marker);
  if (at < 0) return body;
  return Buffer.concat([body.subarray(0, at), svg ? SVG_TAG : HTML_TAG, body.subarray(at)]);
}
