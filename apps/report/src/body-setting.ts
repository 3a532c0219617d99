/**
 * What every part of the body is set with: one BlockSetter, the text width, the words of the output
 * language, the page-label lookup and the papers in the report; plus the frame and section heading
 * all parts share.
 */
import type { Paper } from '@studykit/core';
import type { Rgb, TextStyle } from '@studykit/typeset';
import type { Labels } from '@studykit/view';
import type { PageLabels } from './anchors.js';
import type { BlockSetter, Frame, TextBox } from './blocks.js';
import { BODY_LEADING, body, darken, layout, sans } from './theme.js';

export interface BodySetting {
  readonly typesetter: BlockSetter;
  readonly width: number;
  readonly labels: PageLabels;
  /** The output language's words (@studykit/view). */
  readonly words: Labels;
  /** The papers in the report, by id (links between papers go only to these). */
  readonly papersById: ReadonlyMap<string, Paper>;
  /** The tallest a chapter's figure may be drawn: it shares its page with the chapter's opening. */
  readonly figureMaxHeight: number;
}

/** Full-width body text in `style`, marked in the family colour. */
export function frame(setting: BodySetting, accent: Rgb, style: TextStyle = body): Frame {
  return { indent: 0, width: setting.width, style, leading: BODY_LEADING, accent };
}

/** A family's or paper's section heading, in a dark shade of the family colour. */
export function sectionHeading(
  setting: BodySetting,
  title: string,
  accent: Rgb,
  spaceBefore: number,
): TextBox[] {
  const style = sans(layout.sectionHeading.size, darken(accent, layout.sectionHeading.darken), true);
  return setting.typesetter.heading([{ text: title, style }], frame(setting, accent), spaceBefore);
}
