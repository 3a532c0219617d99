/**
 * Slide bodies as chunks: the pieces a page may break between. Paragraphs, list items, table rows
 * and code blocks each become one chunk; a chunk that may be divided further when it is taller than
 * a page (a paragraph, a bullet item, a code block) also carries its atoms (words or lines). Pure:
 * nothing here knows how tall anything is. measure-page.ts asks Chromium, paginate.ts decides.
 */
import type { ImageAsset } from '@studykit/core';
import type {
  Blockquote,
  Image,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  RootContent,
  Table,
} from 'mdast';
import { contentHtml } from './escape.js';
import { type Figure, figureHtml } from './figures.js';
import { mathHtml } from './math-html.js';
import {
  blockToHtml,
  CLOSING_START,
  GLUED_CHIP,
  listItemToHtml,
  OPENING_END,
  phrasingToHtml,
  tableToHtml,
} from './mdast-html.js';

/** Consecutive chunks of one group on a page share a wrapper (a list, a table with its header row). */
export interface Group {
  /** The opening tags; `{start}` stands for the first item's number (ordered lists continue it). */
  open: string;
  close: string;
}

/** How a tall chunk may be cut: the atoms in order, each page's part wrapped again. */
export interface Divisible {
  open: string;
  /** The opening tag of every part after the first (a continued bullet shows no second bullet). */
  continuedOpen: string;
  close: string;
  /** HTML of each atom; joined with nothing (each keeps its own trailing space). */
  atoms: string[];
  /** Whether a sentence ends after the atom: the preferred places to cut. */
  sentenceEnds: boolean[];
}

export interface Chunk {
  html: string;
  group?: Group;
  /** Position in the group (the item number of an ordered list, less its start). */
  indexInGroup?: number;
  /** A heading, a label or a lead-in ("… as follows:"): never the last thing on a page. */
  keepWithNext?: boolean;
  divisible?: Divisible;
  /** An image or a diagram: layout sizes it, and a large one gets a slide of its own. */
  figure?: Figure;
  /** The image files the chunk's block shows (on the block's first chunk): the deck copies them. */
  images?: ImageAsset[];
}

export interface ListStyle {
  /** A class for the list element (styled lists such as main conclusions). */
  className?: string;
}

/** `file`: the content file the nodes come from, for messages about them (a mermaid block that fails). */
export function chunkBlocks(nodes: readonly RootContent[], file = 'content'): Chunk[] {
  return nodes.flatMap((node) => chunkBlock(node, file));
}

export function chunkBlock(node: RootContent, file = 'content'): Chunk[] {
  const chunks = blockChunks(node, file);
  const images = imagesIn(node);
  const [first] = chunks;
  if (first && images.length > 0) chunks[0] = { ...first, images };
  return chunks;
}

function imagesIn(node: RootContent | PhrasingContent): ImageAsset[] {
  if (node.type === 'image') return node.data?.asset ? [node.data.asset] : [];
  if (!('children' in node)) return [];
  return (node.children as (RootContent | PhrasingContent)[]).flatMap(imagesIn);
}

function blockChunks(node: RootContent, file: string): Chunk[] {
  switch (node.type) {
    case 'paragraph': {
      const image = soleImage(node);
      return [image ? imageChunk(image) : paragraphChunk(node)];
    }
    case 'math':
      // Display math is one chunk that is never divided: a formula never splits across slides.
      return [{ html: mathHtml(node.value, true) }];
    case 'diagram': {
      const figure: Figure = {
        kind: 'diagram',
        mermaid: node.value,
        caption: node.caption ?? '',
        file,
        line: node.position?.start.line ?? 0,
      };
      return [{ html: figureHtml({ figure, width: 0, height: 0 }, 0, 0), figure }];
    }
    case 'heading':
      return [{ html: blockToHtml(node), keepWithNext: true }];
    case 'list':
      return chunkList(node, {}, file);
    case 'blockquote':
      return chunkQuote(node, file);
    case 'table':
      return chunkTable(node);
    case 'code':
      return [codeChunk(node.value)];
    case 'yaml':
    case 'definition':
    case 'footnoteDefinition':
      return [];
    default:
      return [{ html: blockToHtml(node) }];
  }
}

