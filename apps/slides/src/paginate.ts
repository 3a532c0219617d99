/**
 * Splits a run of mdast blocks into slide pages whose estimated height fits the body budget:
 * paragraphs split at sentence ends, lists between items, tables between rows (header repeated),
 * code between lines. A single piece that still does not fit gets a page of its own with a zoom
 * factor (Slidev's per-slide `zoom`), so nothing is ever cut off.
 */
import type { List, ListItem, Paragraph, PhrasingContent, RootContent, Table, TableRow, Text } from 'mdast';
import {
  BODY_LINE,
  BODY_SIZE,
  BODY_WIDTH,
  CODE_LINE,
  CODE_SIZE,
  HEADING_SIZE,
  LIST_INDENT,
  LIST_ITEM_GAP,
  PARAGRAPH_GAP,
  TABLE_CELL_PAD_X,
  TABLE_CELL_PAD_Y,
  TABLE_COMPACT_SIZE,
  TABLE_LINE,
  TABLE_SIZE,
} from './layout.js';
import { blockToHtml, listItemToHtml, nodeText, tableToHtml, visualLength } from './mdast-html.js';
import { textHeight } from './measure.js';

/** Consecutive chunks of one group on a page share a wrapper (a list, a table). */
interface Group {
  open(firstIndex: number): string;
  close: string;
  /** Height the wrapper adds on every page it appears on (a table's header row). */
  overhead: number;
}

export interface Chunk {
  html: string;
  height: number;
  group?: Group;
  indexInGroup?: number;
  /** A heading: never leave it alone at the bottom of a page. */
  keepWithNext?: boolean;
}

export interface Page {
  html: string;
  /** Estimated body height in canvas pixels. */
  height: number;
  /** 1 unless a single chunk was too tall and the page must be scaled down. */
  zoom: number;
}

const MIN_ZOOM = 0.55;

export function paginate(chunks: readonly Chunk[], budget: number): Page[] {
  const pages: Chunk[][] = [];
  let current: Chunk[] = [];
  let height = 0;
  const costOf = (chunk: Chunk, page: Chunk[]) =>
    chunk.height + (chunk.group && page.at(-1)?.group !== chunk.group ? chunk.group.overhead : 0);

  for (const chunk of chunks) {
    let cost = costOf(chunk, current);
    if (current.length > 0 && height + cost > budget) {
      const carried: Chunk[] = [];
      while (current.length > 1 && current.at(-1)?.keepWithNext) carried.unshift(current.pop() as Chunk);
      pages.push(current);
      current = carried;
      height = carried.reduce((sum, c, i) => sum + costOf(c, carried.slice(0, i)), 0);
      cost = costOf(chunk, current);
    }
    current.push(chunk);
    height += cost;
  }
  if (current.length > 0) pages.push(current);

  return pages.map((page) => {
    const pageHeight = page.reduce((sum, c, i) => sum + costOf(c, page.slice(0, i)), 0);
    const zoom = pageHeight > budget ? Math.max(MIN_ZOOM, Math.floor((budget / pageHeight) * 100) / 100) : 1;
    return { html: joinChunks(page), height: pageHeight, zoom };
  });
}

function joinChunks(page: readonly Chunk[]): string {
  let html = '';
  let open: Group | undefined;
  for (const chunk of page) {
    if (chunk.group !== open) {
      if (open) html += open.close;
      if (chunk.group) html += chunk.group.open(chunk.indexInGroup ?? 0);
      open = chunk.group;
    }
    html += chunk.html;
  }
  if (open) html += open.close;
  return html;
}

/** Chunks for a run of blocks laid out at full body width. */
export function chunkBlocks(nodes: readonly RootContent[], budget: number): Chunk[] {
  return nodes.flatMap((node) => chunkBlock(node, budget));
}

export function chunkBlock(node: RootContent, budget: number): Chunk[] {
  switch (node.type) {
    case 'paragraph':
      return chunkParagraph(node, budget);
    case 'heading':
      return [{ html: blockToHtml(node), height: headingHeight(nodeText(node)), keepWithNext: true }];
    case 'list':
      return chunkList(node, budget);
    case 'table':
      return chunkTable(node);
    case 'code':
      return chunkCode(node.value, budget);
    case 'yaml':
    case 'definition':
    case 'footnoteDefinition':
      return [];
    default:
      return [{ html: blockToHtml(node), height: blockHeight(node, BODY_WIDTH) }];
  }
}

function headingHeight(text: string): number {
  return textHeight(text, HEADING_SIZE, 1.3, BODY_WIDTH) + 10;
}

