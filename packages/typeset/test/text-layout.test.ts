import { MISSING_GLYPH } from '@studykit/fonts';
import { FontBook, type Line, layoutParagraph, type TextStyle, Typesetter } from '@studykit/typeset';
import { describe, expect, it } from 'vitest';

const style: TextStyle = { family: 'serif', size: 10, color: [0, 0, 0] };
const lineText = (line: Line) => line.pieces.map((piece) => piece.text).join('');

function layout(text: string, width: number, options: { align?: 'justify' | 'left'; pre?: boolean } = {}) {
  return layoutParagraph(
    [{ text, style }],
    { width, leading: 14, align: options.align ?? 'justify', ...options },
    new FontBook(),
  );
}

const english =
  'Generative pre-training of a language model on a diverse corpus of unlabeled text, followed by discriminative fine-tuning on each specific task, gives large gains.';

describe('English line breaking', () => {
  it('wraps at spaces only, keeps every word whole and never exceeds the width', () => {
    const lines = layout(english, 180);
    expect(lines.length).toBeGreaterThan(3);
    const words = new Set(english.split(' '));
    for (const line of lines) {
      expect(line.width).toBeLessThanOrEqual(180.01);
      for (const word of lineText(line).split(' ')) expect(words.has(word), word).toBe(true);
    }
    expect(lines.map(lineText).join(' ')).toBe(english);
  });

  it('justifies every line but the last to the full width', () => {
    const lines = layout(english, 260);
    for (const line of lines.slice(0, -1)) expect(line.width).toBeCloseTo(260, 1);
    expect(lines[lines.length - 1]?.width).toBeLessThan(260);
  });

  it('never inserts a hyphen, nor breaks after the hyphen of a compound', () => {
    for (const width of [90, 120, 150]) {
      const lines = layout(english, width, { align: 'left' });
      const hyphens = lines.map(lineText).join('').split('-').length;
      expect(hyphens).toBe(english.split('-').length);
      for (const line of lines) expect(lineText(line)).not.toMatch(/\p{L}-$/u);
    }
  });

  it('cuts a word longer than the line instead of overflowing', () => {
    const long = 'x'.repeat(400);
    const lines = layout(`start ${long} end`, 150);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(150.01);
    expect(lines.map(lineText).join('')).toContain(long.slice(0, 100));
  });

  it('drops control and bidi-override characters but keeps markup literally', () => {
    const [line] = layout('a\u202Eb\u0007c <b>&amp;</b>', 400);
    expect(line && lineText(line)).toBe('abc <b>&amp;</b>');
  });

  it('keeps spaces in preformatted lines', () => {
    const [line] = layout('    indented  twice', 400, { pre: true, align: 'left' });
    expect(line && lineText(line)).toBe('    indented  twice');
  });
});

describe('Chinese and mixed text', () => {
  const chinese =
    '开源的大模型大多以英文为主，中文能力有限。我们希望得到一个可以在单张消费级显卡上运行的双语对话模型（支持INT4量化），并且保持较好的中文理解与生成能力。';

  it('breaks between ideographs and never starts a line with closing punctuation', () => {
    for (const width of [60, 75, 90, 105, 120, 150]) {
      const lines = layout(chinese, width);
      expect(lines.map(lineText).join('')).toBe(chinese);
      for (const line of lines) {
        expect(line.width).toBeLessThanOrEqual(width + 0.01);
        expect(lineText(line), `width ${width}`).not.toMatch(/^[，。、）：；！？」』]/);
        expect(lineText(line)).not.toMatch(/[（「『]$/);
      }
    }
  });

  it('draws ideographs with the CJK face and Latin letters with the Latin face, in one paragraph', () => {
    const lines = layout('Mixed 中文 text 混排', 400);
    const pieces = lines.flatMap((line) => line.pieces);
    expect(pieces.find((piece) => piece.text.includes('中文'))?.font).toBe('cjk');
    expect(pieces.find((piece) => piece.text.includes('Mixed'))?.font).toBe('serif');
  });

  it('uses the bold CJK face for bold requests', () => {
    const book = new FontBook();
    const [line] = layoutParagraph(
      [{ text: '粗体', style: { ...style, bold: true } }],
      { width: 200, leading: 14 },
      book,
    );
    expect(line?.pieces[0]?.font).toBe('cjkBold');
    expect(book.used.has('cjkBold')).toBe(true);
  });

  it('draws emoji with the emoji face', () => {
    const [line] = layout('smile 😀 here', 400);
    expect(line && lineText(line)).toBe('smile 😀 here');
    expect(line?.pieces.find((piece) => piece.text.includes('😀'))?.font).toBe('emoji');
  });

  it('substitutes the kit’s missing-glyph character (a visible question mark) for characters no face has', () => {
    // U+1D11E (musical G clef): no shipped face draws it.
    const [line] = layout('clef \u{1D11E} sign', 400);
    expect(MISSING_GLYPH).toBe('?');
    expect(line && lineText(line)).toBe(`clef ${MISSING_GLYPH} sign`);
  });

  it('draws what the serif lacks with the sans of the same weight, as the decks do (the kit’s one fallback order)', () => {
    const book = new FontBook();
    const [line] = layoutParagraph(
      [
        { text: 'feature map ϕ', style },
        { text: ' bold ϕ', style: { ...style, bold: true, italic: true } },
      ],
      { width: 400, leading: 14 },
      book,
    );
    const fonts = line?.pieces.filter((piece) => piece.text.includes('ϕ')).map((piece) => piece.font);
    expect(fonts).toEqual(['sans', 'sansBold']);
  });
});

describe('one line (running headers, folios)', () => {
  const typesetter = new Typesetter(new FontBook());
  const text = (line: Line) => line.pieces.map((piece) => piece.text).join('');

  it('keeps a line that fits as it is', () => {
    const line = typesetter.oneLine([{ text: 'Attention', style }], {
      width: 300,
      leading: 11,
      align: 'right',
    });
    expect(text(line)).toBe('Attention');
    expect(line.pieces[0]?.x).toBeCloseTo(300 - line.width, 3);
  });

  it('cuts the last run with an ellipsis instead of wrapping, never inside an emoji', () => {
    const runs = [
      { text: 'Study', style: { ...style, bold: true } },
      { text: ` · ${'🙂 long subject '.repeat(12)}`, style },
    ];
    const line = typesetter.oneLine(runs, { width: 200, leading: 11, align: 'left' });
    expect(line.width).toBeLessThanOrEqual(200.01);
    expect(text(line)).toMatch(/^Study · 🙂 long subject .*…$/u);
    expect(text(line)).not.toMatch(/\p{Cs}/u);
  });

  it('gives an empty line for no text', () => {
    expect(typesetter.oneLine([{ text: '', style }], { width: 100, leading: 11 }).pieces).toEqual([]);
  });
});
