import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  Drawing,
  FontBook,
  geometryFor,
  INK,
  type OutlineNode,
  type TextStyle,
  Typesetter,
  writeOutline,
} from '@studykit/typeset';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipNote } from '../../../tests/skips.js';
import { noPdfTools, pdfFonts, pdfText, qpdfCheck, readStructure, writeTemp } from './pdf-tools.js';

const serif: TextStyle = { family: 'serif', size: 11, color: INK };
const sans: TextStyle = { family: 'sans', size: 9, color: INK, bold: true };

/** Two A4 pages drawn through one Drawing: Latin, bold sans, Chinese and an emoji, and an outline. */
async function draw(): Promise<Uint8Array> {
  const geometry = geometryFor('a4');
  const doc = await PDFDocument.create({ updateMetadata: false });
  const pages = [0, 1].map(() => doc.addPage([geometry.width, geometry.height]));
  const fonts = new FontBook();
  const typesetter = new Typesetter(fonts);
  const drawing = new Drawing(doc, pages, fonts);
  const texts = [
    [{ text: 'Attention is all you need 注意力 😀', style: serif }],
    [{ text: 'SECOND PAGE', style: sans }],
  ];
  texts.forEach((runs, index) => {
    const [line] = typesetter.lines(runs, { width: 400, leading: 14, align: 'left' });
    if (line) drawing.canvas(index).line(line, geometry.inner, geometry.top);
  });
  await drawing.finish();
  const outline: OutlineNode[] = [{ title: 'Second', destination: { page: 1, y: 0 }, children: [] }];
  writeOutline(drawing.context, outline);
  doc.setCreationDate(new Date(Date.UTC(2026, 10, 29)));
  doc.setModificationDate(new Date(Date.UTC(2026, 10, 29)));
  return doc.save({ useObjectStreams: true });
}

let bytes: Uint8Array;
let path: string;

beforeAll(async () => {
  bytes = await draw();
  path = writeTemp(bytes, 'drawing.pdf');
});
afterAll(() => rmSync(dirname(path), { recursive: true, force: true }));

describe('a Drawing', () => {
  it('is byte-identical when drawn twice', async () => {
    expect(Buffer.from(await draw()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('writes the outline over its pages', async () => {
    const { outline, pageCount } = await readStructure(bytes);
    expect(pageCount).toBe(2);
    expect(outline).toEqual([{ title: 'Second', page: 1, children: [] }]);
  });

  describe.skipIf(noPdfTools)(`read back${skipNote(noPdfTools)}`, () => {
    it('passes qpdf --check', () => {
      expect(qpdfCheck(path).status).toBe(0);
    });

    it('embeds exactly the faces drawn, each a subset tagged after its characters', () => {
      const fonts = pdfFonts(path);
      for (const font of fonts) {
        expect(font, font.name).toMatchObject({ embedded: true, subset: true, unicode: true });
      }
      expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
        'NotoEmoji-Regular',
        'NotoSansSC-Regular',
        'SourceSans3-Bold',
        'SourceSerif4-Regular',
      ]);
    });

    it('keeps the text extractable, page by page', () => {
      expect(pdfText(path, 1)).toContain('Attention is all you need 注意力 😀');
      expect(pdfText(path, 2)).toContain('SECOND PAGE');
    });
  });
});
