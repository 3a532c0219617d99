/**
 * What the rendering page may load: its own HTML and script, mermaid's dist bundle (and its ELK layout) and the kit's
 * faces, served through a Playwright route at a made-up origin (file:// ESM is blocked by CORS).
 * Every other request is aborted, so a label that sneaks in an <img src> can never reach the network.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import { FACES, facePath } from '@studykit/fonts';
import { katexAssets } from '@studykit/math';
import { PAGE_SCRIPT } from './page-script.js';

export const PAGE_ORIGIN = 'http://studykit-diagram.invalid';
export const PAGE_URL = `${PAGE_ORIGIN}/index.html`;

const require = createRequire(import.meta.url);
/** mermaid's dist folder: the ESM bundle imports its chunks by relative path, so serve all of it. */
const MERMAID_DIST = dirname(require.resolve('mermaid/dist/mermaid.esm.min.mjs'));
/** The ELK layout (@mermaid-js/layout-elk): lineage diagrams route their edges around nodes with it. */
const ELK_DIST = dirname(require.resolve('@mermaid-js/layout-elk/dist/mermaid-layout-elk.esm.min.mjs'));
/** KaTeX's stylesheet and its fonts folder beside it (@studykit/math's assets): formulas are drawn with these. */
const KATEX_DIST = dirname(katexAssets().css);
/** Where the page loads KaTeX's stylesheet from (its fonts follow as `fonts/…` beside it). */
export const KATEX_CSS_URL = `${PAGE_ORIGIN}/katex/katex.min.css`;

/**
 * The kit's own faces, served whole to the page: mermaid measures its labels with exactly the fonts
 * that the SVG later embeds (as subsets) and the decks carry, never a font of this machine's.
 */
const DIAGRAM_FACES = (['sans', 'cjk', 'emoji'] as const).map((id) => FACES[id]);

const PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>diagram</title>
<style>
${DIAGRAM_FACES.map((face) => `@font-face { font-family: '${face.family}'; font-weight: 400; font-style: normal; src: url('/fonts/${face.id}.ttf') format('truetype'); }`).join('\n')}
  html, body { margin: 0; padding: 0; background: #ffffff; }
  #stage { display: inline-block; line-height: 0; }
  @page { margin: 0; }
</style></head>
<body><div id="stage"></div>
<script type="module" src="/page-script.mjs"></script>
</body></html>`;

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.map': 'application/json',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

// mermaid's bundle is ~3 MB: read it once per process, not once per browser launch.
const cache = new Map<string, Promise<Buffer>>();
function readCached(file: string): Promise<Buffer> {
  let body = cache.get(file);
  if (!body) {
    body = readFile(file);
    body.catch(() => cache.delete(file));
    cache.set(file, body);
  }
  return body;
}

export interface Asset {
  body: string | Buffer;
  contentType: string;
}

/** The asset for a request url, or undefined (the request is then aborted). */
export async function assetFor(url: string): Promise<Asset | undefined> {
  const parsed = new URL(url);
  if (parsed.origin !== PAGE_ORIGIN) return undefined;
  if (parsed.pathname === '/index.html') return { body: PAGE_HTML, contentType: 'text/html; charset=utf-8' };
  if (parsed.pathname === '/page-script.mjs') return { body: PAGE_SCRIPT, contentType: 'text/javascript' };
  if (parsed.pathname.startsWith('/mermaid/'))
    return fileAsset(MERMAID_DIST, parsed.pathname.slice('/mermaid/'.length));
  if (parsed.pathname.startsWith('/mermaid-elk/'))
    return fileAsset(ELK_DIST, parsed.pathname.slice('/mermaid-elk/'.length));
  if (parsed.pathname === '/katex/katex.min.css' || parsed.pathname.startsWith('/katex/fonts/'))
    return fileAsset(KATEX_DIST, parsed.pathname.slice('/katex/'.length));
  const face = DIAGRAM_FACES.find((f) => parsed.pathname === `/fonts/${f.id}.ttf`);
  if (face) return { body: await readCached(facePath(face.id)), contentType: 'font/ttf' };
  return undefined;
}

/** A file inside `root` (never outside it, whatever the path says). */
async function fileAsset(root: string, relative: string): Promise<Asset | undefined> {
  const file = normalize(join(root, decodeURIComponent(relative)));
  if (!file.startsWith(root + sep)) return undefined;
  const extension = file.slice(file.lastIndexOf('.'));
  try {
    return { body: await readCached(file), contentType: TYPES[extension] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}