/** A paragraph holding one resolved image and nothing else (spaces aside) is a figure. */
function soleImage(node: Paragraph): Image | undefined {
  const shown = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = shown;
  return shown.length === 1 && only?.type === 'image' && only.data?.asset ? only : undefined;
}

function imageChunk(image: Image): Chunk {
  const asset = image.data?.asset;
  if (!asset) throw new Error('imageChunk: an image without its resolved file');
  const alt = image.alt ?? '';
  const figure: Figure = { kind: 'image', asset, alt, caption: alt };
  return { html: figureHtml({ figure, ...asset }, asset.width, asset.height), figure };
}

function paragraphChunk(node: Paragraph): Chunk {
  return {
    html: blockToHtml(node),
    divisible: divisiblePhrasing(node.children, '<p>', '<p>', '</p>'),
    ...(isLeadIn(node) ? { keepWithNext: true } : {}),
  };
}

/** A paragraph that ends in a colon introduces what follows (a list, a table). */
const LEAD_IN_END = /[:：]\s*$/u;

function isLeadIn(node: Paragraph): boolean {
  const last = node.children.at(-1);
  return last?.type === 'text' && LEAD_IN_END.test(last.value);
}

export function chunkList(node: List, style: ListStyle = {}, file = 'content'): Chunk[] {
  const tag = node.ordered ? 'ol' : 'ul';
  const start = node.start ?? 1;
  const classAttribute = style.className ? ` class="${style.className}"` : '';
  const group: Group = {
    open: node.ordered ? `<${tag}${classAttribute} start="{start}">` : `<${tag}${classAttribute}>`,
    close: `</${tag}>`,
  };
  return node.children.flatMap((item, index) => {
    const indexInGroup = start - 1 + index;
    if (!item.children.some(isDiagram)) {
      return [{ html: listItemToHtml(item), group, indexInGroup, ...divisibleItem(item) }];
    }
    // A diagram inside an item is drawn as every diagram is: a figure of its own between the item's
    // text before and after it (which continues the item, without a second bullet). Left inside the
    // item's HTML it would show as mermaid source.
    return aroundDiagrams(item.children, file, (children, part) => {
      const html = listItemToHtml({ ...item, children });
      return {
        html: part === 0 ? html : html.replace(/^<li>/, '<li class="sk-continued">'),
        group,
        indexInGroup,
      };
    });
  });
}

/** A quotation: one chunk, or, around a diagram it holds, its parts and the diagram drawn. */
function chunkQuote(node: Blockquote, file: string): Chunk[] {
  if (!node.children.some(isDiagram)) return [{ html: blockToHtml(node) }];
  return aroundDiagrams(node.children, file, (children) => ({
    html: blockToHtml({ ...node, children: children as Blockquote['children'] }),
  }));
}

const isDiagram = (node: { type: string }) => node.type === 'diagram';

/**
 * Block children with diagrams among them, in order: each run of other blocks made into one chunk by
 * `wrap` (given the run and its number), each diagram a figure chunk of its own.
 */
function aroundDiagrams<T extends { type: string }>(
  children: readonly T[],
  file: string,
  wrap: (run: T[], part: number) => Chunk,
): Chunk[] {
  const chunks: Chunk[] = [];
  let run: T[] = [];
  let part = 0;
  const flush = () => {
    if (run.length > 0) chunks.push(wrap(run, part++));
    run = [];
  };
  for (const child of children) {
    if (!isDiagram(child)) {
      run.push(child);
      continue;
    }
    flush();
    // A diagram before any text still leaves the item its bullet: the next run is its first part.
    chunks.push(...blockChunks(child as unknown as RootContent, file));
  }
  flush();
  return chunks;
}

