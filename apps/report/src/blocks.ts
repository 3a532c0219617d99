/**
 * Markdown blocks (mdast) → flow boxes: paragraphs as lines with orphan/widow control, headings kept
 * with their next paragraph, lists with hanging indents, tables with wrapped cells and a repeated
 * header row, code and raw HTML as literal monospaced text.
 */
import {
  baselineOf,
  drawFormula,
  type FontBook,
  INK,
  type Line,
  lineHeight,
  MUTED,
  type PageCanvas,
  type ParagraphOptions,
  type Rgb,
  RULE,
  type Run,
  type TextStyle,
  Typesetter,
} from '@studykit/typeset';
import { LABELS, type Labels } from '@studykit/view';
import { figureBox, pictureOf } from './figure.js';
import type { FlowBox } from './flow.js';
import { type BlockNode, type InlineNode, inlineRuns } from './inline.js';
import { NO_ART, type NotesArt } from './notes-art.js';
import { layout, TINT } from './theme.js';

/** A box that carries a first text baseline, so list markers can sit on it. */
export interface TextBox extends FlowBox {
  baseline?: number;
}

export interface Frame {
  /** Offset from the text block's left edge. */
  indent: number;
  width: number;
  style: TextStyle;
  leading: number;
  /** Accent colour (the family's) for rules and markers. */
  accent: Rgb;
  /** List depth, for the bullet shape. */
  depth?: number;
}

export function lineBox(line: Line, indent: number): TextBox {
  const baseline = baselineOf(line);
  return {
    height: lineHeight(line),
    baseline,
    draw: (canvas, x, top) => canvas.line(line, x + indent, top + baseline),
  };
}

const B = layout.blocks;
const TABLE_STYLE: TextStyle = { family: 'sans', size: B.tableSize, color: INK };
const TABLE_LEADING = B.tableLeading;
const CELL_PAD = B.cellPad;
const MAX_ROW_HEIGHT = B.maxRowHeight;
const CODE_STYLE: TextStyle = { family: 'mono', size: B.codeSize, color: INK };
const CODE_LEADING = B.codeLeading;

/** What the notes show besides text, and how figures are captioned and sized. */
export interface NotesSetting {
  art: NotesArt;
  words: Labels;
  /** The tallest a figure's picture may be drawn. */
  figureMaxHeight: number;
}

const NO_NOTES_ART: NotesSetting = {
  art: NO_ART,
  words: LABELS.en,
  figureMaxHeight: Number.POSITIVE_INFINITY,
};

/**
 * The typesetter that also sets markdown blocks, as flow boxes the report paginates. It numbers the
 * figures in the order they are set: across the whole report, the families' lineage figures included.
 */
export class BlockSetter extends Typesetter {
  private figures = 0;

  constructor(
    fonts: FontBook,
    private readonly notes: NotesSetting = NO_NOTES_ART,
  ) {
    super(fonts);
  }

  /** The next figure's number. */
  nextFigure(): number {
    this.figures += 1;
    return this.figures;
  }

  /** Lines of one paragraph as boxes; the first two and the last two lines stay together. */
  paragraph(runs: Run[], frame: Frame, options: Partial<ParagraphOptions> = {}, spaceBefore = 0): TextBox[] {
    const lines = this.lines(runs, { width: frame.width, leading: frame.leading, ...options });
    const boxes = lines.map((line) => lineBox(line, frame.indent));
    if (boxes.length >= 2) {
      (boxes[0] as TextBox).keepWithNext = true;
      (boxes[boxes.length - 2] as TextBox).keepWithNext = true;
    }
    if (boxes[0]) boxes[0].spaceBefore = spaceBefore;
    return boxes;
  }

  /** A heading: never left alone at the bottom of a page. */
  heading(
    runs: Run[],
    frame: Frame,
    spaceBefore: number,
    align: ParagraphOptions['align'] = 'left',
  ): TextBox[] {
    const size = Math.max(...runs.map((run) => run.style.size));
    const boxes = this.paragraph(
      runs,
      { ...frame, leading: size * B.headingLeading },
      { align },
      spaceBefore,
    );
    for (const box of boxes) box.keepWithNext = true;
    return boxes;
  }

