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
import {
  blockToHtml,
  hasLongWord,
  listItemToHtml,
  nodeText,
  tableTextWidth,
  tableToHtml,
  visualLength,
} from './mdast-html.js';
import { type Face, phrasingHeight, phrasingRuns, runsContentWidths, textHeight } from './measure.js';

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

/**
 * The fewest pages that hold the chunks, and among those the most even split (the smallest sum of
 * squared page heights): a section that needs two slides is cut 3+2 rather than 4+1, and one that
 * fits stays on one. A page never ends on a keep-with-next chunk (a heading) unless nothing else is
 * possible; a single chunk taller than the budget gets a page of its own, zoomed out.
 */
export function paginate(chunks: readonly Chunk[], budget: number): Page[] {
  const n = chunks.length;
  if (n === 0) return [];
  // heightOf(from, to): height of chunks[from..to) on one page (a group's overhead counted once per page).
  const heightOf = (from: number, to: number) => {
    let height = 0;
    for (let i = from; i < to; i += 1) {
      const chunk = chunks[i] as Chunk;
      const continuesGroup = i > from && chunk.group !== undefined && chunks[i - 1]?.group === chunk.group;
      height += chunk.height + (chunk.group && !continuesGroup ? chunk.group.overhead : 0);
    }
    return height;
  };
  interface Best {
    pages: number;
    /** Pages ending on a keep-with-next chunk (only when unavoidable). */
    orphans: number;
    squares: number;
    from: number;
  }
  const better = (a: Best, b: Best | undefined) =>
    !b ||
    a.orphans < b.orphans ||
    (a.orphans === b.orphans && (a.pages < b.pages || (a.pages === b.pages && a.squares < b.squares)));
  const best: (Best | undefined)[] = [{ pages: 0, orphans: 0, squares: 0, from: -1 }];
  for (let to = 1; to <= n; to += 1) {
    let found: Best | undefined;
    for (let from = to - 1; from >= 0; from -= 1) {
      const height = heightOf(from, to);
      if (height > budget && to - from > 1) break;
      const before = best[from];
      if (!before) continue;
      const orphan = to < n && chunks[to - 1]?.keepWithNext ? 1 : 0;
      const candidate: Best = {
        pages: before.pages + 1,
        orphans: before.orphans + orphan,
        squares: before.squares + height * height,
        from,
      };
      if (better(candidate, found)) found = candidate;
    }
    best[to] = found;
  }
  const bounds: [number, number][] = [];
  for (let to = n; to > 0; to = (best[to] as Best).from) bounds.unshift([(best[to] as Best).from, to]);

  return bounds.map(([from, to]) => {
    const pageHeight = heightOf(from, to);
    const zoom = pageHeight > budget ? Math.max(MIN_ZOOM, Math.floor((budget / pageHeight) * 100) / 100) : 1;
    return { html: joinChunks(chunks.slice(from, to)), height: pageHeight, zoom };
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
      return [{ html: blockToHtml(node), height: headingHeight(node.children), keepWithNext: true }];
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

/** An h3: bold, margins 4px above and 6px below. */
function headingHeight(children: readonly PhrasingContent[]): number {
  return phrasingHeight(children, HEADING_SIZE, 1.3, BODY_WIDTH, 'bold') + 10;
}

/** Estimated height of a block laid out in a box of the given width (margins included). */
export function blockHeight(node: RootContent, width: number): number {
  switch (node.type) {
    case 'paragraph':
      return phrasingHeight(node.children, BODY_SIZE, BODY_LINE, width) + PARAGRAPH_GAP;
    case 'html':
      // p.sk-raw: the body's `p` rule keeps the body size; only the face changes.
      return textHeight(node.value, BODY_SIZE, BODY_LINE, width, false, 'mono') + PARAGRAPH_GAP;
    case 'heading':
      return headingHeight(node.children);
    case 'list':
      // Items are LIST_ITEM_GAP apart; the last one's margin merges into the list's PARAGRAPH_GAP.
      return (
        node.children.reduce((sum, item) => sum + listItemHeight(item, width - LIST_INDENT), 0) +
        PARAGRAPH_GAP -
        LIST_ITEM_GAP
      );
    case 'listItem':
      return listItemHeight(node, width - LIST_INDENT);
    case 'table':
      return tableHeights(node).reduce((sum, h) => sum + h, 0) + PARAGRAPH_GAP;
    case 'code':
      return textHeight(node.value, CODE_SIZE, CODE_LINE, width - 26, true, 'mono') + 26 + PARAGRAPH_GAP;
    case 'blockquote':
      return node.children.reduce((sum, child) => sum + blockHeight(child, width - 24), 0) + PARAGRAPH_GAP;
    case 'thematicBreak':
      return 2 * PARAGRAPH_GAP;
    default:
      return textHeight(nodeText(node), BODY_SIZE, BODY_LINE, width) + PARAGRAPH_GAP;
  }
}

function listItemHeight(
  item: ListItem,
  width: number,
  font: { size: number; line: number; face?: Face } = { size: BODY_SIZE, line: BODY_LINE },
): number {
  const [first, ...rest] = item.children;
  if (!first) return font.size * font.line + LIST_ITEM_GAP;
  const firstHeight =
    first.type === 'paragraph' && !item.spread
      ? phrasingHeight(first.children, font.size, font.line, width, font.face)
      : blockHeight(first, width);
  // A nested list's last item margin merges into this item's: count it once.
  const restHeight = rest.reduce(
    (sum, child) => sum + blockHeight(child, width) - (child.type === 'list' ? LIST_ITEM_GAP : 0),
    0,
  );
  return firstHeight + restHeight + LIST_ITEM_GAP;
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
  /** Margin between items the class sets (default LIST_ITEM_GAP). */
  itemGap?: number;
  /** Horizontal room the class takes from the text (default: the list indent). */
  indent?: number;
  /** The face the class sets (e.g. bold for main findings). */
  face?: Face;
}

export function chunkList(node: List, budget: number, style: ListStyle = {}): Chunk[] {
  const tag = node.ordered ? 'ol' : 'ul';
  const start = node.start ?? 1;
  const classAttribute = style.className ? ` class="${style.className}"` : '';
  const gap = style.itemGap ?? LIST_ITEM_GAP;
  const extra = (style.extraItemHeight ?? 0) + gap - LIST_ITEM_GAP;
  const textWidth = BODY_WIDTH - (style.indent ?? LIST_INDENT);
  const font = { size: style.fontSize ?? BODY_SIZE, line: style.lineHeight ?? BODY_LINE, face: style.face };
  const group: Group = {
    open: (first) =>
      node.ordered && start + first !== 1
        ? `<${tag}${classAttribute} start="${start + first}">`
        : `<${tag}${classAttribute}>`,
    close: `</${tag}>`,
    // Each item counts its gap; the last one's merges into the list's bottom margin.
    overhead: PARAGRAPH_GAP - gap,
  };
  return node.children.flatMap((item, index) => {
    const height = listItemHeight(item, textWidth, font) + extra;
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
        height: listItemHeight(piece, textWidth, font) + extra,
        group,
        indexInGroup: index,
      };
    });
  });
}

