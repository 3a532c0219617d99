/** The full-page lineage diagram: a title, the diagram scaled to fit, and a caption; or a placeholder. */
import {
  contentWidth,
  type EmbeddedForm,
  type FontBook,
  INK,
  leftMargin,
  MUTED,
  type PageCanvas,
  type PageGeometry,
  Typesetter,
} from '@studykit/typeset';
import type { Labels } from '@studykit/view';
import { layout, PLACEHOLDER_TINT, sans } from './theme.js';

export const LINEAGE_MARKER = 'lineage';

/** The lineage page: a title, the diagram scaled to fit, and a caption; or a placeholder. */
export function drawLineagePage(
  canvas: PageCanvas,
  fonts: FontBook,
  geometry: PageGeometry,
  pageIndex: number,
  diagram: EmbeddedForm | undefined,
  words: Labels,
  problem?: string,
): void {
  const typesetter = new Typesetter(fonts);
  const p = layout.lineagePage;
  const x = leftMargin(geometry, pageIndex);
  const width = contentWidth(geometry);
  // On a landscape page the diagram needs the height more than the title does.
  const landscape = geometry.width > geometry.height;
  const titleSize = landscape ? p.landscapeTitleSize : p.titleSize;
  let y = landscape ? geometry.top - p.landscapeRaise : geometry.top;
  canvas.rect(
    x,
    y + p.barTop,
    landscape ? p.landscapeBarWidth : p.barWidth,
    landscape ? p.landscapeBarHeight : p.barHeight,
    INK,
  );
  y += landscape ? p.landscapeTextTop : p.textTop;
  for (const line of typesetter.lines([{ text: words.lineageOfPapers, style: sans(titleSize, INK, true) }], {
    width,
    leading: titleSize * p.titleLeading,
    align: 'left',
  })) {
    canvas.line(line, x, y + titleSize);
    y += titleSize * p.titleLeading;
  }
  y += p.titleGap;
  const caption = diagram ? words.lineageCaption : (problem ?? words.lineageMissing);
  const captionLines = typesetter.lines(
    [{ text: caption, style: { family: 'serif', italic: true, size: p.captionSize, color: MUTED } }],
    {
      width,
      leading: p.captionLeading,
      align: 'left',
    },
  );
  const captionHeight = captionLines.length * p.captionLeading;
  const areaTop = y;
  const areaBottom = geometry.height - geometry.bottom - captionHeight - p.captionGap;
  const areaHeight = areaBottom - areaTop;
  if (diagram) {
    const scale = Math.min(width / diagram.width, areaHeight / diagram.height);
    const drawWidth = diagram.width * scale;
    const drawHeight = diagram.height * scale;
    const left = x + (width - drawWidth) / 2;
    const top = areaTop + (areaHeight - drawHeight) / 2;
    canvas.form(diagram, left, top, drawWidth, drawHeight);
  } else {
    canvas.rect(x, areaTop, width, areaHeight, PLACEHOLDER_TINT);
    const [notice] = typesetter.lines(
      [{ text: words.lineageNotBuilt, style: sans(p.noticeSize, MUTED, true) }],
      {
        width,
        leading: p.noticeLeading,
        align: 'center',
      },
    );
    if (notice) canvas.line(notice, x, areaTop + areaHeight / 2);
  }
  let captionY = areaBottom + p.captionGap;
  for (const line of captionLines) {
    canvas.line(line, x, captionY + p.captionBaseline);
    captionY += p.captionLeading;
  }
}