  /** `gap`: space between blocks; tight list items use a small one. */
  blocks(nodes: readonly BlockNode[], frame: Frame, gap = frame.leading * B.blockGap): TextBox[] {
    const boxes: TextBox[] = [];
    nodes.forEach((node, index) => {
      const spaceBefore = index === 0 ? 0 : gap;
      boxes.push(...this.block(node, frame, spaceBefore));
    });
    return boxes;
  }

  private block(node: BlockNode, frame: Frame, spaceBefore: number): TextBox[] {
    // `$$…$$` (mdast-util-math's math node; core's types do not carry that package's node types).
    const math = node as { type: string; value?: unknown };
    if (math.type === 'math' && typeof math.value === 'string')
      return this.displayFormula(math.value, frame, spaceBefore);
    switch (node.type) {
      case 'paragraph':
        return this.paragraphWithFigures(node, frame, spaceBefore);
      case 'heading': {
        const size = node.depth <= 2 ? B.headingSize : node.depth === 3 ? B.subheadingSize : frame.style.size;
        const style: TextStyle = { ...frame.style, family: 'sans', bold: true, size, color: INK };
        return this.heading(this.runs(node.children, style), frame, spaceBefore + B.headingSpaceBefore);
      }
      case 'diagram': {
        const art = this.notes.art.diagram(node.value);
        if (!art) return this.preformatted(node.value, frame, spaceBefore, INK);
        return [this.figure(pictureOf(art), node.caption ?? '', frame, spaceBefore)];
      }
      case 'list':
        return this.list(node, frame, spaceBefore);
      case 'blockquote':
        return this.blockquote(node.children as BlockNode[], frame, spaceBefore);
      case 'table':
        return this.table(node, frame, spaceBefore);
      case 'code':
        return this.preformatted(node.value, frame, spaceBefore, INK);
      case 'html':
        // Raw HTML is shown exactly as written, never interpreted.
        return this.preformatted(node.value, frame, spaceBefore, MUTED);
      case 'thematicBreak':
        return [
          {
            height: B.breakHeight,
            spaceBefore,
            draw: (canvas, x, top) => {
              const middle = x + frame.indent + frame.width / 2;
              const y = top + B.breakHeight / 2;
              canvas.rule(middle - B.breakHalfWidth, y, middle + B.breakHalfWidth, y, B.breakWeight, RULE);
            },
          },
        ];
      case 'footnoteDefinition': {
        const runs: Run[] = [{ text: `[${node.label ?? node.identifier}] `, style: frame.style }];
        const first = node.children[0];
        if (first?.type === 'paragraph') runs.push(...this.runs(first.children, frame.style));
        return this.paragraph(
          runs,
          { ...frame, style: { ...frame.style, size: frame.style.size * B.footnoteScale } },
          {},
          spaceBefore,
        );
      }
      case 'definition':
      case 'yaml':
        return [];
      default: {
        const unknown = node as { value?: unknown; children?: unknown[] };
        if (typeof unknown.value === 'string') {
          return this.paragraph([{ text: unknown.value, style: frame.style }], frame, {}, spaceBefore);
        }
        if (Array.isArray(unknown.children)) {
          const first = unknown.children[0] as { type?: string } | undefined;
          if (
            first &&
            typeof first.type === 'string' &&
            ['text', 'emphasis', 'strong', 'inlineCode', 'link'].includes(first.type)
          ) {
            return this.paragraph(
              this.runs(unknown.children as InlineNode[], frame.style),
              frame,
              {},
              spaceBefore,
            );
          }
          return this.blocks(unknown.children as BlockNode[], frame);
        }
        return [];
      }
    }
  }

  /** Inline content as runs, its formulas set from the report's art. */
  runs(nodes: readonly InlineNode[], style: TextStyle, figures?: ReadonlyMap<InlineNode, string>): Run[] {
    return inlineRuns(nodes, style, this.notes.art, figures);
  }

