/** A paper's main and secondary conclusions as two marked lists: solid squares versus open dashes. */
import type { Paper } from '@studykit/core';
import { INK, MUTED, type Rgb, type TextStyle } from '@studykit/typeset';
import type { Frame } from './blocks.js';
import { type BodySetting, frame, sectionHeading } from './body-setting.js';
import type { FlowBox } from './flow.js';
import { type BlockNode, inlineRuns } from './inline.js';
import { body, darken, layout, SECONDARY_INK, sans } from './theme.js';

export function conclusions(setting: BodySetting, paper: Paper, accent: Rgb): FlowBox[] {
  const { typesetter, words } = setting;
  const c = layout.conclusions;
  const boxes: FlowBox[] = [
    ...sectionHeading(setting, words.conclusions, accent, layout.sectionHeading.paperSpaceBefore),
  ];
  const groups = [
    { weight: 'main' as const, color: INK },
    { weight: 'secondary' as const, color: SECONDARY_INK },
  ];
  for (const group of groups) {
    const items = paper.conclusions.filter((conclusion) => conclusion.weight === group.weight);
    if (items.length === 0) continue;
    const main = group.weight === 'main';
    const labelStyle = sans(c.labelSize, darken(accent, c.labelDarken), true);
    boxes.push(
      ...typesetter.heading(
        [{ text: (main ? words.mainFindings : words.secondaryFindings).toUpperCase(), style: labelStyle }],
        frame(setting, accent),
        main ? c.mainSpaceBefore : c.secondarySpaceBefore,
      ),
    );
    items.forEach((item, i) => {
      const style: TextStyle = { ...body, color: group.color };
      const itemFrame: Frame = {
        ...frame(setting, accent, style),
        indent: c.hang,
        width: setting.width - c.hang,
      };
      const itemBoxes = typesetter.blocks(item.children as BlockNode[], itemFrame);
      if (itemBoxes.length === 0) {
        itemBoxes.push(...typesetter.paragraph(inlineRuns([], style), itemFrame));
      }
      const first = itemBoxes[0];
      if (!first) return;
      first.spaceBefore = i === 0 ? c.firstItemSpaceBefore : c.itemSpaceBefore;
      const baseline = first.baseline ?? layout.fallbackBaseline;
      const draw = first.draw;
      first.draw = (canvas, x, top) => {
        draw?.(canvas, x, top);
        const cy = top + baseline - c.markerRaise;
        if (main) canvas.rect(x + c.markerLeft, cy - c.squareSize / 2, c.squareSize, c.squareSize, accent);
        else canvas.rule(x + c.markerLeft, cy, x + c.markerRight, cy, c.dashWeight, MUTED);
      };
      boxes.push(...itemBoxes);
    });
  }
  return boxes;
}
