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

  it('never ends a page on a lead-in whose list continues on the next (keep with next)', () => {
    // ChatGPT's Results: a paragraph, three bullets, "Limitations that OpenAI lists:" (chunk 4), five
    // bullets. At even heights the best split ends page one on the lead-in; it must go with its list.
    const heights = [40, 50, 60, 30, 30, 90, 30, 60, 30, 30];
    const bounds = paginate(10, (i) => i === 4, additive(heights, 300));
    expect(bounds).toEqual([
      [0, 4],
      [4, 10],
    ]);
    // Without the mark the lead-in would end page one: the test can fail.
    expect(paginate(10, () => false, additive(heights, 300))[0]).toEqual([0, 5]);
  });

  it('keeps a section a little taller than a page on one page, shown smaller, rather than a half-empty pair', () => {
    // 430 px in a 400 px body: at zoom 0.9 a page holds 444 px.
    expect(paginate(4, () => false, additive([100, 110, 110, 110], 400), 0.9)).toEqual([[0, 4]]);
    expect(paginate(4, () => false, additive([100, 110, 110, 110], 400))).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });

  it('takes no more pages than the content needs, and splits them evenly', () => {
    // 3 parallel bullets that need two pages are not cut 2 + 1 when 1 + 2 is as many pages and more even.
    expect(paginate(3, () => false, additive([150, 150, 200], 400))).toEqual([
      [0, 2],
      [2, 3],
    ]);
    // Five chunks of 170 px in a 400 px body need three pages; at zoom 0.9 (444 px) still three, not
    // four, and no page is shrunk when an unshrunk split of as many pages exists.
    const bounds = paginate(5, () => false, additive([170, 170, 170, 170, 170], 400), 0.9);
    expect(bounds).toHaveLength(3);
    expect(bounds.map(([from, to]) => to - from)).toEqual([2, 2, 1]);
  });

  it('ends no page on a heading, even when shrinking would save nothing', () => {
    // A heading (chunk 1) that would end the shrunk page: the section takes two full-size pages.
    const bounds = paginate(3, (i) => i === 1, additive([300, 40, 300], 400), 0.9);
    expect(bounds).toEqual([
      [0, 1],
      [1, 3],
    ]);
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