  /**
   * A paragraph whose images are drawn as numbered figures after its text (a paragraph of images
   * alone is just its figures); the text names each one ("Figure 3"). An image that could not be
   * drawn stays in the text as its alt text.
   */
  private paragraphWithFigures(
    node: Extract<BlockNode, { type: 'paragraph' }>,
    frame: Frame,
    spaceBefore: number,
  ): TextBox[] {
    const { art, words } = this.notes;
    const pictures = node.children.flatMap((child) => {
      const asset = child.type === 'image' ? child.data?.asset : undefined;
      const picture = asset ? art.image(asset) : undefined;
      return picture && child.type === 'image' ? [{ child, picture, alt: child.alt ?? '' }] : [];
    });
    if (pictures.length === 0)
      return this.paragraph(this.runs(node.children, frame.style), frame, {}, spaceBefore);
    const numbered = pictures.map((entry) => ({ ...entry, number: this.nextFigure() }));
    const drawn = new Set<InlineNode>(numbered.map(({ child }) => child));
    const textOnly = node.children.every(
      (child) =>
        drawn.has(child) || (child.type === 'text' && child.value.trim() === '') || child.type === 'break',
    );
    const boxes: TextBox[] = textOnly
      ? []
      : this.paragraph(
          this.runs(
            node.children,
            frame.style,
            new Map(numbered.map(({ child, number }) => [child, `(${words.figureCaption(number, '')})`])),
          ),
          frame,
          {},
          spaceBefore,
        );
    numbered.forEach(({ picture, alt, number }, index) => {
      const before = boxes.length === 0 && index === 0 ? spaceBefore : frame.leading * B.blockGap;
      boxes.push(this.figure(pictureOf(picture), alt, frame, before, number));
    });
    return boxes;
  }

  /** A numbered figure in the frame's column (figure.ts). */
  private figure(
    picture: ReturnType<typeof pictureOf>,
    caption: string,
    frame: Frame,
    spaceBefore: number,
    number = this.nextFigure(),
  ): TextBox {
    const space = {
      typesetter: this,
      indent: frame.indent,
      width: frame.width,
      maxHeight: this.notes.figureMaxHeight,
    };
    return figureBox(space, picture, this.notes.words.figureCaption(number, caption), spaceBefore);
  }

  /**
   * `$$…$$`: centred on its own, at the text's size (smaller when wider than the column), one box so
   * that it never splits. A formula that could not be drawn shows its TeX.
   */
  private displayFormula(tex: string, frame: Frame, spaceBefore: number): TextBox[] {
    const art = this.notes.art.formulas.get(tex, true);
    if (!art) return this.preformatted(tex, frame, spaceBefore, INK);
    const { width, height, depth } = art.box;
    const size = Math.min(frame.style.size, frame.width / width);
    const room = frame.leading * B.displayMathRoom;
    return [
      {
        height: room + (height + depth) * size + room,
        spaceBefore,
        draw: (canvas, x, top) => {
          const left = x + frame.indent + (frame.width - width * size) / 2;
          drawFormula(canvas, art, left, top + room + height * size, size);
        },
      },
    ];
  }

  private list(node: Extract<BlockNode, { type: 'list' }>, frame: Frame, spaceBefore: number): TextBox[] {
    const depth = frame.depth ?? 0;
    const start = node.start ?? 1;
    const ordered = node.ordered === true;
    const markerStyle: TextStyle = { ...frame.style, bold: false, italic: false };
    const labels = node.children.map((_, i) => (ordered ? `${start + i}.` : depth % 2 === 0 ? '•' : '–'));
    const widest = Math.max(...labels.map((label) => this.measure([{ text: label, style: markerStyle }])));
    const hang = Math.max(B.listMinHang, widest + B.listMarkerGap);
    const boxes: TextBox[] = [];
    node.children.forEach((item, i) => {
      const itemFrame: Frame = {
        ...frame,
        indent: frame.indent + hang,
        width: frame.width - hang,
        depth: depth + 1,
      };
      const tight = !node.spread && !item.spread;
      const itemBoxes = this.blocks(
        item.children as BlockNode[],
        itemFrame,
        tight ? B.tightItemGap : undefined,
      );
      const marker = labels[i] as string;
      const checkbox = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '';
      this.attachMarker(itemBoxes, checkbox + marker, markerStyle, frame.indent, hang);
      if (itemBoxes[0])
        itemBoxes[0].spaceBefore =
          i === 0 ? spaceBefore : node.spread ? frame.leading * B.looseItemGap : B.tightItemGap;
      boxes.push(...itemBoxes);
    });
    return boxes;
  }

