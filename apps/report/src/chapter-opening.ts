/** A chapter's opening: bar, "CHAPTER n", the family's name, its facts line and a hairline. */
import type { Family } from '@studykit/core';
import { INK, MUTED } from '@studykit/typeset';
import { periodText } from '@studykit/view';
import { familyMarker } from './anchors.js';
import type { BodySetting } from './body-setting.js';
import type { FlowBox } from './flow.js';
import { darken, layout, lighten, parseColour, sans } from './theme.js';

export function chapterOpening(
  setting: BodySetting,
  family: Family,
  number: number,
  paperCount: number,
): FlowBox[] {
  const { typesetter, width, words } = setting;
  const band = layout.band;
  const c = layout.chapterOpening;
  const accent = parseColour(family.colour);
  const label = typesetter.lines(
    [{ text: words.chapter(number).toUpperCase(), style: sans(c.labelSize, darken(accent), true) }],
    {
      width,
      leading: c.labelLeading,
      align: 'left',
    },
  );
  const title = typesetter.lines([{ text: family.name, style: sans(band.titleSize, INK, true) }], {
    width,
    leading: band.titleLeading,
    align: 'left',
  });
  const facts = `${family.organisation} · ${periodText(family, words)} · ${words.papers(paperCount)}`;
  const subtitle = typesetter.lines([{ text: facts, style: sans(c.subtitleSize, MUTED) }], {
    width,
    leading: c.subtitleLeading,
    align: 'left',
  });
  const height =
    band.textTop +
    c.labelLeading +
    title.length * band.titleLeading +
    c.subtitleGap +
    subtitle.length * c.subtitleLeading +
    c.bottom;
  const opening: FlowBox = {
    height,
    pageBreakBefore: true,
    keepWithNext: true,
    chapter: family.name,
    markers: [familyMarker(family.id)],
    draw: (canvas, x, top) => {
      canvas.rect(x, top + band.barTop, band.barWidth, band.barHeight, accent);
      let y = top + band.textTop;
      for (const line of label) canvas.line(line, x, y + c.labelBaseline);
      y += c.labelLeading;
      for (const line of title) {
        canvas.line(line, x, y + band.titleBaseline);
        y += band.titleLeading;
      }
      y += c.subtitleGap;
      for (const line of subtitle) {
        canvas.line(line, x, y + c.subtitleBaseline);
        y += c.subtitleLeading;
      }
      canvas.rule(
        x,
        y + c.ruleOffset,
        x + width,
        y + c.ruleOffset,
        c.ruleWeight,
        lighten(accent, c.ruleLighten),
      );
    },
  };
  return [opening];
}
