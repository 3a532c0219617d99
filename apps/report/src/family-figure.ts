/** A family's own lineage diagram in its chapter, vector, with its caption. */
import type { Family } from '@studykit/core';
import { type EmbeddedForm, MUTED } from '@studykit/typeset';
import type { BodySetting } from './body-setting.js';
import type { FlowBox } from './flow.js';
import { layout } from './theme.js';

/** As wide as the text at most (never enlarged) and no taller than `figureMaxHeight`. */
export function familyFigure(setting: BodySetting, family: Family, diagram: EmbeddedForm): FlowBox[] {
  const { typesetter, words } = setting;
  const textWidth = setting.width;
  const f = layout.familyFigure;
  const scale = Math.min(1, textWidth / diagram.width, setting.figureMaxHeight / diagram.height);
  const [width, height] = [diagram.width * scale, diagram.height * scale];
  const caption = typesetter.lines(
    [
      {
        text: words.familyLineageCaption(family.name),
        style: { family: 'serif', italic: true, size: f.captionSize, color: MUTED },
      },
    ],
    { width: textWidth, leading: f.captionLeading, align: 'left' },
  );
  const figure: FlowBox = {
    height,
    spaceBefore: f.spaceBefore,
    keepWithNext: true,
    draw: (canvas, x, top) => canvas.form(diagram, x + (textWidth - width) / 2, top, width, height),
  };
  const captionBox: FlowBox = {
    height: caption.length * f.captionLeading + f.captionBottom,
    spaceBefore: f.captionGap,
    draw: (canvas, x, top) => {
      caption.forEach((line, index) => {
        canvas.line(line, x, top + f.captionBaseline + index * f.captionLeading);
      });
    },
  };
  return [figure, captionBox];
}
