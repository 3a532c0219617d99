/** Page furniture: the folio (printed page number) and the running header, mirrored for binding. */
import type { Typesetter } from './blocks.js';
import type { PageCanvas } from './canvas.js';
import { sans } from './chapters.js';
import type { Line } from './text-types.js';
import { contentWidth, leftMargin, MUTED, type PageGeometry, RULE } from './theme.js';

export function drawFolio(
  canvas: PageCanvas,
  typesetter: Typesetter,
  geometry: PageGeometry,
  index: number,
  label: string,
) {
  const width = contentWidth(geometry);
  const x = leftMargin(geometry, index);
  const recto = index % 2 === 0;
  const [line] = typesetter.lines([{ text: label, style: sans(9, MUTED, true) }], {
    width,
    leading: 12,
    align: recto ? 'right' : 'left',
  });
  if (line) canvas.line(line, x, geometry.height - geometry.bottom + 34);
}

export function drawRunningHeader(
  canvas: PageCanvas,
  typesetter: Typesetter,
  geometry: PageGeometry,
  index: number,
  text: string,
) {
  const width = contentWidth(geometry);
  const x = leftMargin(geometry, index);
  const recto = index % 2 === 0;
  const lines = typesetter.lines([{ text, style: sans(8.5, MUTED) }], {
    width,
    leading: 11,
    align: recto ? 'right' : 'left',
  });
  const [line] = lines;
  if (!line) return;
  // One line only: a long chapter title is cut with an ellipsis rather than wrapped.
  const shown = lines.length > 1 ? ellipsize(typesetter, text, width) : line;
  const baseline = geometry.top - 30;
  canvas.line(shown, x, baseline);
  canvas.rule(x, baseline + 6, x + width, baseline + 6, 0.4, RULE);
}

function ellipsize(typesetter: Typesetter, text: string, width: number): Line {
  let cut = text.length;
  for (;;) {
    cut = Math.max(0, cut - Math.max(1, Math.floor(cut / 10)));
    const lines = typesetter.lines([{ text: `${text.slice(0, cut).trimEnd()}…`, style: sans(8.5, MUTED) }], {
      width,
      leading: 11,
      align: 'left',
    });
    if (lines.length <= 1 || cut === 0) return lines[0] ?? { pieces: [], width: 0, leading: 11, size: 8.5 };
  }
}
