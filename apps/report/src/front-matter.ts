/**
 * Front matter: the cover, the table of contents (laid out before page numbers are known, since
 * numbers sit in a reserved column) and the full-page lineage diagram.
 */

import type { Family } from '@studykit/core';
import {
  contentWidth,
  type EmbeddedForm,
  type FontBook,
  INK,
  type Line,
  leftMargin,
  MUTED,
  type PageCanvas,
  type PageGeometry,
  type Piece,
  type Rgb,
  RULE,
  Typesetter,
} from '@studykit/typeset';
import { type Labels, periodText } from '@studykit/view';
import type { PageLabels, TocEntry } from './anchors.js';
import type { FlowBox } from './flow.js';
import { darken, LINK, parseColour, sans, WHITE } from './theme.js';
import { titleBand } from './title-band.js';

export const CONTENTS_MARKER = 'contents';
export const LINEAGE_MARKER = 'lineage';

export interface CoverFacts {
  title: string;
  subtitle: string;
  /** Who reads the papers (study.md), shown above the title. */
  group: string | null;
  dateText: string;
  families: { family: Family; papers: number }[];
  paperCount: number;
  words: Labels;
}

const COVER_BAND: Rgb = [0.13, 0.17, 0.24];

export function drawCover(
  canvas: PageCanvas,
  fonts: FontBook,
  geometry: PageGeometry,
  facts: CoverFacts,
): void {
  const typesetter = new Typesetter(fonts);
  const x = geometry.inner;
  const width = contentWidth(geometry);
  const bandHeight = geometry.height * 0.42;
  canvas.rect(0, 0, geometry.width, bandHeight, COVER_BAND);
  // One stripe per family, in the family colours used throughout the booklet.
  const stripeWidth = geometry.width / Math.max(1, facts.families.length);
  facts.families.forEach(({ family }, i) => {
    canvas.rect(i * stripeWidth, bandHeight, stripeWidth + 0.5, 7, parseColour(family.colour));
  });

  let y = bandHeight * 0.3;
  for (const line of typesetter.lines(
    [
      {
        text: `${facts.group ?? facts.words.readingGroup} · ${facts.words.report}`.toUpperCase(),
        style: sans(10, [0.72, 0.77, 0.85], true),
      },
    ],
    {
      width,
      leading: 14,
      align: 'left',
    },
  )) {
    canvas.line(line, x, y);
    y += 14;
  }
  y += 18;
  for (const line of typesetter.lines([{ text: facts.title, style: sans(31, WHITE, true) }], {
    width,
    leading: 36,
    align: 'left',
  })) {
    canvas.line(line, x, y + 10);
    y += 36;
  }
  y += 6;
  for (const line of typesetter.lines(
    [{ text: facts.subtitle, style: { family: 'serif', italic: true, size: 14, color: [0.85, 0.88, 0.92] } }],
    {
      width,
      leading: 19,
      align: 'left',
    },
  )) {
    canvas.line(line, x, y + 10);
    y += 19;
  }

  y = bandHeight + 54;
  for (const line of typesetter.lines([{ text: 'FAMILIES COVERED', style: sans(9, MUTED, true) }], {
    width,
    leading: 14,
    align: 'left',
  })) {
    canvas.line(line, x, y);
    y += 14;
  }
  y += 8;
  // One column while the families fit, two when they do not; what still does not fit is counted.
  const limit = geometry.height - 120;
  const blocksFor = (columnWidth: number) =>
    facts.families.map(({ family, papers }) => {
      const name = typesetter.lines([{ text: family.name, style: sans(13, INK, true) }], {
        width: columnWidth - 20,
        leading: 16,
        align: 'left',
      });
      const summary = `${family.organisation} · ${periodText(family, facts.words)} · ${facts.words.papers(papers)}`;
      const detail = typesetter.lines([{ text: summary, style: sans(9.5, MUTED) }], {
        width: columnWidth - 20,
        leading: 13,
        align: 'left',
      });
      return {
        colour: parseColour(family.colour),
        name,
        detail,
        height: name.length * 16 + detail.length * 13 + 12,
      };
    });
  let columns = 1;
  let blocks = blocksFor(width);
  if (blocks.reduce((sum, block) => sum + block.height, 0) > limit - y) {
    columns = 2;
    blocks = blocksFor((width - 24) / 2);
  }
  const columnWidth = columns === 1 ? width : (width - 24) / 2;
  const top = y;
  let column = 0;
  let shown = 0;
  for (const block of blocks) {
    if (y + block.height > limit - 16) {
      if (column + 1 >= columns) break;
      column++;
      y = top;
    }
    const left = x + column * (columnWidth + 24);
    canvas.rect(left, y - 10, 8, block.height - 14, block.colour);
    let lineY = y;
    for (const line of block.name) {
      canvas.line(line, left + 18, lineY + 2);
      lineY += 16;
    }
    for (const line of block.detail) {
      canvas.line(line, left + 18, lineY);
      lineY += 13;
    }
    y += block.height;
    shown++;
  }
  if (shown < blocks.length) {
    const more = blocks.length - shown;
    const [line] = typesetter.lines(
      [
        {
          text: `… and ${more} more ${more === 1 ? 'family' : 'families'}: see the contents.`,
          style: sans(9.5, MUTED),
        },
      ],
      { width, leading: 13, align: 'left' },
    );
    if (line) canvas.line(line, x + (columns - 1) * (columnWidth + 24), limit);
  }

  const bottom = geometry.height - 70;
  canvas.rule(x, bottom - 24, x + width, bottom - 24, 0.5, RULE);
  const [date] = typesetter.lines([{ text: facts.dateText, style: sans(11, INK, true) }], {
    width,
    leading: 14,
    align: 'left',
  });
  if (date) canvas.line(date, x, bottom);
  const summary = `${facts.words.papers(facts.paperCount)} · ${facts.words.families(facts.families.length)}`;
  const [right] = typesetter.lines([{ text: summary, style: sans(10, MUTED) }], {
    width,
    leading: 14,
    align: 'right',
  });
  if (right) canvas.line(right, x, bottom);
}

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
  const numberColumn = 34;
  const dotGap = 4.6;
  const dotSize = 9;
  const dotWidth = fonts.advance('serif', 0x2e) * dotSize;
  fonts.used.add('serif');

  for (const entry of entries) {
    const chapter = entry.level === 0;
    const labelWidth = chapter ? 22 : 0;
    const indent = chapter ? 0 : 22;
    const textWidth = width - indent - labelWidth - numberColumn - 12;
    const style = chapter ? sans(11.5, INK, true) : { family: 'serif' as const, size: 9.8, color: INK };
    const runs = chapter
      ? [{ text: entry.title, style: { ...style, dest: entry.marker } }]
      : [
          {
            text: `${entry.label}  `,
            style: { ...sans(9, darken([0.3, 0.3, 0.35], 0.2), true), dest: entry.marker },
          },
          { text: entry.title, style: { ...style, dest: entry.marker } },
        ];
    const leading = chapter ? 15 : 13;
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
      const baseline = (leading - line.size) / 2 + line.size * 0.8;
      boxes.push({
        height: leading,
        spaceBefore: i === 0 ? (chapter ? 12 : 2.5) : 0,
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
          const start = textX + line.width + 6;
          const end = numberX + (number ? (number.pieces[0]?.x ?? numberColumn) : numberColumn) - 6;
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
    pieces.push({ x, width: dotWidth, text: '.', font: 'serif', size, color: RULE_DARK });
  }
  if (pieces.length === 0) return undefined;
  return { pieces, width: end - start, leading: size, size };
}

const RULE_DARK: Rgb = [0.55, 0.55, 0.58];

/** The lineage page: a title, the diagram scaled to fit, and a caption; or a placeholder. */
export function drawLineagePage(
  canvas: PageCanvas,
  fonts: FontBook,
  geometry: PageGeometry,
  pageIndex: number,
  diagram: EmbeddedForm | undefined,
  words: Labels,
  problem?: string,
): void {
  const typesetter = new Typesetter(fonts);
  const x = leftMargin(geometry, pageIndex);
  const width = contentWidth(geometry);
  // On a landscape page the diagram needs the height more than the title does.
  const landscape = geometry.width > geometry.height;
  const titleSize = landscape ? 17 : 25;
  let y = landscape ? geometry.top - 30 : geometry.top;
  canvas.rect(x, y + 8, landscape ? 30 : 46, landscape ? 4 : 5, INK);
  y += landscape ? 22 : 34;
  for (const line of typesetter.lines([{ text: words.lineageOfPapers, style: sans(titleSize, INK, true) }], {
    width,
    leading: titleSize * 1.2,
    align: 'left',
  })) {
    canvas.line(line, x, y + titleSize);
    y += titleSize * 1.2;
  }
  y += 12;
  const caption = diagram ? words.lineageCaption : (problem ?? words.lineageMissing);
  const captionLines = typesetter.lines(
    [{ text: caption, style: { family: 'serif', italic: true, size: 9.8, color: MUTED } }],
    {
      width,
      leading: 13.5,
      align: 'left',
    },
  );
  const captionHeight = captionLines.length * 13.5;
  const areaTop = y;
  const areaBottom = geometry.height - geometry.bottom - captionHeight - 14;
  const areaHeight = areaBottom - areaTop;
  if (diagram) {
    const scale = Math.min(width / diagram.width, areaHeight / diagram.height);
    const drawWidth = diagram.width * scale;
    const drawHeight = diagram.height * scale;
    const left = x + (width - drawWidth) / 2;
    const top = areaTop + (areaHeight - drawHeight) / 2;
    canvas.form(diagram, left, top, drawWidth, drawHeight);
  } else {
    canvas.rect(x, areaTop, width, areaHeight, [0.965, 0.965, 0.96]);
    const [notice] = typesetter.lines([{ text: words.lineageNotBuilt, style: sans(16, MUTED, true) }], {
      width,
      leading: 20,
      align: 'center',
    });
    if (notice) canvas.line(notice, x, areaTop + areaHeight / 2);
  }
  let captionY = areaBottom + 14;
  for (const line of captionLines) {
    canvas.line(line, x, captionY + 10);
    captionY += 13.5;
  }
}
