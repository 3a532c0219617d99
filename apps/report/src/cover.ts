/** The cover: a dark band with the title, one stripe per family, the families covered, date and counts. */
import type { Family } from '@studykit/core';
import {
  contentWidth,
  type FontBook,
  INK,
  MUTED,
  type PageCanvas,
  type PageGeometry,
  RULE,
  Typesetter,
} from '@studykit/typeset';
import { type Labels, periodText } from '@studykit/view';
import type { Picture } from './figure.js';
import { COVER_BAND, COVER_KICKER, COVER_SUBTITLE, layout, parseColour, sans, WHITE } from './theme.js';

export interface CoverFacts {
  title: string;
  subtitle: string;
  /** Who reads the papers (study.md), shown above the title. */
  group: string | null;
  dateText: string;
  families: { family: Family; papers: number }[];
  paperCount: number;
  words: Labels;
  /** The group's logo (study.md `logo`), drawn at the band's top right. */
  logo?: Picture | undefined;
  /** The group's accent colour (study.md `accent`), `#rrggbb`: a bar across the band's foot. */
  accent?: string | null;
}

export function drawCover(
  canvas: PageCanvas,
  fonts: FontBook,
  geometry: PageGeometry,
  facts: CoverFacts,
): void {
  const typesetter = new Typesetter(fonts);
  const c = layout.cover;
  const x = geometry.inner;
  const width = contentWidth(geometry);
  const bandHeight = geometry.height * c.bandShare;
  canvas.rect(0, 0, geometry.width, bandHeight, COVER_BAND);
  if (facts.accent)
    canvas.rect(0, bandHeight - c.accentBar, geometry.width, c.accentBar, parseColour(facts.accent));
  if (facts.logo) {
    // Never enlarged: a small bitmap stays sharp, a large one or a vector logo is fitted to the box.
    const scale = Math.min(1, c.logoHeight / facts.logo.height, c.logoWidth / facts.logo.width);
    const [w, h] = [facts.logo.width * scale, facts.logo.height * scale];
    facts.logo.draw(canvas, geometry.width - c.logoInset - w, c.logoInset, w, h);
  }
  // One stripe per family, in the family colours used throughout the booklet.
  const stripeWidth = geometry.width / Math.max(1, facts.families.length);
  facts.families.forEach(({ family }, i) => {
    canvas.rect(
      i * stripeWidth,
      bandHeight,
      stripeWidth + c.stripeOverlap,
      c.stripeHeight,
      parseColour(family.colour),
    );
  });

  let y = bandHeight * c.kickerTop;
  for (const line of typesetter.lines(
    [
      {
        text: `${facts.group ?? facts.words.readingGroup} · ${facts.words.report}`.toUpperCase(),
        style: sans(c.kickerSize, COVER_KICKER, true),
      },
    ],
    {
      width,
      leading: c.kickerLeading,
      align: 'left',
    },
  )) {
    canvas.line(line, x, y);
    y += c.kickerLeading;
  }
  y += c.titleGap;
  for (const line of typesetter.lines([{ text: facts.title, style: sans(c.titleSize, WHITE, true) }], {
    width,
    leading: c.titleLeading,
    align: 'left',
  })) {
    canvas.line(line, x, y + c.titleBaseline);
    y += c.titleLeading;
  }
  y += c.subtitleGap;
  for (const line of typesetter.lines(
    [
      {
        text: facts.subtitle,
        style: { family: 'serif', italic: true, size: c.subtitleSize, color: COVER_SUBTITLE },
      },
    ],
    {
      width,
      leading: c.subtitleLeading,
      align: 'left',
    },
  )) {
    canvas.line(line, x, y + c.subtitleBaseline);
    y += c.subtitleLeading;
  }

  y = bandHeight + c.familiesTop;
  for (const line of typesetter.lines(
    [
      {
        text: facts.words.familiesCovered.toLocaleUpperCase('en'),
        style: sans(c.familiesHeadingSize, MUTED, true),
      },
    ],
    {
      width,
      leading: c.familiesHeadingLeading,
      align: 'left',
    },
  )) {
    canvas.line(line, x, y);
    y += c.familiesHeadingLeading;
  }
  y += c.familiesGap;
  // One column while the families fit, two when they do not; what still does not fit is counted.
  const limit = geometry.height - c.familiesBottom;
  const blocksFor = (columnWidth: number) =>
    facts.families.map(({ family, papers }) => {
      const name = typesetter.lines([{ text: family.name, style: sans(c.nameSize, INK, true) }], {
        width: columnWidth - c.textRightInset,
        leading: c.nameLeading,
        align: 'left',
      });
      const summary = `${family.organisation} · ${periodText(family, facts.words)} · ${facts.words.papers(papers)}`;
      const detail = typesetter.lines([{ text: summary, style: sans(c.detailSize, MUTED) }], {
        width: columnWidth - c.textRightInset,
        leading: c.detailLeading,
        align: 'left',
      });
      return {
        colour: parseColour(family.colour),
        name,
        detail,
        height: name.length * c.nameLeading + detail.length * c.detailLeading + c.blockGap,
      };
    });
  let columns = 1;
  let blocks = blocksFor(width);
  if (blocks.reduce((sum, block) => sum + block.height, 0) > limit - y) {
    columns = 2;
    blocks = blocksFor((width - c.columnGap) / 2);
  }
  const columnWidth = columns === 1 ? width : (width - c.columnGap) / 2;
  const top = y;
  let column = 0;
  let shown = 0;
  for (const block of blocks) {
    if (y + block.height > limit - c.familyFit) {
      if (column + 1 >= columns) break;
      column++;
      y = top;
    }
    const left = x + column * (columnWidth + c.columnGap);
    canvas.rect(left, y - c.swatchRaise, c.swatchWidth, block.height - c.swatchShorter, block.colour);
    let lineY = y;
    for (const line of block.name) {
      canvas.line(line, left + c.textInset, lineY + c.nameBaseline);
      lineY += c.nameLeading;
    }
    for (const line of block.detail) {
      canvas.line(line, left + c.textInset, lineY);
      lineY += c.detailLeading;
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
          style: sans(c.detailSize, MUTED),
        },
      ],
      { width, leading: c.detailLeading, align: 'left' },
    );
    if (line) canvas.line(line, x + (columns - 1) * (columnWidth + c.columnGap), limit);
  }

  const bottom = geometry.height - c.footerBottom;
  canvas.rule(x, bottom - c.footerRuleRaise, x + width, bottom - c.footerRuleRaise, c.footerRuleWeight, RULE);
  const [date] = typesetter.lines([{ text: facts.dateText, style: sans(c.dateSize, INK, true) }], {
    width,
    leading: c.footerLeading,
    align: 'left',
  });
  if (date) canvas.line(date, x, bottom);
  const summary = `${facts.words.papers(facts.paperCount)} · ${facts.words.families(facts.families.length)}`;
  const [right] = typesetter.lines([{ text: summary, style: sans(c.summarySize, MUTED) }], {
    width,
    leading: c.footerLeading,
    align: 'right',
  });
  if (right) canvas.line(right, x, bottom);
}
