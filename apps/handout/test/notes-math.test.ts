/**
 * Formulas in speaker notes, on the handout's notes pages: typeset as in the report (KaTeX printed by
 * Chromium, vector, on the baseline), no TeX left in the text, Chinese notes around them intact.
 */
import { MermaidRenderer } from '@studykit/diagram';
import { type HandoutSlide, renderHandout } from '@studykit/handout';
import { LABELS } from '@studykit/view';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfFonts } from '../../../packages/typeset/test/pdf-tools.js';
import { skipNote } from '../../../tests/skips.js';
import {
  makeDeck,
  noPoppler,
  pdfText,
  renderGrey,
  type Word,
  wordBoxes,
  writeTemp,
  xObjectKinds,
} from './tools.js';

const SLIDES: HandoutSlide[] = [
  {
    kind: 'section',
    title: 'Approach',
    kicker: '',
    zoom: 1,
    notes: [
      [
        { text: 'The forward process ' },
        { tex: 'q(x_t \\mid x_{t-1})', display: false },
        { text: ' adds noise with ' },
        { tex: 'T = 1000', display: false },
        { text: ' steps; the loss is' },
        { tex: '\\mathbb{E}\\left[\\lVert \\epsilon - \\epsilon_\\theta \\rVert^2\\right]', display: true },
        { text: 'which the model minimises.' },
      ],
      [
        { text: '扩散模型每一步加入噪声 ' },
        { tex: '\\epsilon', display: false },
        { text: '，再学习去除它。' },
      ],
      'A plain note from an older deck.json.',
    ],
  },
];

let renderer: MermaidRenderer | undefined;
let path: string;
let bytes: Uint8Array;

beforeAll(async () => {
  const file = await renderHandout({
    deckPdf: await makeDeck(SLIDES),
    slides: SLIDES,
    layout: 'notes',
    header: { study: 'Classic LLM papers', subject: 'Diffusion', date: new Date(Date.UTC(2026, 10, 29)) },
    words: LABELS.en,
    path: 'handout/diffusion.pdf',
    formulaPrinter: async () => {
      renderer ??= await MermaidRenderer.launch();
      return renderer;
    },
  });
  bytes = file.contents as Uint8Array;
  path = writeTemp(bytes);
}, 120_000);

afterAll(async () => {
  await renderer?.close();
});

/** The lowest dark pixel row under a word, in points from the top (rendered at 288 dpi). */
function inkBottom(word: Word): number {
  const scale = 4;
  const image = renderGrey(path, 1, 72 * scale);
  let bottom = -1;
  for (let y = Math.floor(word.yMin * scale); y < Math.ceil(word.yMax * scale); y++) {
    for (let x = Math.floor(word.xMin * scale); x < Math.ceil(word.xMax * scale); x++) {
      if ((image.pixels[y * image.width + x] ?? 255) < 128) bottom = y;
    }
  }
  return (bottom + 1) / scale;
}

describe.skipIf(noPoppler)(`formulas in the handout's notes${skipNote(noPoppler)}`, () => {
  it('sets them instead of printing their TeX, the text around them whole', () => {
    const text = pdfText(path, 1);
    expect(text).toContain('The forward process');
    expect(text).toContain('which the model minimises.');
    expect(text).toContain('A plain note from an older deck.json.');
    expect(text.replace(/\s+/g, '')).toContain('再学习去除它。');
    expect(text).not.toMatch(/\$|\\[a-zA-Z]+/);
    expect(text).toMatch(/1000/);
    const names = pdfFonts(path).map((font) => font.name.slice(7));
    expect(names).toEqual(
      expect.arrayContaining(['KaTeX_Main-Regular', 'KaTeX_Math-Italic', 'NotoSansSC-Regular']),
    );
  });

  it('draws them as vector forms, never as images', async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const kinds = xObjectKinds(doc, 0);
    expect(kinds.filter((kind) => kind === 'Form').length).toBeGreaterThanOrEqual(5);
    expect(kinds).not.toContain('Image');
  });

  it('puts an inline formula on the baseline of its line', () => {
    const words = wordBoxes(path, 1);
    const withWord = words.find((word) => word.text === 'with');
    const number = words.find((word) => word.text.includes('1000'));
    expect(withWord && number).toBeTruthy();
    if (!withWord || !number) return;
    expect(Math.abs(inkBottom(withWord) - inkBottom(number))).toBeLessThan(0.5);
  });
});
