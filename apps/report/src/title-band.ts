/** The heading band that opens the contents, the references and the index. */
import { INK, type Typesetter } from '@studykit/typeset';
import type { FlowBox } from './flow.js';
import { layout, sans } from './theme.js';

/** A short bar, the title in the band's size, and `layout.band.bottom` below its last line. */
export function titleBand(typesetter: Typesetter, width: number, title: string): FlowBox {
  const band = layout.band;
  const lines = typesetter.lines([{ text: title, style: sans(band.titleSize, INK, true) }], {
    width,
    leading: band.titleLeading,
    align: 'left',
  });
  return {
    height: band.textTop + lines.length * band.titleLeading + band.bottom,
    keepWithNext: true,
    draw: (canvas, x, top) => {
      canvas.rect(x, top + band.barTop, band.barWidth, band.barHeight, INK);
      lines.forEach((line, i) => {
        canvas.line(line, x, top + band.textTop + i * band.titleLeading + band.titleBaseline);
      });
    },
  };
}

/** The band on a new page, as a chapter of its own (running header, link target). */
export function chapterTitle(typesetter: Typesetter, width: number, title: string, marker: string): FlowBox {
  return {
    ...titleBand(typesetter, width, title),
    pageBreakBefore: true,
    chapter: title,
    markers: [marker],
  };
}
