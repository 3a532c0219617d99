/** A family's own lineage diagram in its chapter: a numbered figure like those of the notes. */
import type { Family } from '@studykit/core';
import type { EmbeddedForm } from '@studykit/typeset';
import type { BodySetting } from './body-setting.js';
import { figureBox, formPicture } from './figure.js';
import type { FlowBox } from './flow.js';
import { layout } from './theme.js';

/** As wide as the text at most (never enlarged) and no taller than `figureMaxHeight`. */
export function familyFigure(setting: BodySetting, family: Family, diagram: EmbeddedForm): FlowBox[] {
  const { typesetter, words } = setting;
  const caption = words.figureCaption(typesetter.nextFigure(), words.familyLineageCaption(family.name));
  const space = { typesetter, indent: 0, width: setting.width, maxHeight: setting.figureMaxHeight };
  return [figureBox(space, formPicture(diagram), caption, layout.familyFigure.spaceBefore)];
}