/** A bullet whose only child is a paragraph may continue its text on the next page. */
function divisibleItem(item: ListItem): Pick<Chunk, 'divisible'> {
  const [first, ...rest] = item.children;
  if (first?.type !== 'paragraph' || rest.length > 0 || item.checked != null) return {};
  return { divisible: divisiblePhrasing(first.children, '<li>', '<li class="sk-continued">', '</li>') };
}

function chunkTable(node: Table): Chunk[] {
  const shell = tableToHtml(node, []);
  const at = shell.indexOf('</tbody>');
  const group: Group = { open: shell.slice(0, at), close: shell.slice(at) };
  const closing = shell.length - at;
  return node.children.slice(1).map((row, index) => {
    const full = tableToHtml(node, [row]);
    return { html: full.slice(at, full.length - closing), group, indexInGroup: index };
  });
}

function codeChunk(value: string): Chunk {
  const open = '<pre class="sk-code"><code>';
  const close = '</code></pre>';
  const lines = value.split(/\r?\n/);
  return {
    html: blockToHtml({ type: 'code', value }),
    divisible: {
      open,
      continuedOpen: open,
      close,
      atoms: lines.map((line, i) => contentHtml(line) + (i < lines.length - 1 ? '&#10;' : '')),
      sentenceEnds: lines.map(() => true),
    },
  };
}

const SENTENCE_END = /[.!?;:。！？；：]["'”’)]*\s*$/u;
/** A run without spaces (a URL, Chinese text) is cut into atoms of this many characters. */
const LONG_RUN = 24;

/**
 * Inline content as atoms: words of text (each with its trailing space), long space-free runs in
 * pieces, and any other inline node (a link, emphasis, code) whole.
 */
function divisiblePhrasing(
  children: readonly PhrasingContent[],
  open: string,
  continuedOpen: string,
  close: string,
): Divisible {
  const atoms: string[] = [];
  const sentenceEnds: boolean[] = [];
  for (const child of gluedChips(children)) {
    if (Array.isArray(child) || child.type !== 'text') {
      atoms.push(phrasingToHtml(Array.isArray(child) ? child : [child]));
      sentenceEnds.push(false);
      continue;
    }
    for (const word of child.value.match(/\S+\s*|\s+/g) ?? []) {
      const characters = [...word];
      for (let at = 0; at < characters.length; at += LONG_RUN) {
        const piece = characters.slice(at, at + LONG_RUN).join('');
        atoms.push(contentHtml(piece));
        sentenceEnds.push(SENTENCE_END.test(piece));
      }
    }
  }
  return { open, continuedOpen, close, atoms, sentenceEnds };
}

/**
 * The children with each short code chip and the bracket before it and punctuation after it taken out
 * of their texts as one unbreakable group (phrasingToHtml glues them): a page never breaks between "("
 * and its chip.
 */
function gluedChips(children: readonly PhrasingContent[]): (PhrasingContent | PhrasingContent[])[] {
  const out: (PhrasingContent | PhrasingContent[])[] = [];
  const rest = [...children];
  for (let index = 0; index < rest.length; index += 1) {
    const child = rest[index] as PhrasingContent;
    const previous = out.at(-1);
    const next = rest[index + 1];
    if (child.type !== 'inlineCode' || [...child.value].length > GLUED_CHIP) {
      out.push(child);
      continue;
    }
    const before =
      previous && !Array.isArray(previous) && previous.type === 'text'
        ? (previous.value.match(OPENING_END)?.[0] ?? '')
        : '';
    const after = next?.type === 'text' ? (next.value.match(CLOSING_START)?.[0] ?? '') : '';
    if (!before && !after) {
      out.push(child);
      continue;
    }
    if (before && previous && !Array.isArray(previous) && previous.type === 'text')
      out[out.length - 1] = { type: 'text', value: previous.value.slice(0, -before.length) };
    if (after && next?.type === 'text')
      rest[index + 1] = { type: 'text', value: next.value.slice(after.length) };
    out.push([
      ...(before ? [{ type: 'text' as const, value: before }] : []),
      child,
      ...(after ? [{ type: 'text' as const, value: after }] : []),
    ]);
  }
  return out;
}
