/**
 * The table of contents, laid out before page numbers are known (they sit in a reserved column and
 * are drawn after pagination).
 */
import { type FontBook, INK, type Line, type Piece, Typesetter } from '@studykit/typeset';
import type { Labels } from '@studykit/view';
import type { PageLabels, TocEntry } from './anchors.js';
import type { FlowBox } from './flow.js';
import { DOT_LEADER, LINK, layout, sans, TOC_PAPER_LABEL } from './theme.js';
import { titleBand } from './title-band.js';

export const CONTENTS_MARKER = 'contents';

/** TOC boxes: a title, then one entry per chapter and per paper, with dot leaders and page numbers. */
export function buildToc(
  fonts: FontBook,
  width: number,
  entries: TocEntry[],
  labels: PageLabels,
  words: Labels,
): FlowBox[] {
  const typesetter = new Typesetter(fonts);
  const boxes: FlowBox[] = [];
  boxes.push({ ...titleBand(typesetter, width, words.contents), markers: [CONTENTS_MARKER] });
  const t = layout.contents;
  const { numberColumn, dotGap, dotSize } = t;
  const dotWidth = fonts.advance('serif', 0x2e) * dotSize;
  fonts.used.add('serif');

  for (const entry of entries) {
    const chapter = entry.level === 0;
    const labelWidth = chapter ? t.chapterLabelWidth : 0;
    const indent = chapter ? 0 : t.paperIndent;
    const textWidth = width - indent - labelWidth - numberColumn - t.numberGap;
    const style = chapter
      ? sans(t.chapterSize, INK, true)
      : { family: 'serif' as const, size: t.paperSize, color: INK };
    const runs = chapter
      ? [{ text: entry.title, style: { ...style, dest: entry.marker } }]
      : [
          {
            text: `${entry.label}  `,
            style: { ...sans(t.paperLabelSize, TOC_PAPER_LABEL, true), dest: entry.marker },
          },
          { text: entry.title, style: { ...style, dest: entry.marker } },
        ];
    const leading = chapter ? t.chapterLeading : t.paperLeading;
    const lines = typesetter.lines(runs, { width: textWidth, leading, align: 'left' });
    const [labelLine] =
      entry.label && chapter
        ? typesetter.lines([{ text: entry.label, style: { ...style, dest: entry.marker } }], {
            width: labelWidth,
            leading,
            align: 'left',
          })
        : [];
    lines.forEach((line, i) => {
      const last = i === lines.length - 1;
      const baseline = (leading - line.size) / 2 + line.size * t.ascent;
      boxes.push({
        height: leading,
        spaceBefore: i === 0 ? (chapter ? t.chapterSpaceBefore : t.paperSpaceBefore) : 0,
        keepWithNext: !last || chapter,
        draw: (canvas, x, top) => {
          const textX = x + indent + labelWidth;
          if (i === 0 && labelLine) canvas.line(labelLine, x, top + baseline);
          canvas.line(line, textX, top + baseline);
          if (!last) return;
          const [number] = typesetter.lines(
            [
              {
                text: labels.labelOf(entry.marker),
                style: { ...style, color: chapter ? INK : LINK, dest: entry.marker },
              },
            ],
            { width: numberColumn, leading, align: 'right' },
          );
          const numberX = x + width - numberColumn;
          if (number) canvas.line(number, numberX, top + baseline);
          const start = textX + line.width + t.leaderGap;
          const end = numberX + (number ? (number.pieces[0]?.x ?? numberColumn) : numberColumn) - t.leaderGap;
          const dots = dotLeader(start, end, dotGap, dotWidth, dotSize);
          if (dots) canvas.line(dots, 0, top + baseline);
        },
      });
    });
  }
  return boxes;
}

function dotLeader(
  start: number,
  end: number,
  gap: number,
  dotWidth: number,
  size: number,
): Line | undefined {
  // Dots sit on a fixed grid so that leaders line up from one entry to the next.
  const first = Math.ceil(start / gap) * gap;
  const pieces: Piece[] = [];
  for (let x = first; x + dotWidth <= end; x += gap) {
    pieces.push({ x, width: dotWidth, text: '.', font: 'serif', size, color: DOT_LEADER });
  }
  if (pieces.length === 0) return undefined;
  return { pieces, width: end - start, leading: size, size };
}