/** Estimated height of a block laid out in a box of the given width (margins included). */
export function blockHeight(node: RootContent, width: number): number {
  switch (node.type) {
    case 'paragraph':
    case 'html':
      return textHeight(nodeText(node), BODY_SIZE, BODY_LINE, width) + PARAGRAPH_GAP;
    case 'heading':
      return headingHeight(nodeText(node));
    case 'list':
      return (
        node.children.reduce((sum, item) => sum + listItemHeight(item, width - LIST_INDENT), 0) +
        PARAGRAPH_GAP
      );
    case 'listItem':
      return listItemHeight(node, width - LIST_INDENT);
    case 'table':
      return tableHeights(node).reduce((sum, h) => sum + h, 0) + PARAGRAPH_GAP;
    case 'code':
      return textHeight(node.value, CODE_SIZE, CODE_LINE, width - 24, true) + 24 + PARAGRAPH_GAP;
    case 'blockquote':
      return node.children.reduce((sum, child) => sum + blockHeight(child, width - 24), 0) + PARAGRAPH_GAP;
    case 'thematicBreak':
      return 2 * PARAGRAPH_GAP;
    default:
      return textHeight(nodeText(node), BODY_SIZE, BODY_LINE, width) + PARAGRAPH_GAP;
  }
}

function listItemHeight(item: ListItem, width: number, font = { size: BODY_SIZE, line: BODY_LINE }): number {
  const [first, ...rest] = item.children;
  if (!first) return font.size * font.line + LIST_ITEM_GAP;
  const firstHeight =
    first.type === 'paragraph' && !item.spread
      ? textHeight(nodeText(first), font.size, font.line, width)
      : blockHeight(first, width);
  return firstHeight + rest.reduce((sum, child) => sum + blockHeight(child, width), 0) + LIST_ITEM_GAP;
}

// Paragraphs ---------------------------------------------------------------------------------------

const SENTENCE_END = /(?<=[.!?;:])\s+|(?<=[。！？；：])/u;

function chunkParagraph(node: Paragraph, budget: number): Chunk[] {
  const height = blockHeight(node, BODY_WIDTH);
  if (height <= budget) return [{ html: blockToHtml(node), height }];
  // Too tall for any page: cut into sentence groups of at most half a page each.
  const pieces = splitPhrasing(node.children, (budget / 2 / (BODY_SIZE * BODY_LINE)) * charsPerLine());
  return pieces.map((children) => {
    const paragraph: Paragraph = { type: 'paragraph', children };
    return { html: blockToHtml(paragraph), height: blockHeight(paragraph, BODY_WIDTH) };
  });
}

function charsPerLine(): number {
  return BODY_WIDTH / (BODY_SIZE * 0.6);
}

