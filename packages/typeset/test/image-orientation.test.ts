/**
 * A JPEG whose EXIF orientation turns it (a phone photo held upright) is drawn as a browser shows it:
 * pdf-lib embeds the stored pixels, and the canvas turns them into the box of the image as shown.
 * The fixture (tests/fixtures/images/turned-6.jpg) stores 48 × 24 pixels, the top half red and the
 * bottom half blue, with orientation 6: shown 24 × 48, blue on the left and red on the right.
 */
import { readFileSync } from 'node:fs';
import { Drawing, FontBook, geometryFor } from '@studykit/typeset';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { skipNote } from '../../../tests/skips.js';
import { type Grey, noPoppler, renderGrey, writeTemp } from './pdf-tools.js';

// A copy: pdf-lib reads a JPEG's header at offset 0 of the buffer's memory, and a small file's
// Buffer is a slice of Node's shared pool.
const TURNED = new Uint8Array(
  readFileSync(new URL('../../../tests/fixtures/images/turned-6.jpg', import.meta.url)),
);

/** The mean grey of a box in points (pdftoppm's grey: red about 76, blue about 28). */
function meanGrey(image: Grey, left: number, top: number, right: number, bottom: number): number {
  let sum = 0;
  let count = 0;
  for (let y = top; y < bottom; y++)
    for (let x = left; x < right; x++) {
      sum += image.pixels[y * image.width + x] ?? 255;
      count++;
    }
  return sum / count;
}

/** One page with the fixture drawn at 4× into a box at (100, 100), with the orientation given. */
async function drawn(orientation: number, width: number, height: number): Promise<Grey> {
  const geometry = geometryFor('a4');
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([geometry.width, geometry.height]);
  const image = await doc.embedJpg(TURNED);
  const drawing = new Drawing(doc, [page], new FontBook());
  drawing.canvas(0).image(image, 100, 100, width, height, orientation);
  await drawing.finish();
  return renderGrey(writeTemp(await doc.save(), 'turned.pdf'), 1);
}

/** A colour seen where pdftoppm's grey says it is (red about 76, blue about 28). */
const colourOf = (grey: number) => (grey > 60 ? 'red' : grey < 45 ? 'blue' : `grey ${Math.round(grey)}`);

/**
 * Each orientation drawn with the fixture's stored pixels (the canvas takes the orientation as given,
 * whatever the file says), and the colours of the shown image's two halves: top and bottom of a wide
 * box, left and right of a tall one. 6 is the fixture's own.
 */
const CASES = [
  { orientation: 1, shown: 'as stored', halves: ['red', 'blue'] },
  { orientation: 3, shown: 'upside down', halves: ['blue', 'red'] },
  { orientation: 6, shown: 'turned a quarter clockwise', halves: ['blue', 'red'] },
  { orientation: 8, shown: 'turned a quarter anticlockwise', halves: ['red', 'blue'] },
] as const;

describe.skipIf(noPoppler)(`a JPEG with an EXIF orientation${skipNote(noPoppler)}`, () => {
  it.each(CASES)(
    '$orientation: $shown, in a box the shape of the image as shown',
    async ({ orientation, halves }) => {
      const tall = orientation >= 5;
      const page = await drawn(orientation, tall ? 96 : 192, tall ? 192 : 96);
      const seen = tall
        ? [meanGrey(page, 105, 110, 140, 282), meanGrey(page, 156, 110, 191, 282)]
        : [meanGrey(page, 110, 105, 282, 140), meanGrey(page, 110, 156, 282, 191)];
      expect(seen.map(colourOf)).toEqual([...halves]);
    },
  );
});