  /** Draws a list marker right-aligned in the hanging indent, on the item's first baseline. */
  attachMarker(boxes: TextBox[], marker: string, style: TextStyle, indent: number, hang: number): void {
    const first = boxes[0];
    if (!first) return;
    const [line] = this.lines([{ text: marker, style }], {
      width: hang + B.markerRoom,
      leading: 0,
      align: 'left',
    });
    if (!line) return;
    const baseline = first.baseline ?? style.size;
    const draw = first.draw;
    first.draw = (canvas, x, top) => {
      draw?.(canvas, x, top);
      canvas.line(line, x + indent + hang - B.markerGap - line.width, top + baseline);
    };
  }

  private blockquote(children: BlockNode[], frame: Frame, spaceBefore: number): TextBox[] {
    const inner: Frame = {
      ...frame,
      indent: frame.indent + B.quoteIndent,
      width: frame.width - B.quoteIndent,
      style: { ...frame.style, italic: true, color: MUTED },
    };
    const boxes = this.blocks(children, inner);
    for (const box of boxes) {
      const draw = box.draw;
      const gap = box === boxes[0] ? 0 : (box.spaceBefore ?? 0);
      box.draw = (canvas, x, top) => {
        canvas.rect(x + frame.indent + B.quoteBarInset, top - gap, B.quoteBarWidth, box.height + gap, RULE);
        draw?.(canvas, x, top);
      };
    }
    if (boxes[0]) boxes[0].spaceBefore = spaceBefore;
    return boxes;
  }

  /** Code and raw HTML: every character shown, spaces kept, long lines wrapped. */
  preformatted(text: string, frame: Frame, spaceBefore: number, color: Rgb): TextBox[] {
    const style: TextStyle = { ...CODE_STYLE, color };
    const pad = B.codePad;
    const boxes: TextBox[] = [];
    const background =
      (height: number, extraTop = 0) =>
      (canvas: PageCanvas, x: number, top: number) =>
        canvas.rect(x + frame.indent, top - extraTop, frame.width, height + extraTop, TINT);
    boxes.push({ height: pad, spaceBefore, keepWithNext: true, draw: background(pad) });
    const sourceLines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
    for (const source of sourceLines) {
      const lines = this.lines([{ text: source, style }], {
        width: frame.width - 2 * pad,
        leading: CODE_LEADING,
        align: 'left',
        pre: true,
      });
      if (lines.length === 0) {
        boxes.push({ height: CODE_LEADING, draw: background(CODE_LEADING) });
        continue;
      }
      for (const line of lines) {
        const box = lineBox(line, frame.indent + pad);
        const drawText = box.draw;
        box.draw = (canvas, x, top) => {
          background(CODE_LEADING)(canvas, x, top);
          drawText?.(canvas, x, top);
        };
        boxes.push(box);
      }
    }
    boxes.push({ height: pad, draw: background(pad) });
    const last = boxes[boxes.length - 2];
    if (last) last.keepWithNext = true;
    return boxes;
  }

