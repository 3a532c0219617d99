import type { Block } from '@studykit/core';
import { noteSpans } from '@studykit/view';
import { describe, expect, it } from 'vitest';

const note = (children: unknown[]): Block => ({ children: children as Block['children'], text: '' });

describe('a speaker note as spans', () => {
  it('keeps each formula apart from the text, inline or display, and joins blocks with a space', () => {
    const spans = noteSpans(
      note([
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'Noise ' },
            { type: 'inlineMath', value: '\\epsilon' },
            { type: 'text', value: ' at step ' },
            { type: 'emphasis', children: [{ type: 'text', value: 't' }] },
          ],
        },
        { type: 'math', value: 'L = \\lVert \\epsilon \\rVert^2' },
        { type: 'paragraph', children: [{ type: 'text', value: '然后去噪。' }] },
      ]),
    );
    expect(spans).toEqual([
      { text: 'Noise ' },
      { tex: '\\epsilon', display: false },
      { text: ' at step t ' },
      { tex: 'L = \\lVert \\epsilon \\rVert^2', display: true },
      { text: ' 然后去噪。' },
    ]);
  });
});