/** Split inline content into runs of roughly `maxLength` characters, cutting text at sentence ends. */
export function splitPhrasing(children: readonly PhrasingContent[], maxLength: number): PhrasingContent[][] {
  const atoms: PhrasingContent[] = [];
  for (const child of children) {
    if (child.type === 'text') {
      for (const sentence of child.value.split(SENTENCE_END)) {
        if (sentence) atoms.push({ type: 'text', value: sentence } satisfies Text);
      }
    } else {
      atoms.push(child);
    }
  }
  const runs: PhrasingContent[][] = [];
  let run: PhrasingContent[] = [];
  let length = 0;
  for (const atom of atoms) {
    const atomLength = visualLength(nodeText(atom));
    if (run.length > 0 && length + atomLength > maxLength) {
      runs.push(run);
      run = [];
      length = 0;
    }
    if (run.length > 0 && atom.type === 'text' && run.at(-1)?.type === 'text') {
      run.push({ type: 'text', value: ` ${atom.value}` });
    } else {
      run.push(atom);
    }
    length += atomLength;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

// Lists --------------------------------------------------------------------------------------------

export interface ListStyle {
  /** A class for the list element (styled lists such as main conclusions). */
  className?: string;
  /** Extra height per item that the class adds (padding, borders). */
  extraItemHeight?: number;
  /** Font size and line height the class sets (default: the body's). */
  fontSize?: number;
  lineHeight?: number;
}

export function chunkList(node: List, budget: number, style: ListStyle = {}): Chunk[] {
  const tag = node.ordered ? 'ol' : 'ul';
  const start = node.start ?? 1;
  const classAttribute = style.className ? ` class="${style.className}"` : '';
  const extra = style.extraItemHeight ?? 0;
  const font = { size: style.fontSize ?? BODY_SIZE, line: style.lineHeight ?? BODY_LINE };
  const group: Group = {
    open: (first) =>
      node.ordered && start + first !== 1
        ? `<${tag}${classAttribute} start="${start + first}">`
        : `<${tag}${classAttribute}>`,
    close: `</${tag}>`,
    overhead: PARAGRAPH_GAP,
  };
  return node.children.flatMap((item, index) => {
    const height = listItemHeight(item, BODY_WIDTH - LIST_INDENT, font) + extra;
    if (height <= budget || node.ordered)
      return [{ html: listItemToHtml(item), height, group, indexInGroup: index }];
    // A bullet item longer than a page: continue its text in further items.
    const [first, ...rest] = item.children;
    if (first?.type !== 'paragraph' || rest.length > 0)
      return [{ html: listItemToHtml(item), height, group, indexInGroup: index }];
    const maxLength = (budget / 2 / (BODY_SIZE * BODY_LINE)) * charsPerLine();
    return splitPhrasing(first.children, maxLength).map((children, part) => {
      const piece: ListItem = {
        type: 'listItem',
        spread: false,
        children: [{ type: 'paragraph', children }],
      };
      const html =
        part === 0
          ? listItemToHtml(piece)
          : listItemToHtml(piece).replace('<li>', '<li class="sk-continued">');
      return {
        html,
        height: listItemHeight(piece, BODY_WIDTH - LIST_INDENT) + extra,
        group,
        indexInGroup: index,
      };
    });
  });
}

// Tables -------------------------------------------------------------------------------------------

/** Row heights (header first) for a table laid out at body width. */
export function tableHeights(table: Table): number[] {
  const compact = (table.children[0]?.children.length ?? 0) > 5 || tableWidthHint(table) > 110;
  const size = compact ? TABLE_COMPACT_SIZE : TABLE_SIZE;
  const widths = columnWidths(table);
  return table.children.map(
    (row) =>
      Math.max(
        ...row.children.map((cell, i) =>
          textHeight(
            nodeText(cell),
            size,
            TABLE_LINE,
            Math.max(40, (widths[i] ?? 80) - 2 * TABLE_CELL_PAD_X),
          ),
        ),
        size * TABLE_LINE,
      ) +
      2 * TABLE_CELL_PAD_Y +
      1,
  );
}

function tableWidthHint(table: Table): number {
  return columnTextLengths(table).reduce((sum, w) => sum + w, 0);
}

function columnTextLengths(table: Table): number[] {
  const lengths: number[] = [];
  for (const row of table.children) {
    row.children.forEach((cell, i) => {
      lengths[i] = Math.max(lengths[i] ?? 0, visualLength(nodeText(cell)));
    });
  }
  return lengths;
}

/** Browsers give auto-layout columns width roughly in proportion to their content, with a floor. */
function columnWidths(table: Table): number[] {
  const lengths = columnTextLengths(table).map((l) => Math.max(4, Math.min(l, 60)));
  const total = lengths.reduce((sum, l) => sum + l, 0) || 1;
  return lengths.map((l) => (BODY_WIDTH * l) / total);
}

function chunkTable(node: Table): Chunk[] {
  const heights = tableHeights(node);
  const [headerHeight = 0, ...rowHeights] = heights;
  const shell = tableToHtml(node, []);
  const [open, close] = splitShell(shell);
  const group: Group = { open: () => open, close, overhead: headerHeight + PARAGRAPH_GAP };
  return node.children.slice(1).map((row: TableRow, index) => ({
    html: tableToHtml(node, [row]).slice(open.length, -close.length),
    height: rowHeights[index] ?? 0,
    group,
    indexInGroup: index,
  }));
}

/** `<table…><thead>…</thead><tbody></tbody></table>` → [everything up to `<tbody>`, the closing tags]. */
function splitShell(shell: string): [string, string] {
  const at = shell.indexOf('</tbody>');
  return [shell.slice(0, at), shell.slice(at)];
}

// Code ---------------------------------------------------------------------------------------------

function chunkCode(value: string, budget: number): Chunk[] {
  const lineHeight = CODE_SIZE * CODE_LINE;
  const perPage = Math.max(3, Math.floor((budget - 24 - PARAGRAPH_GAP) / lineHeight));
  const lines = value.split(/\r?\n/);
  const chunks: Chunk[] = [];
  for (let start = 0; start < lines.length; start += perPage) {
    const slice = lines.slice(start, start + perPage).join('\n');
    const node: RootContent = { type: 'code', value: slice };
    chunks.push({ html: blockToHtml(node), height: blockHeight(node, BODY_WIDTH) });
  }
  return chunks;
}