  table(node: Extract<BlockNode, { type: 'table' }>, frame: Frame, spaceBefore: number): TextBox[] {
    const rows = node.children;
    const columns = Math.max(...rows.map((row) => row.children.length), 0);
    if (columns === 0) return [];
    const headerStyle: TextStyle = { ...TABLE_STYLE, bold: true };
    const cellRuns = rows.map((row, r) =>
      Array.from({ length: columns }, (_, c) =>
        this.runs((row.children[c]?.children ?? []) as InlineNode[], r === 0 ? headerStyle : TABLE_STYLE),
      ),
    );
    const widths = this.columnWidths(cellRuns, columns, frame.width);
    const align = (c: number): ParagraphOptions['align'] => {
      const value = node.align?.[c];
      return value === 'center' ? 'center' : value === 'right' ? 'right' : 'left';
    };

    // A row taller than any page is cut into slices of whole lines, so nothing runs off the page.
    const sliceLines = Math.floor((MAX_ROW_HEIGHT - 2 * CELL_PAD) / TABLE_LEADING);
    const rowBoxes: TextBox[] = [];
    let header: TextBox | undefined;
    cellRuns.forEach((cells, r) => {
      const cellLines = cells.map((runs, c) =>
        this.lines(runs, { width: (widths[c] ?? 0) - 2 * CELL_PAD, leading: TABLE_LEADING, align: align(c) }),
      );
      const lineCount = Math.max(1, ...cellLines.map((lines) => lines.length));
      // Each line of the row is as tall as its tallest cell line (a formula may need more than the leading).
      const pitch = Array.from({ length: lineCount }, (_, l) =>
        Math.max(TABLE_LEADING, ...cellLines.map((lines) => (lines[l] ? lineHeight(lines[l]) : 0))),
      );
      const offsetOf = (from: number, to: number) => pitch.slice(from, to).reduce((sum, h) => sum + h, 0);
      const isHeader = r === 0;
      for (let first = 0; first < lineCount; first += sliceLines) {
        const count = Math.min(sliceLines, lineCount - first);
        const firstSlice = first === 0;
        const lastSlice = first + count >= lineCount;
        const padTop = firstSlice ? CELL_PAD : 0;
        const height = padTop + offsetOf(first, first + count) + (lastSlice ? CELL_PAD : 0);
        const box: TextBox = {
          height,
          draw: (canvas, x, top) => {
            const left = x + frame.indent;
            if (isHeader) canvas.rect(left, top, frame.width, height, TINT);
            let cellX = left;
            cellLines.forEach((lines, c) => {
              lines.slice(first, first + count).forEach((line, l) => {
                const lineTop = top + padTop + offsetOf(first, first + l);
                canvas.line(line, cellX + CELL_PAD, lineTop + baselineOf(line));
              });
              cellX += widths[c] ?? 0;
            });
            if (lastSlice) {
              canvas.rule(
                left,
                top + height,
                left + frame.width,
                top + height,
                isHeader ? B.headerRuleWeight : B.rowRuleWeight,
                isHeader ? INK : RULE,
              );
            }
            if (isHeader && firstSlice)
              canvas.rule(left, top, left + frame.width, top, B.headerRuleWeight, INK);
          },
        };
        if (isHeader) header ??= box;
        else if (header) box.repeatHeader = header;
        rowBoxes.push(box);
      }
    });
    if (header) {
      header.spaceBefore = spaceBefore + B.tableSpaceBefore;
      header.keepWithNext = true;
    }
    return rowBoxes;
  }

  /** Natural widths when they fit; otherwise shrink the wide columns first. */
  private columnWidths(cells: Run[][][], columns: number, available: number): number[] {
    const natural = Array.from({ length: columns }, () => 2 * CELL_PAD + B.minCellText);
    for (const row of cells) {
      row.forEach((runs, c) => {
        const width = this.measure(runs) + 2 * CELL_PAD + B.cellSlack;
        natural[c] = Math.max(natural[c] ?? 0, width);
      });
    }
    const total = natural.reduce((sum, width) => sum + width, 0);
    if (total <= available) {
      // Spread the spare room evenly so the table spans the text block.
      const spare = (available - total) / columns;
      return natural.map((width) => width + spare);
    }
    // Give every column its fair share; columns narrower than that keep their natural width.
    const widths = [...natural];
    let fixed = new Set<number>();
    for (let pass = 0; pass < columns; pass++) {
      const free = available - [...fixed].reduce((sum, c) => sum + (widths[c] ?? 0), 0);
      const open = widths.map((_, c) => c).filter((c) => !fixed.has(c));
      const share = free / Math.max(1, open.length);
      const newlyFixed = open.filter((c) => (natural[c] ?? 0) <= share);
      if (newlyFixed.length === 0) {
        for (const c of open) widths[c] = share;
        break;
      }
      fixed = new Set([...fixed, ...newlyFixed]);
    }
    return widths;
  }
}
