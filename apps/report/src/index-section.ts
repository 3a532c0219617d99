/**
 * The index of tags, each with the papers that carry it and their pages. It comes last, so it is
 * built after the body is paginated and prints real page numbers.
 */
import type { Paper } from '@studykit/core';
import { INK, MUTED, type Run, type TextStyle } from '@studykit/typeset';
import { indexGroups } from '@studykit/view/index-order';
import { INDEX_MARKER, paperMarker } from './anchors.js';
import type { Frame } from './blocks.js';
import { type BodySetting, frame } from './body-setting.js';
import type { FlowBox } from './flow.js';
import { body, LINK, layout, sans } from './theme.js';
import { chapterTitle } from './title-band.js';

export function indexSection(setting: BodySetting, papers: Paper[]): FlowBox[] {
  const { typesetter, width, words } = setting;
  const n = layout.index;
  const byTag = new Map<string, Paper[]>();
  for (const paper of papers) {
    for (const tag of new Set(paper.tags)) byTag.set(tag, [...(byTag.get(tag) ?? []), paper]);
  }
  if (byTag.size === 0) return [];
  const boxes: FlowBox[] = [chapterTitle(typesetter, width, words.index, INDEX_MARKER)];
  const style: TextStyle = { ...body, size: n.size };
  for (const { heading, terms } of indexGroups([...byTag.keys()], words.language)) {
    boxes.push(
      ...typesetter.heading(
        [{ text: heading, style: sans(n.letterSize, MUTED, true) }],
        frame(setting, INK),
        n.letterSpaceBefore,
      ),
    );
    for (const tag of terms) boxes.push(...indexEntry(setting, tag, byTag.get(tag) ?? [], style));
  }
  return boxes;
}

/** One tag: its papers by short name, each with its page number, linked. */
function indexEntry(setting: BodySetting, tag: string, papers: Paper[], style: TextStyle): FlowBox[] {
  const { typesetter, width, labels, words } = setting;
  const n = layout.index;
  {
    const entryFrame: Frame = { indent: 0, width, style, leading: n.leading, accent: INK };
    const runs: Run[] = [{ text: `${tag}  `, style: { ...style, family: 'sans', bold: true } }];
    papers.forEach((paper, i) => {
      const marker = paperMarker(paper.id);
      runs.push({
        text: `${i > 0 ? words.listSeparator : ''}${paper.short}\u00a0`,
        style: { ...style, dest: marker },
      });
      runs.push({ text: labels.labelOf(marker), style: { ...style, color: LINK, dest: marker } });
    });
    return typesetter.paragraph(runs, entryFrame, { align: 'left' }, n.entryGap);
  }
}
