/**
 * Formulas, images and diagrams of the notes in the report, as a reader sees them: numbered captions,
 * formulas set as vector art on the baseline of the text, the JPEG's own bytes, the PNG at its pixel
 * size, the diagram's labels as text, and no TeX left in the text.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StudyAst } from '@studykit/core';
import { loadContent } from '@studykit/core/fs';
import { MermaidRenderer } from '@studykit/diagram';
import { renderReport } from '@studykit/report';
import { contentWidth, geometryFor } from '@studykit/typeset';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDocument,
  PDFName,
  type PDFNumber,
  PDFRawStream,
  rgb,
} from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  noPdfTools,
  pdfFonts,
  pdfText,
  renderGrey,
  squeeze,
  wordBoxes,
  writeTemp,
} from '../../../packages/typeset/test/pdf-tools.js';
import { skipNote } from '../../../tests/skips.js';

/** The kit's figures fixture: math, a PNG, a large PNG, a JPEG, two SVGs, a mermaid block, Chinese alt text. */
const contentDir = fileURLToPath(new URL('../../../tests/fixtures/content-figures', import.meta.url));

let ast: StudyAst;
let renderer: MermaidRenderer | undefined;
let bytes: Uint8Array;
let path: string;
let text: string;

/** A family diagram as the lineage app would hand it over: one vector page. */
async function familyDiagramPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 120]).drawRectangle({ x: 10, y: 10, width: 280, height: 100, color: rgb(0.5, 0.3, 0.9) });
  return doc.save();
}

async function render(): Promise<Uint8Array> {
  const [file] = await renderReport(ast, {
    date: '2026-11-29',
    familyDiagrams: { pdf: await familyDiagramPdf(), families: ['diffusion'] },
    paperSize: 'a4',
    renderer: async () => {
      renderer ??= await MermaidRenderer.launch();
      return renderer;
    },
    readFile: (name) => readFile(join(contentDir, name)),
  });
  return file?.contents as Uint8Array;
}

beforeAll(async () => {
  ast = await loadContent(contentDir);
  bytes = await render();
  path = writeTemp(bytes, 'figures.pdf');
  text = noPdfTools ? '' : pdfText(path);
}, 120_000);

afterAll(async () => {
  await renderer?.close();
});

/** The PDF's image XObjects: their size, filter and stream bytes. */
async function imagesIn(pdf: Uint8Array) {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const streams = doc.context
    .enumerateIndirectObjects()
    .flatMap(([, object]) =>
      object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')
        ? [object]
        : [],
    );
  // A PNG with alpha is two images: its colour and its soft mask (/SMask).
  const masks = new Set(streams.map((stream) => stream.dict.get(PDFName.of('SMask'))).filter(Boolean));
  return streams
    .filter((stream) => ![...masks].some((mask) => doc.context.lookup(mask as never) === stream))
    .map((stream) => ({
      width: (stream.dict.get(PDFName.of('Width')) as PDFNumber).asNumber(),
      height: (stream.dict.get(PDFName.of('Height')) as PDFNumber).asNumber(),
      filter: String(stream.dict.get(PDFName.of('Filter'))),
      contents: stream.contents,
    }));
}

/** The lowest dark pixel row under a word, in points from the page's top (rendered at 288 dpi). */
function inkBottom(page: number, word: { xMin: number; yMin: number; xMax: number; yMax: number }): number {
  const dpi = 288;
  const scale = dpi / 72;
  const image = renderGrey(path, page, dpi);
  let bottom = -1;
  for (let y = Math.floor(word.yMin * scale); y < Math.ceil(word.yMax * scale); y++) {
    for (let x = Math.floor(word.xMin * scale); x < Math.ceil(word.xMax * scale); x++) {
      if ((image.pixels[y * image.width + x] ?? 255) < 128) bottom = y;
    }
  }
  return (bottom + 1) / scale;
}

