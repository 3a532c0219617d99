import { describe, expect, it } from 'vitest';
import type { Chunk } from '../src/chunks.js';
import { joinChunks, paginate, type RunHeights } from '../src/paginate.js';

/** Runs of chunks whose heights simply add up (what Chromium reports for plain paragraphs). */
function additive(heights: number[], available: number): RunHeights {
  const runs = heights.map((_, from) => {
    const row: number[] = [];
    let sum = 0;
    for (let to = from; to < heights.length; to += 1) {
      sum += heights[to] ?? 0;
      row.push(sum);
      if (sum > available) break;
    }
    return row;
  });
  return { available, runs };
}

describe('paginate', () => {
  it('keeps what fits on one page', () => {
    expect(paginate(3, () => false, additive([100, 100, 100], 400))).toEqual([[0, 3]]);
  });

  it('uses the fewest pages and splits them evenly (3+2, not 4+1)', () => {
    expect(paginate(5, () => false, additive([100, 100, 100, 100, 100], 420))).toEqual([
      [0, 3],
      [3, 5],
    ]);
  });

  it('never ends a page on a heading when it can be avoided', () => {
    // Chunk 2 is a heading: pages [0,3) would leave it alone at the bottom.
    const bounds = paginate(4, (i) => i === 2, additive([100, 100, 50, 100], 260));
    expect(bounds.some(([, to]) => to === 3)).toBe(false);
  });

  it('gives a chunk taller than a page a page of its own', () => {
    expect(paginate(3, () => false, additive([100, 900, 100], 400))).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it('trusts the measured heights even when they do not add up (margins collapse, tables re-balance)', () => {
    const measured: RunHeights = { available: 300, runs: [[100, 190, 290], [100, 190], [100]] };
    expect(paginate(3, () => false, measured)).toEqual([[0, 3]]);
  });
});

describe('joinChunks', () => {
  it('wraps consecutive members of a group once and continues list numbering', () => {
    const group = { open: '<ol start="{start}">', close: '</ol>' };
    const chunks: Chunk[] = [
      { html: '<p>a</p>' },
      { html: '<li>x</li>', group, indexInGroup: 4 },
      { html: '<li>y</li>', group, indexInGroup: 5 },
    ];
    expect(joinChunks(chunks)).toBe('<p>a</p><ol start="5"><li>x</li><li>y</li></ol>');
  });
});
