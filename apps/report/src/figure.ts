/**
 * A numbered figure: a picture (an image or a diagram from the notes, a family's lineage) as wide as
 * the text at most, never enlarged past its natural size, and its caption under it ("Figure 3: …"),
 * in one box so that a figure is never split across pages.
 */
import { type EmbeddedForm, MUTED, type PageCanvas, type Typesetter } from '@studykit/typeset';
import type { FlowBox } from './flow.js';
import type { PictureArt } from './notes-art.js';
import { layout } from './theme.js';

/** Points per CSS px: an image's natural size is its CSS size (96 px to the inch). */
const POINTS_PER_PX = 0.75;

export interface FigureSpace {
  typesetter: Typesetter;
  /** The column the figure is centred in. */
  indent: number;
  width: number;
  /** The tallest the picture may be drawn. */
  maxHeight: number;
}

/** What a figure shows: its size in points at 100 % and how it draws into a box. */
export interface Picture {
  width: number;
  height: number;
  draw(canvas: PageCanvas, x: number, top: number, width: number, height: number): void;
}

export function pictureOf(art: PictureArt): Picture {
  if (art.kind === 'image') {
    return {
      width: art.width * POINTS_PER_PX,
      height: art.height * POINTS_PER_PX,
      draw: (canvas, x, top, width, height) =>
        canvas.image(art.image, x, top, width, height, art.orientation),
    };
  }
  return formPicture(art.form);
}

/** A vector page (a diagram) at its own size. */
export function formPicture(form: EmbeddedForm): Picture {
  return {
    width: form.width,
    height: form.height,
    draw: (canvas, x, top, width, height) => canvas.form(form, x, top, width, height),
  };
}

export function figureBox(
  space: FigureSpace,
  picture: Picture,
  caption: string,
  spaceBefore: number,
): FlowBox {
  const f = layout.familyFigure;
  const scale = Math.min(1, space.width / picture.width, space.maxHeight / picture.height);
  const [width, height] = [picture.width * scale, picture.height * scale];
  const lines = space.typesetter.lines(
    [{ text: caption, style: { family: 'serif', italic: true, size: f.captionSize, color: MUTED } }],
    { width: space.width, leading: f.captionLeading, align: 'left' },
  );
  return {
    height: height + f.captionGap + lines.length * f.captionLeading + f.captionBottom,
    spaceBefore,
    draw: (canvas, x, top) => {
      picture.draw(canvas, x + space.indent + (space.width - width) / 2, top, width, height);
      lines.forEach((line, index) => {
        canvas.line(
          line,
          x + space.indent,
          top + height + f.captionGap + f.captionBaseline + index * f.captionLeading,
        );
      });
    },
  };
}
