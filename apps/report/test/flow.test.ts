import { describe, expect, it } from 'vitest';
import { type FlowBox, paginate } from '../src/flow.js';

const box = (height: number, extra: Partial<FlowBox> = {}): FlowBox => ({ height, ...extra });

describe('page breaking', () => {
  it('moves a heading to the next page together with the first lines of its paragraph', () => {
    const boxes = [
      box(90),
      box(14, { keepWithNext: true, markers: ['heading'] }),
      box(10, { keepWithNext: true }),
      box(10),
    ];
    const { pages, markers } = paginate(boxes, 110);
    expect(pages).toHaveLength(2);
    expect(markers.get('heading')).toEqual({ page: 1, y: 0 });
  });

  it('avoids a single widow line at the top of a page', () => {
    // A three-line paragraph whose last line alone would spill over: two lines move instead.
    const lines = [box(10, { keepWithNext: true }), box(10, { keepWithNext: true }), box(10)];
    const { pages } = paginate([box(75), ...lines], 100);
    expect(pages[1]?.boxes.map((placed) => placed.box)).toEqual(lines);
  });

  it('drops the space above a box at the top of a page', () => {
    const { pages } = paginate([box(95), box(10, { spaceBefore: 20 })], 100);
    expect(pages[1]?.boxes[0]?.top).toBe(0);
  });

  it('repeats a table header row on the next page', () => {
    const header = box(12, { keepWithNext: true });
    const rows = Array.from({ length: 12 }, () => box(12, { repeatHeader: header }));
    const { pages } = paginate([header, ...rows], 100);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.boxes[0]?.box).toBe(header);
  });

  it('starts a chapter on a new page and tracks the running header', () => {
    const { pages } = paginate(
      [
        box(10, { chapter: 'One' }),
        box(10),
        box(10, { chapter: 'Two', pageBreakBefore: true }),
        box(80),
        box(20),
      ],
      100,
    );
    expect(pages.map((page) => [page.chapter, page.opensChapter])).toEqual([
      ['One', true],
      ['Two', true],
      ['Two', false],
    ]);
  });
});
