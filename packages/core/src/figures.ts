/**
 * Figures in one file's markdown, read once per file (so the parse cache keeps the result): a
 * ```` ```mermaid ```` block becomes a `diagram` node, and every `![alt](path)` is resolved against
 * the folder of the file that writes it, as CommonMark and editors' previews read it. What the text
 * alone shows is reported here (a remote URL, a path leading out of the content folder, a missing
 * alt text); whether the file exists and is an image is asked of the disk later (see assets.ts).
 */
import { posix } from 'node:path';
import type { Code, Image, Nodes, RootContent } from 'mdast';
import type { Diagram, Span } from './ast.js';
import type { DiagnosticSink } from './diagnostics.js';
import { checkDiagram } from './diagram-check.js';
import type { Locator } from './location.js';
import { checkMath } from './math-check.js';
import { printable } from './printable.js';

/** A local image a file shows: its path relative to the content folder and where it is written. */
export interface ImageReference {
  /** The destination as written, for messages. */
  url: string;
  path: string;
  span: Span;
}

/** Where an image's destination leads. */
export type ImageTarget =
  | { kind: 'file'; path: string }
  | { kind: 'remote' }
  | { kind: 'scheme'; scheme: string }
  | { kind: 'outside' }
  | { kind: 'absolute' }
  | { kind: 'empty' };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Resolves `url` (as written in `file`, relative to the content folder) the way a browser resolves a
 * relative URL: query and fragment dropped, percent-escapes decoded (`my%20figure.png`).
 */
export function resolveImage(file: string, url: string): ImageTarget {
  const trimmed = url.trim();
  if (trimmed.startsWith('//')) return { kind: 'remote' };
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return { kind: 'remote' };
  if (scheme) return { kind: 'scheme', scheme };
  const bare = trimmed.replace(/[?#].*$/s, '');
  if (bare === '') return { kind: 'empty' };
  let decoded = bare;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    // A lone `%` is a literal percent sign, as browsers read it.
  }
  if (decoded.startsWith('/')) return { kind: 'absolute' };
  const path = posix.normalize(posix.join(posix.dirname(file), decoded));
  if (path === '..' || path.startsWith('../')) return { kind: 'outside' };
  return { kind: 'file', path };
}

/** A destination shortened for a one-line message (a `data:` URL can be megabytes). */
export function shownUrl(url: string): string {
  return printable(url.length > 80 ? `${url.slice(0, 77)}…` : url);
}

const COPY_IN =
  'Copy the file into the content folder (e.g. next to this file) and write its path relative to this file: `![what it shows](figure.png)`.';

/** What a file needs to read its figures: its path, text and positions. */
export interface FigureSource {
  path: string;
  text: string;
  locator: Locator;
}

/**
 * Walks lists of nodes (a file's tree, its footnotes): turns mermaid blocks into diagrams in place,
 * checks formulas and image destinations, and returns the local images in reading order.
 */
export function readFigures(
  lists: RootContent[][],
  source: FigureSource,
  sink: DiagnosticSink,
): ImageReference[] {
  const images: ImageReference[] = [];
  // A loop, not a recursion: the tree's depth is bounded (nesting.ts) but need not be trusted here.
  const pending: RootContent[][] = [...lists];
  while (pending.length > 0) {
    const children = pending.pop() as RootContent[];
    children.forEach((node, index) => {
      if (node.type === 'code' && node.lang?.toLowerCase() === 'mermaid') {
        const diagram = toDiagram(node);
        checkDiagram(diagram, source, sink);
        children[index] = diagram;
      } else if (node.type === 'image') {
        const found = readImage(node, source, sink);
        if (found) images.push(found);
      } else if (node.type === 'inlineMath' || node.type === 'math') {
        checkMath(node, source, sink);
      } else if ('children' in node) {
        pending.push(node.children as RootContent[]);
      }
    });
  }
  return images.sort((a, b) => a.span.start.offset - b.span.start.offset);
}

function spanOf(node: Nodes, locator: Locator): Span {
  const start = node.position?.start.offset ?? 0;
  return locator.span(start, node.position?.end.offset ?? start);
}

function readImage(node: Image, source: FigureSource, sink: DiagnosticSink): ImageReference | undefined {
  const span = spanOf(node, source.locator);
  const url = shownUrl(node.url);
  if ((node.alt ?? '').trim() === '') {
    sink.report('image-alt-missing', span, `Image \`${url}\` has no alt text`);
  }
  const target = resolveImage(source.path, node.url);
  switch (target.kind) {
    case 'file':
      return { url: node.url, path: target.path, span };
    case 'remote':
      sink.report(
        'image-remote',
        span,
        `Image \`${url}\` is a remote URL: nothing is downloaded, the outputs show files of the content folder`,
      );
      return undefined;
    case 'scheme':
      sink.report(
        'image-unsupported',
        span,
        `Image \`${url}\` is a \`${printable(target.scheme)}:\` URL; the outputs show files of the content folder`,
        COPY_IN,
      );
      return undefined;
    case 'outside':
      sink.report('image-outside', span, `Image \`${url}\` is outside the content folder`);
      return undefined;
    case 'absolute':
      sink.report(
        'image-outside',
        span,
        `Image \`${url}\` is an absolute path; image paths are relative to the file that shows them`,
        'Write the path relative to this file (e.g. `figures/x.png`, or `../figures/x.png` from a family folder).',
      );
      return undefined;
    case 'empty':
      sink.report(
        'image-missing',
        span,
        'Image has no path',
        'Write the image file’s path between the parentheses.',
      );
      return undefined;
  }
}

/** `caption="…"` (or '…', or a single word) in a fence's info string, after the language. */
const CAPTION = /(?:^|\s)caption=(?:"([^"]*)"|'([^']*)'|(\S+))/;

function toDiagram(node: Code): Diagram {
  const caption = CAPTION.exec(node.meta ?? '');
  const diagram: Diagram = {
    type: 'diagram',
    language: 'mermaid',
    value: node.value,
    caption: caption ? (caption[1] ?? caption[2] ?? caption[3] ?? '').trim() || null : null,
  };
  if (node.position) diagram.position = node.position;
  return diagram;
}
