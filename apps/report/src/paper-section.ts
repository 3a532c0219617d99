/** One paper's section: rule and kicker, title, facts panel, body sections, conclusions, footnotes. */
import type { Paper } from '@studykit/core';
import { INK, type Rgb } from '@studykit/typeset';
import { paperMarker } from './anchors.js';
import { type BodySetting, frame, sectionHeading } from './body-setting.js';
import { conclusions } from './conclusions.js';
import { factsPanel } from './facts-panel.js';
import type { FlowBox } from './flow.js';
import { footnotes } from './footnotes.js';
import { darken, layout, sans } from './theme.js';

/** The rule across the text and "SHORT · year" under it; carries the paper's marker. */
function paperKicker(setting: BodySetting, paper: Paper, accent: Rgb): FlowBox {
  const { typesetter, width } = setting;
  const o = layout.paperOpening;
  const kicker = typesetter.lines(
    [{ text: `${paper.short} · ${paper.year}`, style: sans(o.kickerSize, darken(accent), true) }],
    {
      width,
      leading: o.kickerLeading,
      align: 'left',
    },
  );
  return {
    height: o.kickerTop + kicker.length * o.kickerLeading,
    spaceBefore: o.spaceBefore,
    keepWithNext: true,
    markers: [paperMarker(paper.id)],
    draw: (canvas, x, top) => {
      canvas.rule(x, top, x + width, top, o.ruleWeight, accent);
      kicker.forEach((line, i) => {
        canvas.line(line, x, top + o.kickerTop + i * o.kickerLeading + o.kickerBaseline);
      });
    },
  };
}

export function paperSection(setting: BodySetting, paper: Paper, accent: Rgb): FlowBox[] {
  const { typesetter } = setting;
  const o = layout.paperOpening;
  const boxes: FlowBox[] = [paperKicker(setting, paper, accent)];
  boxes.push(
    ...typesetter.heading(
      [{ text: paper.title, style: sans(o.titleSize, INK, true) }],
      frame(setting, accent),
      o.titleSpaceBefore,
    ),
  );
  boxes.push(...factsPanel(setting, paper, accent));
  for (const section of paper.sections) {
    boxes.push(...sectionHeading(setting, section.title, accent, layout.sectionHeading.paperSpaceBefore));
    boxes.push(...typesetter.blocks(section.children, frame(setting, accent)));
  }
  boxes.push(...conclusions(setting, paper, accent));
  boxes.push(...footnotes(setting, paper.footnotes, accent));
  return boxes;
}
