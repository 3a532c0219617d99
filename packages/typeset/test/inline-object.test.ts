/** Inline objects (a formula in the text): set like a word, on the baseline, lines made room for. */
import {
  baselineOf,
  FontBook,
  type InlineObject,
  type Line,
  layoutParagraph,
  lineHeight,
  type Run,
  type TextStyle,
} from '@studykit/typeset';
import { describe, expect, it } from 'vitest';

const style: TextStyle = { family: 'serif', size: 10, color: [0, 0, 0] };
const formula = (width: number, height = 0.7, depth = 0.2): InlineObject => ({
  width,
  height,
  depth,
  draw: () => {},
});
const set = (runs: Run[], width: number) =>
  layoutParagraph(runs, { width, leading: 14, align: 'left' }, new FontBook());
const lineText = (line: Line) => line.pieces.map((piece) => (piece.object ? '[F]' : piece.text)).join('');

describe('an inline object in a paragraph', () => {
  it('takes its width in em of its run, and the text goes on after it', () => {
    const [line] = set(
      [
        { text: 'noise ', style },
        { text: '\\epsilon', style, object: formula(2) },
        { text: ' added', style },
      ],
      400,
    );
    const object = line?.pieces.find((piece) => piece.object);
    expect(object?.width).toBe(20);
    expect(object?.text).toBe('');
    const after = line?.pieces[line.pieces.indexOf(object as never) + 1];
    expect(after?.x).toBeCloseTo((object?.x ?? 0) + 20);
    expect(after?.text).toBe(' added');
    expect(lineText(line as Line)).toBe('noise [F] added');
  });

  it('breaks like a word: at the spaces around it, never before the comma after it', () => {
    const runs: Run[] = [
      { text: 'aaaa bbbb cccc ', style },
      { text: 'x', style, object: formula(3) },
      { text: ', dddd eeee', style },
    ];
    for (const width of [60, 80, 100, 120, 140]) {
      const lines = set(runs, width);
      for (const line of lines)
        expect(lineText(line).startsWith(','), `${width}: ${lineText(line)}`).toBe(false);
      expect(lines.map(lineText).join(' ')).toContain('[F],');
    }
  });

  it('makes room above and below its line when it is taller than the text', () => {
    const [plain] = set([{ text: 'plain text', style }], 400);
    const [tall] = set(
      [
        { text: 'a fraction ', style },
        { text: '\\frac{1}{2}', style, object: formula(1, 1.6, 0.9) },
      ],
      400,
    );
    expect(tall?.above).toBeCloseTo(16);
    expect(tall?.below).toBeCloseTo(9);
    expect(lineHeight(plain as Line)).toBe(14);
    expect(lineHeight(tall as Line)).toBeGreaterThan(14 + 10);
    // The baseline moves down by what the object needs above the line.
    expect(baselineOf(tall as Line)).toBeGreaterThan(baselineOf(plain as Line) + 5);
    // A small one changes nothing.
    const [small] = set([{ text: 'x', style, object: formula(1) }], 400);
    expect(lineHeight(small as Line)).toBe(14);
    expect(baselineOf(small as Line)).toBe(baselineOf(plain as Line));
  });
});
