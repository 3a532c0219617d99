/** The reference list: one numbered APA entry per paper, with its page and a clickable http(s) link. */
import type { FormattedReference } from '@studykit/citations';
import type { Paper } from '@studykit/core';
import { INK, MUTED, type Run, type TextStyle } from '@studykit/typeset';
import { safeHttpUrl } from '@studykit/view';
import { paperMarker, REFERENCES_MARKER } from './anchors.js';
import type { Frame } from './blocks.js';
import type { BodySetting } from './body-setting.js';
import type { FlowBox } from './flow.js';
import { body, LINK, layout } from './theme.js';
import { chapterTitle } from './title-band.js';

export function referencesSection(
  setting: BodySetting,
  papers: Paper[],
  references: ReadonlyMap<string, FormattedReference>,
): FlowBox[] {
  const { typesetter, width, labels, words } = setting;
  const r = layout.references;
  const { numberWidth, pageWidth } = r;
  const boxes: FlowBox[] = [];
  boxes.push(chapterTitle(typesetter, width, words.references, REFERENCES_MARKER));
  const style: TextStyle = { ...body, size: r.size };
  papers.forEach((paper, index) => {
    const url = safeHttpUrl(paper.url);
    const runs: Run[] = [
      { text: `${references.get(paper.id)?.text ?? paper.title} `, style },
      { text: paper.url, style: url ? { ...style, color: LINK, link: url } : style },
    ];
    const frame: Frame = {
      indent: numberWidth,
      width: width - numberWidth - pageWidth,
      style,
      leading: r.leading,
      accent: INK,
    };
    const entry = typesetter.paragraph(runs, frame, { align: 'left' }, index === 0 ? 0 : r.entryGap);
    const first = entry[0];
    if (!first) return;
    const [number] = typesetter.lines([{ text: `[${index + 1}]`, style: { ...style, color: MUTED } }], {
      width: numberWidth,
      leading: r.leading,
      align: 'left',
    });
    const baseline = first.baseline ?? layout.fallbackBaseline;
    const draw = first.draw;
    const marker = paperMarker(paper.id);
    first.draw = (canvas, x, top) => {
      draw?.(canvas, x, top);
      if (number) canvas.line(number, x, top + baseline);
      // The page is known only now, after pagination.
      const [page] = typesetter.lines(
        [{ text: labels.labelOf(marker), style: { ...style, color: LINK, dest: marker } }],
        { width: pageWidth, leading: r.leading, align: 'right' },
      );
      if (page) canvas.line(page, x + width - pageWidth, top + baseline);
    };
    boxes.push(...entry);
  });
  return boxes;
}