describe.skipIf(noPdfTools)(`the report's formulas and figures${skipNote(noPdfTools)}`, () => {
  it('numbers every figure in reading order, the family lineage among them, with its alt text or caption', () => {
    const flat = squeeze(text);
    const captions = [
      'Figure 1: Noise schedule: β grows from small to large over the steps',
      'Figure 2: How the papers of Figures and formulas build on one another',
      'Figure 3: 前向加噪与反向去噪',
      'Figure 4: CIFAR-10 samples',
      'Figure 5: 从噪声到图像的去噪过程',
      'Figure 6: pass@k rises with k',
      'Figure 7: Training loss over steps, a large figure',
    ];
    const at = captions.map((caption) => flat.indexOf(squeeze(caption)));
    expect(
      at.every((index) => index >= 0),
      `${at.join(', ')}\n${text}`,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(flat).not.toContain('Figure8');
  });

  it('leaves no TeX in the text: formulas are drawn, their dollars and commands gone', () => {
    expect(text).toContain('The forward process adds noise');
    expect(text).not.toMatch(/\$|\\[a-zA-Z]+/);
    // The formulas' own glyphs are text too (KaTeX's fonts): a reader can still find them.
    expect(text).toMatch(/pass@k/);
    const names = pdfFonts(path).map((font) => font.name.slice(7));
    expect(names).toEqual(expect.arrayContaining(['KaTeX_Main-Regular', 'KaTeX_Math-Italic']));
  });

  it('draws formulas, SVGs and the diagram as vector art: the only images are the PNGs and the JPEG', async () => {
    const images = await imagesIn(bytes);
    const sizes = images.map(({ width, height, filter }) => ({ width, height, filter }));
    expect(sizes).toEqual(
      expect.arrayContaining([
        { width: 256, height: 256, filter: '/FlateDecode' },
        { width: 1600, height: 1000, filter: '/FlateDecode' },
        { width: 480, height: 120, filter: '/DCTDecode' },
      ]),
    );
    expect(sizes).toHaveLength(3);
  });

  it('embeds the JPEG byte for byte', async () => {
    const jpeg = await readFile(join(contentDir, 'diffusion/figures/denoising.jpg'));
    const [embedded] = (await imagesIn(bytes)).filter((image) => image.filter === '/DCTDecode');
    expect(Buffer.from(embedded?.contents ?? []).equals(jpeg)).toBe(true);
  });

  it('sets an inline formula on the baseline of its line', () => {
    const page = text.split('\f').findIndex((pageText) => pageText.includes('samples per problem')) + 1;
    const words = wordBoxes(path, page);
    const draw = words.find((word) => word.text === 'Draw');
    const letter = words.find((word) => word.text === 'n');
    expect(draw && letter).toBeTruthy();
    if (!draw || !letter) return;
    // Same line: the formula's n sits on the baseline that "Draw" sits on (no descenders in either).
    expect(Math.abs(draw.yMax - letter.yMax)).toBeLessThan(4);
    expect(Math.abs(inkBottom(page, draw) - inkBottom(page, letter))).toBeLessThan(0.5);
  });

  it('draws the diagram as vector text and the Chinese caption in the kit’s CJK face', () => {
    for (const label of ['x₀ image', 'q: add noise', 'p_θ: denoise'])
      expect(squeeze(text)).toContain(squeeze(label));
    expect(pdfFonts(path).map((font) => font.name.slice(7))).toContain('NotoSansSC-Regular');
    const page = text.split('\f').findIndex((pageText) => pageText.includes('从噪声到图像的去噪过程')) + 1;
    const caption = wordBoxes(path, page).find((word) => word.text.includes('从噪声到图像的去噪过程'));
    expect(caption).toBeDefined();
  });

  it('is byte-identical when rendered again: the formulas, SVGs and diagram printed again give the same PDF', async () => {
    const again = await render();
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  }, 60_000);

  it('draws each image at its natural size (96 px to the inch) when the column has room, else as wide as the column, keeping its shape', async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const drawn: { width: number; height: number }[] = [];
    for (const page of doc.getPages()) {
      const contents = page.node.Contents();
      const streams = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
      for (const ref of streams) {
        const stream = doc.context.lookup(ref);
        if (!(stream instanceof PDFRawStream)) continue;
        const ops = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
        for (const match of ops.matchAll(/q (\S+) 0 0 (\S+) \S+ \S+ cm (\/Image\S*) Do Q/g))
          drawn.push({ width: Number(match[1]), height: Number(match[2]) });
      }
    }
    expect(drawn.slice(0, 2)).toEqual([
      { width: 192, height: 192 },
      { width: 360, height: 90 },
    ]);
    const large = drawn[2];
    const column = contentWidth(geometryFor('a4'));
    expect(large?.width).toBeCloseTo(column, 1);
    expect((large?.width ?? 0) / (large?.height ?? 1)).toBeCloseTo(1.6, 2);
  });
});