// Tables -------------------------------------------------------------------------------------------

/** Row heights (header first) for a table laid out at body width. */
export function tableHeights(table: Table): number[] {
  const compact = (table.children[0]?.children.length ?? 0) > 5 || tableTextWidth(table) > 110;
  const size = compact ? TABLE_COMPACT_SIZE : TABLE_SIZE;
  const widths = columnWidths(table, size);
  return table.children.map(
    (row, rowIndex) =>
      Math.max(
        ...row.children.map((cell, i) =>
          phrasingHeight(
            cell.children,
            size,
            TABLE_LINE,
            Math.max(8, ((widths[i] ?? 80) - 2 * TABLE_CELL_PAD_X) / TABLE_WIDTH_SLACK),
            rowIndex === 0 ? 'bold' : 'regular',
          ),
        ),
        size * TABLE_LINE,
      ) +
      2 * TABLE_CELL_PAD_Y +
      (rowIndex === 0 ? 2 : 1),
  );
}

/** The column widths below follow the browser's algorithm but not its rounding: keep a little room. */
const TABLE_WIDTH_SLACK = 1.01;

/**
 * Column widths of an auto-layout table in the body (CSS 2.1's algorithm as browsers run it): each
 * column gets its min-content width plus a share of the room left, in proportion to how much more
 * it would take on one line. Slidev's theme makes every table full width: extra room beyond one
 * line per cell is spread in proportion to the max-content widths.
 */
function columnWidths(table: Table, size: number): number[] {
  const min: number[] = [];
  const max: number[] = [];
  table.children.forEach((row, rowIndex) => {
    row.children.forEach((cell, i) => {
      const runs = phrasingRuns(cell.children, rowIndex === 0 ? 'bold' : 'regular');
      const widths = runsContentWidths(runs, size, hasLongWord(nodeText(cell)));
      min[i] = Math.max(min[i] ?? 0, widths.min + 2 * TABLE_CELL_PAD_X);
      max[i] = Math.max(max[i] ?? 0, widths.max + 2 * TABLE_CELL_PAD_X);
    });
  });
  const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
  const minTotal = sum(min);
  const maxTotal = sum(max);
  if (maxTotal <= BODY_WIDTH) return max.map((w) => (w * BODY_WIDTH) / (maxTotal || 1));
  if (minTotal >= BODY_WIDTH) return min;
  const share = (BODY_WIDTH - minTotal) / (maxTotal - minTotal);
  return min.map((w, i) => w + ((max[i] ?? w) - w) * share);
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
